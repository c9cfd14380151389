# Settings, messages and helpers shared by the launcher's parts.

FINCOPILOT_STATE="${FINCOPILOT_STATE:-$FINCOPILOT_HOME/.fincopilot}"
# One base moves every port together (the test stack uses another base): Payara takes base+9..base+86
# (HTTP base+80, admin base+48), Keycloak base+180/+190, the S3 store base+1090/+1091, PostgreSQL base+7432.
FINCOPILOT_PORT_BASE="${FINCOPILOT_PORT_BASE:-8000}"
FINCOPILOT_HTTP_PORT=$((FINCOPILOT_PORT_BASE + 80))
FINCOPILOT_ADMIN_PORT=$((FINCOPILOT_PORT_BASE + 48))
FINCOPILOT_KEYCLOAK_PORT="${FINCOPILOT_KEYCLOAK_PORT:-$((FINCOPILOT_PORT_BASE + 180))}"
FINCOPILOT_KEYCLOAK_MANAGEMENT_PORT="${FINCOPILOT_KEYCLOAK_MANAGEMENT_PORT:-$((FINCOPILOT_PORT_BASE + 190))}"
FINCOPILOT_S3_PORT="${FINCOPILOT_S3_PORT:-$((FINCOPILOT_PORT_BASE + 1090))}"
FINCOPILOT_S3_TLS_PORT="${FINCOPILOT_S3_TLS_PORT:-$((FINCOPILOT_PORT_BASE + 1091))}"
FINCOPILOT_PG_PORT="${FINCOPILOT_PG_PORT:-$((FINCOPILOT_PORT_BASE + 7432))}"
FINCOPILOT_BUCKET="${FINCOPILOT_BUCKET:-fincopilot-documents}"
FINCOPILOT_REALM=fincopilot

APP_URL="http://localhost:$FINCOPILOT_HTTP_PORT"
KEYCLOAK_URL="http://localhost:$FINCOPILOT_KEYCLOAK_PORT"
S3_URL="http://127.0.0.1:$FINCOPILOT_S3_PORT"

say() { printf '%s\n' "$*" | tee -a "$FINCOPILOT_STATE/logs/launcher.log" 2>/dev/null || printf '%s\n' "$*"; }
step() { say "==> $*"; }
die() { printf 'fincopilot: %s\n' "$*" >&2; printf 'ERROR %s\n' "$*" >>"$FINCOPILOT_STATE/logs/launcher.log" 2>/dev/null || true; exit 1; }

stack_init() {
  mkdir -p "$FINCOPILOT_STATE"/{logs,downloads,runtime,run}
  command -v java >/dev/null || die "java is not on the PATH: install a JDK 17 or newer"
  local major
  major=$(java -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java.specification.version = //p')
  [ "${major%%.*}" -ge 17 ] 2>/dev/null || die "Java $major found; FinCopilot needs Java 17 or newer"
  command -v curl >/dev/null || install_packages curl || die "curl is needed: install it (apt-get install curl)"
  secrets_load
  pg_location
}

# Installs Debian packages when we are root and they are missing; answers false otherwise.
install_packages() {
  [ "$(id -u)" -eq 0 ] && command -v apt-get >/dev/null || return 1
  say "installing $* (apt-get)"
  { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$@"; } \
    >>"$FINCOPILOT_STATE/logs/launcher.log" 2>&1
}

# Random secrets, made once per state folder and kept there (mode 600), never in the repository.
secrets_load() {
  local file="$FINCOPILOT_STATE/secrets.env"
  if [ ! -f "$file" ]; then
    umask 077
    {
      for name in PG_SUPER_PASSWORD PG_APP_PASSWORD PG_KEYCLOAK_PASSWORD KEYCLOAK_ADMIN_PASSWORD \
                  API_CLIENT_SECRET PROVISIONER_SECRET S3_ACCESS_KEY S3_SECRET_KEY DEMO_PASSWORD PAYARA_ADMIN_PASSWORD; do
        printf '%s=%s\n' "$name" "$(random_token)"
      done
    } >"$file"
    umask 022
  fi
  # A state folder made by an older launcher lacks the newer secrets: add them.
  for name in PROVISIONER_SECRET PAYARA_ADMIN_PASSWORD PG_OWNER_PASSWORD; do
    grep -q "^$name=" "$file" || printf '%s=%s\n' "$name" "$(random_token)" >>"$file"
  done
  # The schema's owner runs the migrations; the application runs as a role that owns nothing (postgres.sh).
  grep -q '^PG_OWNER_USER=' "$file" || printf 'PG_OWNER_USER=fincopilot_owner\n' >>"$file"
  grep -q '^PG_APP_USER=' "$file" || printf 'PG_APP_USER=fincopilot_app\n' >>"$file"
  # The audit trail's HMAC keys (id:base64, comma-separated; the active one seals new events).
  if ! grep -q '^AUDIT_HMAC_KEYS=' "$file"; then
    local kid
    kid="local-$(date -u +%Y%m%d%H%M%S)"
    printf 'AUDIT_HMAC_KEYS=%s:%s\nAUDIT_HMAC_ACTIVE_KEY=%s\n' "$kid" "$(head -c 32 /dev/urandom | base64 | tr -d '\n')" "$kid" >>"$file"
  fi
  # Older launchers wrote the summary's logins into launcher.log and left demo.env readable by everyone.
  [ ! -f "$FINCOPILOT_STATE/logs/launcher.log" ] \
    || sed -i -e '/^  \(Tenant admin\|Platform admin\|API key\)  /d' "$FINCOPILOT_STATE/logs/launcher.log"
  chmod 600 "$file"
  [ ! -f "$FINCOPILOT_STATE/demo.env" ] || chmod 600 "$FINCOPILOT_STATE/demo.env"
  # shellcheck source=/dev/null
  source "$file"
}

# The machine's memory in MB, or a container's limit (cgroup v2) where that is lower.
machine_memory_mb() {
  local kb limit
  kb=$(awk '/^MemTotal:/ {print $2}' /proc/meminfo 2>/dev/null)
  kb=${kb:-1048576}
  limit=$(cat /sys/fs/cgroup/memory.max 2>/dev/null || true)
  if printf '%s' "$limit" | grep -Eq '^[0-9]+$' && [ $((limit / 1024)) -lt "$kb" ]; then
    kb=$((limit / 1024))
  fi
  printf '%s' $((kb / 1024))
}

# A component's share of memory: the size in variable $1 when set (it must match the pattern $2,
# as $3 does), else the machine's memory divided by $4, from $5 to $6 MB, written with unit $7.
memory_share() { # variable pattern example divisor min-mb max-mb unit
  local given=${!1:-} mb
  if [ -n "$given" ]; then
    printf '%s' "$given" | grep -Eq "$2" || die "$1 must be a size such as $3, not '$given'"
    printf '%s' "$given"
    return
  fi
  # Whole steps of 128 MB: the few megabytes by which kernels report memory differently change nothing.
  mb=$(( $(machine_memory_mb) / $4 / 128 * 128 ))
  [ "$mb" -lt "$5" ] && mb=$5
  [ "$mb" -gt "$6" ] && mb=$6
  printf '%s%s' "$mb" "$7"
}

# An Authorization header for curl's -H @file, so that a token never shows on a command line.
bearer_header() { printf 'Authorization: Bearer %s\n' "$1"; }

random_token() { head -c 32 /dev/urandom | base64 | tr -dc 'A-Za-z0-9' | head -c 24; }

port_in_use() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

require_free_port() { # port component setting
  if port_in_use "$1"; then
    die "port $1 for $2 is taken by another program; stop it or choose other ports with $3"
  fi
}

# Waits until a URL answers with one of the accepted statuses; on time-out names the log to read.
wait_http() { # url seconds component logfile [statuses]
  local url=$1 seconds=$2 component=$3 log=$4 statuses=${5:-200} deadline=$((SECONDS + $2)) code
  while [ $SECONDS -lt $deadline ]; do
    code=$(curl -s -o /dev/null -w '%{http_code}' --max-time 5 "$url" || true)
    case " $statuses " in *" $code "*) return 0 ;; esac
    sleep 1
  done
  die "$component did not become ready within ${seconds}s ($url answered '${code:-nothing}'); see $log"
}

pid_alive() { [ -f "$1" ] && kill -0 "$(cat "$1")" 2>/dev/null; }

stop_pid() { # pidfile name
  local pidfile=$1 pid
  if pid_alive "$pidfile"; then
    pid=$(cat "$pidfile")
    kill "$pid" 2>/dev/null || true
    for _ in $(seq 1 30); do kill -0 "$pid" 2>/dev/null || break; sleep 1; done
    kill -9 "$pid" 2>/dev/null || true
    say "stopped $2"
  fi
  rm -f "$pidfile"
}

status_line() { # component pidfile-or-empty url port
  local state=down pid=-
  if port_in_use "$4"; then state=up; fi
  if [ -n "$2" ] && pid_alive "$2"; then pid=$(cat "$2"); fi
  printf '%-12s %-5s %-45s %s\n' "$1" "$state" "$3" "$pid"
}

# Unpacks a zip with unzip when present, else with the JDK's jar tool (which drops exec bits).
extract_zip() { # zip dir
  mkdir -p "$2"
  if command -v unzip >/dev/null; then
    unzip -q -o "$1" -d "$2"
  else
    (cd "$2" && jar xf "$1")
  fi
}

# Unpacks a downloaded archive once; re-unpacks when the download changes (a version bump).
unpack_once() { # archive dir unpack-function
  local marker="$2/.fincopilot-source" sum
  sum=$(cksum <"$1")
  if [ -f "$marker" ] && [ "$(cat "$marker")" = "$sum" ]; then return 0; fi
  rm -rf "$2"
  mkdir -p "$2"
  "$3" "$1" "$2"
  echo "$sum" >"$marker"
}

mvnw() { "$FINCOPILOT_HOME/mvnw" -B -q "$@"; }

# True when a built artifact is missing or older than a source of the build.
build_stale() { # artifact
  [ ! -f "$1" ] || [ -n "$(cd "$FINCOPILOT_HOME" && find pom.xml persistence api-ejb tenant-web admin-web platform-ear \
        -newer "$1" -type f -not -path '*/target/*' -print -quit)" ]
}

build_if_needed() {
  build_stale "$FINCOPILOT_HOME/platform-ear/target/fincopilot.ear" || return 0
  step "building the EAR (./mvnw package)"
  (cd "$FINCOPILOT_HOME" && mvnw -DskipTests package -pl platform-ear -am) \
    >>"$FINCOPILOT_STATE/logs/build.log" 2>&1 || die "the build failed; see $FINCOPILOT_STATE/logs/build.log"
}

# Fetches PostgreSQL, Keycloak, Payara, S3Mock and the JDBC driver from Maven Central, at the
# versions pinned in the root pom.xml (profile 'runtime').
fetch_runtime() {
  local d="$FINCOPILOT_STATE/downloads"
  if [ -f "$d/payara.zip" ] && [ -f "$d/keycloak.zip" ] && [ -f "$d/s3mock.jar" ] \
     && [ -f "$d/postgres-binaries.jar" ] && [ -f "$d/postgresql-jdbc.jar" ] \
     && [ "$d/payara.zip" -nt "$FINCOPILOT_HOME/pom.xml" ]; then
    return 0
  fi
  step "fetching PostgreSQL, S3Mock, Keycloak and Payara Server from Maven Central"
  (cd "$FINCOPILOT_HOME" && mvnw -N -Pruntime validate -Dfincopilot.downloads="$d") \
    >>"$FINCOPILOT_STATE/logs/build.log" 2>&1 || die "fetching the runtime failed; see $FINCOPILOT_STATE/logs/build.log"
  touch "$d"/*
}

print_summary() {
  local env="$FINCOPILOT_STATE/demo.env"
  # shellcheck source=/dev/null
  source "$env"
  # The summary names passwords and the demo key: to the terminal only, never into a log.
  say "FinCopilot is running at $FINCOPILOT_URL; URLs and logins are in $env"
  cat <<SUMMARY

FinCopilot is running.
  API              $FINCOPILOT_URL/api/v1   (OpenAPI: $FINCOPILOT_URL/openapi, UI: $FINCOPILOT_URL/openapi-ui/)
  Tenant console   $TENANT_CONSOLE_URL
  Admin console    $ADMIN_CONSOLE_URL
  Keycloak         $KEYCLOAK_URL   (realm $KEYCLOAK_REALM)
  Health           $FINCOPILOT_URL/health/ready   Metrics: $FINCOPILOT_URL/metrics
  S3 store         $S3_ENDPOINT   bucket $S3_BUCKET
  PostgreSQL       $FINCOPILOT_PG_HOST:$FINCOPILOT_PG_PORT   database $FINCOPILOT_PG_DATABASE

  Demo tenant      $DEMO_TENANT_SLUG ($DEMO_TENANT)
  Tenant admin     $DEMO_TENANT_ADMIN / $DEMO_PASSWORD
  Platform admin   $DEMO_PLATFORM_ADMIN / $DEMO_PASSWORD
  API key          $DEMO_API_KEY
  Sample document  a 61-page fictional annual report, ready to ask about within a minute of the first start

  These settings are in $env; logs: ./fincopilot logs [component]; stop: ./fincopilot down
SUMMARY
}
