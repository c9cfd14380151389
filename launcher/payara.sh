# Payara Server 6 (full distribution zip from Maven Central): a domain of our own in the state
# folder, a JDBC pool on our PostgreSQL, and the EAR deployed.

PAYARA_DOMAIN=fincopilot

payara_dir() { printf '%s' "$FINCOPILOT_STATE/runtime/payara"; }
payara_domaindir() { printf '%s' "$FINCOPILOT_STATE/payara-domains"; }
payara_log_file() { printf '%s' "$(payara_domaindir)/$PAYARA_DOMAIN/logs/server.log"; }
payara_pidfile() { printf '%s' "$(payara_domaindir)/$PAYARA_DOMAIN/config/pid"; }

# The domain is made again when this file or the database it points at changes.
payara_config_version() {
  local heap
  heap=$(payara_heap) || exit 1
  { cat "$FINCOPILOT_HOME/launcher/payara.sh"; echo "$FINCOPILOT_PG_HOST:$FINCOPILOT_PG_PORT/$FINCOPILOT_PG_DATABASE $heap"; } | cksum
}

asadmin() {
  "$(payara_dir)/bin/asadmin" --interactive=false --host 127.0.0.1 --port "$FINCOPILOT_ADMIN_PORT" --user admin \
    --passwordfile "$(payara_passwordfile)" "$@"
}

payara_unpack() { # zip dir
  extract_zip "$1" "$2.tmp"
  mv "$2.tmp"/payara6/* "$2"/
  rm -rf "$2.tmp"
  chmod +x "$2"/bin/* "$2"/glassfish/bin/*
}

# The application's settings, read through MicroProfile Config from the server's environment.
payara_environment() {
  export FINCOPILOT_KEYCLOAK_URL="$KEYCLOAK_URL"
  export FINCOPILOT_KEYCLOAK_PROVISIONER_SECRET="$PROVISIONER_SECRET"
  export FINCOPILOT_S3_ENDPOINT="$S3_URL"
  export FINCOPILOT_S3_PATH_STYLE=true
  export FINCOPILOT_S3_BUCKET="$FINCOPILOT_BUCKET"
  export FINCOPILOT_S3_ACCESS_KEY="$S3_ACCESS_KEY"
  export FINCOPILOT_S3_SECRET_KEY="$S3_SECRET_KEY"
  # Migrations run as the schema's owner; the pool (jdbc/fincopilot) connects as the application role.
  export FINCOPILOT_DB_OWNER_USER="$PG_OWNER_USER"
  export FINCOPILOT_DB_OWNER_PASSWORD="$PG_OWNER_PASSWORD"
  export FINCOPILOT_AUDIT_HMAC_KEYS="$AUDIT_HMAC_KEYS"
  export FINCOPILOT_AUDIT_HMAC_ACTIVE_KEY="$AUDIT_HMAC_ACTIVE_KEY"
  export FINCOPILOT_AUDIT_DIGEST_BUCKET="$FINCOPILOT_AUDIT_BUCKET"
}

# The pool's password lives in the domain's encrypted alias store, read from a file of mode 600:
# never on a command line (ps) nor in domain.xml.
payara_password_alias() { # alias password
  local file
  file=$(umask 077 && mktemp)
  printf 'AS_ADMIN_PASSWORD=%s\nAS_ADMIN_ALIASPASSWORD=%s\n' "$PAYARA_ADMIN_PASSWORD" "$2" >"$file"
  "$(payara_dir)/bin/asadmin" --interactive=false --host 127.0.0.1 --port "$FINCOPILOT_ADMIN_PORT" --user admin \
    --passwordfile "$file" create-password-alias "$1" >>"$FINCOPILOT_STATE/logs/payara-setup.log" 2>&1
  local status=$?
  rm -f "$file"
  return $status
}

# The admin user's password file (mode 600): asadmin reads the password from it, never from its command line.
payara_passwordfile() { printf '%s' "$FINCOPILOT_STATE/run/payara-admin.pw"; }

payara_write_passwordfile() {
  (umask 077 && printf 'AS_ADMIN_PASSWORD=%s\n' "$PAYARA_ADMIN_PASSWORD" >"$(payara_passwordfile)")
}

# One configuration step; a failed step stops the launcher (a half-configured domain is never marked done).
payara_configure() {
  asadmin "$@" >>"$FINCOPILOT_STATE/logs/payara-setup.log" 2>&1 \
    || die "configuring Payara failed at 'asadmin $1'; see $FINCOPILOT_STATE/logs/payara-setup.log"
}

# Payara Server's heap: a sixth of the machine's memory, from 2 GB to 4 GB (decision 70: the built-in
# vector index and its loads); FINCOPILOT_PAYARA_HEAP (such as 3g or 2560m) overrides it.
payara_heap() { memory_share FINCOPILOT_PAYARA_HEAP '^[0-9]+[mg]$' '3g or 2560m' 6 2048 4096 m; }

payara_create_domain() {
  local domaindir listener
  domaindir=$(payara_domaindir)
  step "creating the Payara domain (ports $FINCOPILOT_PORT_BASE+)"
  payara_write_passwordfile
  "$(payara_dir)/bin/asadmin" --interactive=false --user admin --passwordfile "$(payara_passwordfile)" create-domain \
    --domaindir "$domaindir" --portbase "$FINCOPILOT_PORT_BASE" "$PAYARA_DOMAIN" \
    >>"$FINCOPILOT_STATE/logs/payara-setup.log" 2>&1 \
    || die "create-domain failed; see $FINCOPILOT_STATE/logs/payara-setup.log"
  cp "$FINCOPILOT_STATE/downloads/postgresql-jdbc.jar" "$domaindir/$PAYARA_DOMAIN/lib/"
  payara_launch
  local pool="serverName=$FINCOPILOT_PG_HOST:portNumber=$FINCOPILOT_PG_PORT:databaseName=$FINCOPILOT_PG_DATABASE:user=$PG_APP_USER"
  pool="$pool:password=\${ALIAS=fincopilot-db-app}:stringtype=unspecified:ApplicationName=fincopilot"
  payara_password_alias fincopilot-db-app "$PG_APP_PASSWORD" \
    || die "configuring Payara failed at 'create-password-alias'; see $FINCOPILOT_STATE/logs/payara-setup.log"
  asadmin delete-jvm-options -Xmx512m >>"$FINCOPILOT_STATE/logs/payara-setup.log" 2>&1 || true # absent in some versions
  # The whole heap from the start: grown from the default 1/64 of the machine, the first minutes
  # after a start paid for resizing collections (decision 71).
  payara_configure create-jvm-options "-Xmx$(payara_heap)"
  payara_configure create-jvm-options "-Xms$(payara_heap)"
  # Temporary files (ONNX Runtime unpacks its native library there at every start) stay in the state
  # folder and are removed when the server starts again.
  payara_configure create-jvm-options "-Djava.io.tmpdir=$FINCOPILOT_STATE/tmp/payara"
  payara_configure create-jvm-options -Dfincopilot.stack="$FINCOPILOT_STATE"
  # JSON-P's provider by name: without it every Json.createObjectBuilder() (each JSON log line, each
  # health answer) searches the class path through ServiceLoader.
  payara_configure create-jvm-options -Djakarta.json.provider=org.eclipse.parsson.JsonProviderImpl
  # Ingestion's native libraries (the tokenizer's) and PDFBox's font cache live in the state folder.
  payara_configure create-jvm-options "-Dfincopilot.ingestion.native-cache=$FINCOPILOT_STATE/djl"
  payara_configure create-jvm-options "-Dpdfbox.fontcache=$FINCOPILOT_STATE/pdfbox"
  # The built-in vector index's dot product with SIMD instructions (decision 67).
  payara_configure create-jvm-options -- --add-modules=jdk.incubator.vector
  # Eight connections kept, each for half an hour idle: a new PostgreSQL backend spends about 40 ms on
  # its first search (planning over the chunk partitions, the text search dictionary), decision 70.
  payara_configure create-jdbc-connection-pool --datasourceclassname org.postgresql.ds.PGSimpleDataSource \
    --restype javax.sql.DataSource --steadypoolsize 8 --maxpoolsize 32 --idletimeout 1800 \
    --isconnectvalidatereq=true --validationmethod custom-validation \
    --validationclassname org.glassfish.api.jdbc.validation.PostgresConnectionValidation \
    --property "$pool" fincopilot-pool
  payara_configure create-jdbc-resource --connectionpoolid fincopilot-pool jdbc/fincopilot
  # Roles in tokens arrive as groups; each group is the role of the same name.
  payara_configure set configs.config.server-config.security-service.activate-default-principal-to-role-mapping=true
  # Two stacks on one machine (up and test) must never join one data grid.
  payara_configure set-hazelcast-configuration --clustername "fincopilot-$FINCOPILOT_PORT_BASE"
  # JSON lines in server.log; a Map parameter of a record (see StructuredLog) becomes JSON fields.
  payara_configure set-log-attributes \
    "com.sun.enterprise.server.logging.GFFileHandler.formatter=fish.payara.enterprise.server.logging.JSONLogFormatter"
  # Nothing reads the server's console: formatting every record for it again (the access log line of
  # every request) is wasted work. server.log keeps everything.
  payara_configure set-log-attributes --validate=false "java.util.logging.ConsoleHandler.level=OFF"
  # A server's request threads, not the domain's five: a slow or stuck request must not stop the others.
  payara_configure set configs.config.server-config.thread-pools.thread-pool.http-thread-pool.max-thread-pool-size=64
  payara_configure set configs.config.server-config.thread-pools.thread-pool.http-thread-pool.min-thread-pool-size=8
  for listener in http-listener-1 http-listener-2; do
    # Do not advertise the server and its version, over HTTP or HTTPS.
    payara_configure set "configs.config.server-config.network-config.protocols.protocol.$listener.http.xpowered-by=false"
    payara_configure set "configs.config.server-config.network-config.protocols.protocol.$listener.http.server-header=false"
    # A request that has not finished within two minutes is cut off; idle keep-alive connections after 30 s.
    payara_configure set "configs.config.server-config.network-config.protocols.protocol.$listener.http.request-timeout-seconds=120"
    payara_configure set "configs.config.server-config.network-config.protocols.protocol.$listener.http.timeout-seconds=30"
  done
  # The admin port answers this machine only, and only with the admin password (see docs/operations.md).
  payara_configure set configs.config.server-config.network-config.network-listeners.network-listener.admin-listener.address=127.0.0.1
  asadmin stop-domain --domaindir "$domaindir" "$PAYARA_DOMAIN" >>"$FINCOPILOT_STATE/logs/payara-setup.log" 2>&1 || true
  payara_config_version >"$domaindir/$PAYARA_DOMAIN/.fincopilot-configured"
}

payara_launch() {
  require_free_port "$FINCOPILOT_HTTP_PORT" "Payara (HTTP)" FINCOPILOT_PORT_BASE
  require_free_port "$FINCOPILOT_ADMIN_PORT" "Payara (admin)" FINCOPILOT_PORT_BASE
  payara_environment
  rm -rf "$FINCOPILOT_STATE/tmp/payara"
  mkdir -p "$FINCOPILOT_STATE/tmp/payara"
  "$(payara_dir)/bin/asadmin" --interactive=false start-domain --domaindir "$(payara_domaindir)" "$PAYARA_DOMAIN" \
    >>"$FINCOPILOT_STATE/logs/payara-setup.log" 2>&1 || die "Payara did not start; see $(payara_log_file)"
}

payara_start() {
  payara_write_passwordfile
  if pid_alive "$(payara_pidfile)"; then return 0; fi
  unpack_once "$FINCOPILOT_STATE/downloads/payara.zip" "$(payara_dir)" payara_unpack
  # The domain holds no data (that is in PostgreSQL and S3): when this script's configuration
  # changes, the domain is made again from scratch rather than patched.
  local version
  version=$(payara_config_version) || exit 1
  if [ "$(cat "$(payara_domaindir)/$PAYARA_DOMAIN/.fincopilot-configured" 2>/dev/null)" != "$version" ]; then
    rm -rf "$(payara_domaindir)/$PAYARA_DOMAIN"
    payara_create_domain
  fi
  step "starting Payara Server on $APP_URL (admin port $FINCOPILOT_ADMIN_PORT)"
  payara_launch
}

payara_deploy() {
  local ear="$FINCOPILOT_HOME/platform-ear/target/fincopilot.ear" marker sum
  marker="$(payara_domaindir)/$PAYARA_DOMAIN/.fincopilot-deployed"
  sum=$(cksum <"$ear")
  if [ -f "$marker" ] && [ "$(cat "$marker")" = "$sum" ] && asadmin list-applications 2>/dev/null | grep -q '^fincopilot '; then
    wait_http "$APP_URL/health/ready" 120 FinCopilot "$(payara_log_file)"
    return 0
  fi
  step "deploying the EAR"
  asadmin deploy --force=true --name fincopilot "$ear" >>"$FINCOPILOT_STATE/logs/payara-setup.log" 2>&1 \
    || die "the EAR did not deploy; see $(payara_log_file)"
  echo "$sum" >"$marker"
  wait_http "$APP_URL/health/ready" 120 FinCopilot "$(payara_log_file)"
}

payara_stop() {
  if pid_alive "$(payara_pidfile)"; then
    asadmin stop-domain --domaindir "$(payara_domaindir)" "$PAYARA_DOMAIN" >/dev/null 2>&1 \
      || stop_pid "$(payara_pidfile)" Payara
    say "stopped Payara"
  fi
}

payara_status() { status_line payara "$(payara_pidfile)" "$APP_URL" "$FINCOPILOT_HTTP_PORT"; }
