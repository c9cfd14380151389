# Keycloak: keycloak-quarkus-dist from Maven Central, its own database in our PostgreSQL, local
# caches, the realm from keycloak-realms/ imported on first start.

keycloak_dir() { printf '%s' "$FINCOPILOT_STATE/runtime/keycloak"; }
keycloak_pidfile() { printf '%s' "$FINCOPILOT_STATE/run/keycloak.pid"; }

keycloak_unpack() { # zip dir
  extract_zip "$1" "$2.tmp"
  mv "$2.tmp"/keycloak-*/* "$2"/
  rm -rf "$2.tmp"
  chmod +x "$2"/bin/*.sh
}

keycloak_start() {
  local dir
  dir=$(keycloak_dir)
  if pid_alive "$(keycloak_pidfile)"; then
    wait_http "$KEYCLOAK_URL/realms/$FINCOPILOT_REALM" 120 Keycloak "$FINCOPILOT_STATE/logs/keycloak.log"
    keycloak_sync_realm
    return 0
  fi
  unpack_once "$FINCOPILOT_STATE/downloads/keycloak.zip" "$dir" keycloak_unpack
  require_free_port "$FINCOPILOT_KEYCLOAK_PORT" Keycloak "FINCOPILOT_KEYCLOAK_PORT or FINCOPILOT_PORT_BASE"
  require_free_port "$FINCOPILOT_KEYCLOAK_MANAGEMENT_PORT" "Keycloak (management)" \
    "FINCOPILOT_KEYCLOAK_MANAGEMENT_PORT or FINCOPILOT_PORT_BASE"
  if [ ! -f "$dir/.fincopilot-built" ]; then
    step "preparing Keycloak for PostgreSQL (kc.sh build, once)"
    "$dir/bin/kc.sh" build --db=postgres --health-enabled=true \
      >>"$FINCOPILOT_STATE/logs/keycloak.log" 2>&1 || die "kc.sh build failed; see $FINCOPILOT_STATE/logs/keycloak.log"
    touch "$dir/.fincopilot-built"
  fi
  # The realm, with this stack's console URL and API client secret put in.
  mkdir -p "$dir/data/import"
  (umask 077 && keycloak_realm_file >"$dir/data/import/fincopilot-realm.json")
  # Keycloak's pool keeps connections PostgreSQL closed (a restart, a fail-over) and answered every login
  # with an error until each dead one had been tried: it now checks a connection before lending it.
  printf '%s\n' 'quarkus.datasource.jdbc.validate-on-borrow=true' \
    'quarkus.datasource.jdbc.background-validation-interval=10S' >"$dir/conf/quarkus.properties"
  step "starting Keycloak on $KEYCLOAK_URL"
  KC_BOOTSTRAP_ADMIN_USERNAME=admin KC_BOOTSTRAP_ADMIN_PASSWORD="$KEYCLOAK_ADMIN_PASSWORD" \
  KC_DB_PASSWORD="$PG_KEYCLOAK_PASSWORD" JAVA_OPTS_KC_HEAP="-Xms128m -Xmx768m" \
  nohup setsid "$dir/bin/kc.sh" start --optimized --import-realm --cache=local \
    --http-enabled=true --http-host=127.0.0.1 --http-port="$FINCOPILOT_KEYCLOAK_PORT" \
    --http-management-port="$FINCOPILOT_KEYCLOAK_MANAGEMENT_PORT" \
    --hostname="$KEYCLOAK_URL" --hostname-strict=false \
    --db-url="jdbc:postgresql://$FINCOPILOT_PG_HOST:$FINCOPILOT_PG_PORT/$FINCOPILOT_PG_KEYCLOAK_DATABASE" --db-username="$PG_KEYCLOAK_USER" \
    >>"$FINCOPILOT_STATE/logs/keycloak.log" 2>&1 </dev/null &
  echo $! >"$(keycloak_pidfile)"
  wait_http "$KEYCLOAK_URL/realms/$FINCOPILOT_REALM" 180 Keycloak "$FINCOPILOT_STATE/logs/keycloak.log"
  keycloak_sync_realm
}

# The realm file with this stack's console URL and client secrets put in.
keycloak_realm_file() {
  sed -e "s#__APP_URL__#$APP_URL#g" -e "s#__API_CLIENT_SECRET__#$API_CLIENT_SECRET#g" \
    -e "s#__PROVISIONER_SECRET__#$PROVISIONER_SECRET#g" "$FINCOPILOT_HOME/keycloak-realms/fincopilot-realm.json"
}

# The import on start only makes a realm that is missing; this adds what the realm file gained since
# (new clients, roles, service accounts) to an existing realm, leaving what is there alone, and
# sets the realm's login settings.
keycloak_sync_realm() {
  local token body
  token=$(keycloak_admin_token)
  [ -n "$token" ] || die "could not log in to Keycloak's admin API; see $FINCOPILOT_STATE/logs/keycloak.log"
  body=$(mktemp) # mode 600: the realm file holds client secrets, which never go on a command line
  keycloak_realm_file | sed '1s/{/{"ifResourceExists": "SKIP",/' >"$body"
  curl -sf -X POST -H @<(bearer_header "$token") -H 'Content-Type: application/json' --data-binary @"$body" \
    "$KEYCLOAK_URL/admin/realms/$FINCOPILOT_REALM/partialImport" >/dev/null \
    || { rm -f "$body"; die "could not bring the Keycloak realm up to date; see $FINCOPILOT_STATE/logs/keycloak.log"; }
  rm -f "$body"
  # Realm settings the import does not touch: logins are tenant-qualified usernames and e-mail
  # addresses may repeat across organizations (decisions.md, entry 32).
  curl -sf -X PUT -H @<(bearer_header "$token") -H 'Content-Type: application/json' \
    --data '{"loginWithEmailAllowed": false, "duplicateEmailsAllowed": true, "editUsernameAllowed": false}' \
    "$KEYCLOAK_URL/admin/realms/$FINCOPILOT_REALM" >/dev/null \
    || die "could not update the Keycloak realm's login settings; see $FINCOPILOT_STATE/logs/keycloak.log"
}

keycloak_stop() { stop_pid "$(keycloak_pidfile)" Keycloak; }

keycloak_status() { status_line keycloak "$(keycloak_pidfile)" "$KEYCLOAK_URL" "$FINCOPILOT_KEYCLOAK_PORT"; }

# A token for Keycloak's admin REST API, as the bootstrap admin of the master realm.
keycloak_admin_token() {
  printf '%s' "$KEYCLOAK_ADMIN_PASSWORD" | curl -sf --data-urlencode "username=admin" --data-urlencode "password@-" \
    -d grant_type=password -d client_id=admin-cli "$KEYCLOAK_URL/realms/master/protocol/openid-connect/token" \
    | sed -n 's/.*"access_token":"\([^"]*\)".*/\1/p'
}
