# The second shape (./fincopilot up --shape micro --instances N): the WARs alone on Payara Micro,
# N tenant-web instances and one admin-web, behind HAProxy on the port Payara Server would use.
# They share nothing but PostgreSQL, S3 and Keycloak (decision 68).
#
# Ports: instance i of tenant-web base+200+i, admin-web base+250; HAProxy base+80 (the platform's
# URL) and its statistics page base+89 (this machine only).

MICRO_SHAPE_FILE() { printf '%s' "$FINCOPILOT_STATE/run/shape"; }

# The shape the state folder last started ("ear" when never told otherwise), and its instance count.
stack_shape() { local s; s=$(sed -n 1p "$(MICRO_SHAPE_FILE)" 2>/dev/null || true); echo "${s:-ear}"; }
micro_instances() { local n; n=$(sed -n 2p "$(MICRO_SHAPE_FILE)" 2>/dev/null || true); echo "${n:-2}"; }

micro_jar() { printf '%s' "$FINCOPILOT_STATE/downloads/payara-micro.jar"; }
micro_pidfile() { printf '%s' "$FINCOPILOT_STATE/run/micro-$1.pid"; }
micro_log_file() { printf '%s' "$FINCOPILOT_STATE/logs/micro-$1.log"; }
micro_port() { # name
  case "$1" in
    admin-web) echo $((FINCOPILOT_PORT_BASE + 250)) ;;
    tenant-web-*) echo $((FINCOPILOT_PORT_BASE + 200 + ${1#tenant-web-})) ;;
  esac
}
micro_names() { # every instance of the shape
  local i
  for i in $(seq 1 "$(micro_instances)"); do echo "tenant-web-$i"; done
  echo admin-web
}
lb_pidfile() { printf '%s' "$FINCOPILOT_STATE/run/haproxy.pid"; }
lb_stats_port() { echo $((FINCOPILOT_PORT_BASE + 89)); }

# Payara Micro from Maven Central, at the Payara version of the root pom.xml (profile 'runtime-micro').
micro_fetch() {
  [ -f "$(micro_jar)" ] && [ "$(micro_jar)" -nt "$FINCOPILOT_HOME/pom.xml" ] && return 0
  step "fetching Payara Micro from Maven Central"
  (cd "$FINCOPILOT_HOME" && mvnw -N -Pruntime-micro validate -Dfincopilot.downloads="$FINCOPILOT_STATE/downloads") \
    >>"$FINCOPILOT_STATE/logs/build.log" 2>&1 || die "fetching Payara Micro failed; see $FINCOPILOT_STATE/logs/build.log"
  touch "$(micro_jar)"
}

micro_build_if_needed() {
  build_stale "$FINCOPILOT_HOME/tenant-web/target/tenant-web-micro.war" \
    || build_stale "$FINCOPILOT_HOME/admin-web/target/admin-web-micro.war" || return 0
  step "building the WARs for Payara Micro (./mvnw -Pmicro package)"
  (cd "$FINCOPILOT_HOME" && mvnw -DskipTests -Pmicro package -pl tenant-web,admin-web -am) \
    >>"$FINCOPILOT_STATE/logs/build.log" 2>&1 || die "the build failed; see $FINCOPILOT_STATE/logs/build.log"
}

# What Payara Server's domain gets from payara.sh, as commands Payara Micro runs after it boots. The
# instances listen on loopback only: the load balancer is the platform's one way in.
# The pool's password is read from the instance's environment (${ENV=...}), never written down.
micro_commands() { # dir: its preboot.asadmin and postboot.asadmin
  # PostgreSQL allows 100 connections; Keycloak takes some: the instances share 80. Each keeps up to
  # eight (never more than its share), for half an hour idle, as the Server's pool does (payara.sh).
  local pool=$((80 / ($(micro_instances) + 1))) steady
  [ "$pool" -ge 2 ] || pool=2
  steady=$((pool < 8 ? pool : 8))
  # The listener's settings before the server starts: set after boot, each one restarted the listener,
  # and one start in a few came up with no listener at all ("GrizzlyProxy is NULL", port refused).
  cat >"$1/preboot.asadmin" <<CMDS
set configs.config.server-config.security-service.activate-default-principal-to-role-mapping=true
set configs.config.server-config.thread-pools.thread-pool.http-thread-pool.max-thread-pool-size=64
set configs.config.server-config.thread-pools.thread-pool.http-thread-pool.min-thread-pool-size=8
set configs.config.server-config.network-config.network-listeners.network-listener.http-listener.address=127.0.0.1
set configs.config.server-config.network-config.protocols.protocol.http-listener.http.xpowered-by=false
set configs.config.server-config.network-config.protocols.protocol.http-listener.http.server-header=false
set configs.config.server-config.network-config.protocols.protocol.http-listener.http.request-timeout-seconds=120
set configs.config.server-config.network-config.protocols.protocol.http-listener.http.timeout-seconds=30
CMDS
  cat >"$1/postboot.asadmin" <<CMDS
create-jdbc-connection-pool --datasourceclassname org.postgresql.ds.PGSimpleDataSource --restype javax.sql.DataSource --steadypoolsize $steady --maxpoolsize $pool --idletimeout 1800 --isconnectvalidatereq=true --validationmethod custom-validation --validationclassname org.glassfish.api.jdbc.validation.PostgresConnectionValidation --property serverName=$FINCOPILOT_PG_HOST:portNumber=$FINCOPILOT_PG_PORT:databaseName=$FINCOPILOT_PG_DATABASE:user=$PG_APP_USER:password=\${ENV=FINCOPILOT_DB_APP_PASSWORD}:stringtype=unspecified:ApplicationName=fincopilot fincopilot-pool
create-jdbc-resource --connectionpoolid fincopilot-pool jdbc/fincopilot
CMDS
}

micro_start_instance() { # name
  local name=$1 port war context heap
  port=$(micro_port "$name")
  pid_alive "$(micro_pidfile "$name")" && return 0
  require_free_port "$port" "Payara Micro ($name)" FINCOPILOT_PORT_BASE
  case "$name" in
    admin-web) war=admin-web context=/admin heap=768m ;;
    *) war=tenant-web context=/ heap=1536m ;;
  esac
  mkdir -p "$FINCOPILOT_STATE/runtime/micro/$name"
  rm -rf "$FINCOPILOT_STATE/runtime/micro/$name/tmp"
  mkdir -p "$FINCOPILOT_STATE/runtime/micro/$name/tmp"
  micro_commands "$FINCOPILOT_STATE/runtime/micro/$name"
  step "starting $name on Payara Micro (port $port)"
  (
    payara_environment
    export FINCOPILOT_DB_APP_PASSWORD="$PG_APP_PASSWORD"
    # Only the load balancer on this machine may tell an instance who the client is (X-Forwarded-For).
    export FINCOPILOT_HTTP_TRUSTED_PROXIES=127.0.0.1/32
    export FINCOPILOT_INSTANCE="$name"
    # The WAR bundles api-ejb, whose request records' Bean Validation Payara's OpenAPI scanner cannot
    # read (a NullPointerException, /openapi 500); the document's schemas come from our filter anyway.
    nohup setsid java "-Xmx$heap" --add-modules=jdk.incubator.vector -Dmp.openapi.scan.beanvalidation=false \
      -Djakarta.json.provider=org.eclipse.parsson.JsonProviderImpl -Dfincopilot.stack="$FINCOPILOT_STATE" \
      "-Djava.io.tmpdir=$FINCOPILOT_STATE/runtime/micro/$name/tmp" \
      "-Dfincopilot.ingestion.native-cache=$FINCOPILOT_STATE/runtime/micro/$name/djl" \
      "-Dpdfbox.fontcache=$FINCOPILOT_STATE/pdfbox" \
      -jar "$(micro_jar)" --nocluster --name "$name" --port "$port" \
      --rootdir "$FINCOPILOT_STATE/runtime/micro/$name/root" \
      --addlibs "$FINCOPILOT_STATE/downloads/postgresql-jdbc.jar" \
      --prebootcommandfile "$FINCOPILOT_STATE/runtime/micro/$name/preboot.asadmin" \
      --postbootcommandfile "$FINCOPILOT_STATE/runtime/micro/$name/postboot.asadmin" \
      --deploy "$FINCOPILOT_HOME/$war/target/$war-micro.war:$context" \
      >"$(micro_log_file "$name")" 2>&1 </dev/null &
    echo $! >"$(micro_pidfile "$name")"
  )
}

# HAProxy from Debian: round robin over the tenant-web instances, admin-web for /admin; an instance
# is taken out after two failed /health/ready checks a second apart and back after two good ones.
# When all of them are out, the ones still alive (/health/live) take the requests.
# The tenant-web instances as servers of a backend, each with its sticky cookie.
lb_tenant_servers() {
  local name
  for name in $(micro_names); do
    [ "$name" = admin-web ] && continue
    printf '  server %s 127.0.0.1:%s check cookie %s\n' "$name" "$(micro_port "$name")" "$name"
  done
}

lb_config() { # file
  {
    cat <<CFG
global
  maxconn 4000
  pidfile $(lb_pidfile)

defaults
  mode http
  option forwardfor
  option http-server-close
  timeout connect 5s
  timeout client 130s
  timeout server 130s
  timeout http-request 30s
  timeout tunnel 1h
  timeout check 5s
  default-server inter 1s fall 2 rise 2

frontend platform
  bind *:$FINCOPILOT_HTTP_PORT
  http-request del-header X-Forwarded-For
  # Java's HTTP client asks every connection to become HTTP/2 (h2c); Payara then answers the first request
  # over HTTP/2 and HAProxy tunnels the rest of the connection to that one instance, /admin included.
  http-request del-header HTTP2-Settings if { req.hdr(Upgrade) -i h2c }
  http-request del-header Upgrade if { req.hdr(Upgrade) -i h2c }
  acl admin path /admin
  acl admin path_beg /admin/
  # Every instance failing /health/ready at once means a dependency they all share is away (PostgreSQL,
  # S3, Keycloak): the live instances then keep answering themselves, API keys keep working and the rest
  # is a 503 problem with Retry-After from the platform, instead of HAProxy's own page (decision 77).
  use_backend admin-live if admin { nbsrv(admin) eq 0 }
  use_backend admin if admin
  use_backend tenant-live if { nbsrv(tenant) eq 0 }
  default_backend tenant

backend tenant
  balance roundrobin
  # The console's login and JSF views live in the instance's HTTP session: a browser stays with its instance
  # (unless that one is out, then it logs in again on another). API clients carry no cookie and are spread.
  cookie FCINSTANCE insert indirect nocache httponly
  option httpchk GET /health/ready
  http-check expect status 200
CFG
    lb_tenant_servers
    cat <<CFG

backend tenant-live
  balance roundrobin
  cookie FCINSTANCE insert indirect nocache httponly
  option httpchk GET /health/live
  http-check expect status 200
CFG
    lb_tenant_servers
    cat <<CFG

backend admin
  option httpchk GET /health/ready
  http-check expect status 200
  server admin-web 127.0.0.1:$(micro_port admin-web) check

backend admin-live
  option httpchk GET /health/live
  http-check expect status 200
  server admin-web 127.0.0.1:$(micro_port admin-web) check

frontend stats
  bind 127.0.0.1:$(lb_stats_port)
  stats enable
  stats uri /
CFG
  } >"$1"
}

lb_start() {
  pid_alive "$(lb_pidfile)" && return 0
  command -v haproxy >/dev/null || install_packages haproxy \
    || die "the micro shape needs HAProxy: run 'sudo apt-get install haproxy'"
  require_free_port "$FINCOPILOT_HTTP_PORT" "the load balancer" FINCOPILOT_PORT_BASE
  local config="$FINCOPILOT_STATE/runtime/haproxy.cfg"
  lb_config "$config"
  haproxy -c -q -f "$config" >>"$FINCOPILOT_STATE/logs/haproxy.log" 2>&1 \
    || die "the load balancer's configuration is not valid; see $FINCOPILOT_STATE/logs/haproxy.log"
  step "starting the load balancer (HAProxy) on $APP_URL"
  nohup setsid haproxy -db -f "$config" >>"$FINCOPILOT_STATE/logs/haproxy.log" 2>&1 </dev/null &
  echo $! >"$(lb_pidfile)"
}

micro_start() { # instances
  local name
  [ "$1" -ge 1 ] && [ "$1" -le 49 ] 2>/dev/null || die "--instances must be a number from 1 to 49"
  if pid_alive "$(lb_pidfile)" && [ "$(micro_instances)" != "$1" ]; then
    die "the micro shape runs with $(micro_instances) tenant-web instances: stop it first (./fincopilot down) to change that"
  fi
  printf 'micro\n%s\n' "$1" >"$(MICRO_SHAPE_FILE)"
  micro_fetch
  # One at a time first: the first instance migrates the schema alone; the others start side by side.
  for name in $(micro_names); do
    micro_start_instance "$name"
    if [ "$name" = tenant-web-1 ]; then
      wait_http "http://127.0.0.1:$(micro_port "$name")/health/ready" 300 "$name" "$(micro_log_file "$name")"
    fi
  done
  for name in $(micro_names); do
    wait_http "http://127.0.0.1:$(micro_port "$name")/health/ready" 300 "$name" "$(micro_log_file "$name")"
  done
  lb_start
  wait_http "$APP_URL/health/ready" 30 "the load balancer" "$FINCOPILOT_STATE/logs/haproxy.log"
}

micro_stop() {
  local name
  stop_pid "$(lb_pidfile)" "the load balancer"
  for name in $(micro_names); do
    stop_pid "$(micro_pidfile "$name")" "$name"
  done
}

micro_status() {
  local name
  status_line lb "$(lb_pidfile)" "$APP_URL" "$FINCOPILOT_HTTP_PORT"
  for name in $(micro_names); do
    status_line "$name" "$(micro_pidfile "$name")" "http://127.0.0.1:$(micro_port "$name")" "$(micro_port "$name")"
  done
}
