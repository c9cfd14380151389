# PostgreSQL: the server binaries from io.zonky.test.postgres (a Maven artifact), a cluster of our
# own on 127.0.0.1:$FINCOPILOT_PG_PORT. PostgreSQL refuses to run as root, so as root it runs as the
# unprivileged system user 'fincopilot', made here when missing.

PG_OS_USER=fincopilot
FINCOPILOT_PG_HOST=127.0.0.1
FINCOPILOT_PG_DATABASE_WANTED="${FINCOPILOT_PG_DATABASE:-fincopilot}"
FINCOPILOT_PG_DATABASE=fincopilot
FINCOPILOT_PG_KEYCLOAK_DATABASE=keycloak
PG_KEYCLOAK_USER=keycloak

# An existing PostgreSQL instead of our own (docs/operations.md): FINCOPILOT_EXTERNAL_PG=host:port,
# an administrator that may create roles and databases (FINCOPILOT_EXTERNAL_PG_ADMIN_USER, postgres
# by default, and FINCOPILOT_EXTERNAL_PG_ADMIN_PASSWORD, read from the environment and never kept),
# and FINCOPILOT_PG_DATABASE (fincopilot by default), which also names the roles and Keycloak's
# database, so that several stacks can share one server. The choice is kept in the state folder.
pg_location() {
  local kept="$FINCOPILOT_STATE/external-postgres.env"
  if [ -n "${FINCOPILOT_EXTERNAL_PG:-}" ]; then
    printf 'FINCOPILOT_EXTERNAL_PG=%s\nFINCOPILOT_PG_DATABASE=%s\n' "$FINCOPILOT_EXTERNAL_PG" \
      "$FINCOPILOT_PG_DATABASE_WANTED" >"$kept"
  fi
  [ -f "$kept" ] || return 0
  FINCOPILOT_EXTERNAL_PG=$(sed -n 's/^FINCOPILOT_EXTERNAL_PG=//p' "$kept")
  FINCOPILOT_PG_DATABASE=$(sed -n 's/^FINCOPILOT_PG_DATABASE=//p' "$kept")
  case "$FINCOPILOT_PG_DATABASE" in *[!a-z0-9_]*|"") die "FINCOPILOT_PG_DATABASE must be lower-case letters, digits and _" ;; esac
  FINCOPILOT_PG_HOST="${FINCOPILOT_EXTERNAL_PG%:*}"
  FINCOPILOT_PG_PORT="${FINCOPILOT_EXTERNAL_PG##*:}"
  [ "$FINCOPILOT_PG_PORT" != "$FINCOPILOT_EXTERNAL_PG" ] || FINCOPILOT_PG_PORT=5432
  # A host name or IPv4 address and a port number, nothing else: both end up in JDBC URLs and pool properties.
  printf '%s' "$FINCOPILOT_PG_HOST" | grep -Eq '^[A-Za-z0-9]([A-Za-z0-9.-]{0,251}[A-Za-z0-9])?$' \
    || die "FINCOPILOT_EXTERNAL_PG must be host:port (a host name or IPv4 address)"
  printf '%s' "$FINCOPILOT_PG_PORT" | grep -Eq '^[0-9]{1,5}$' || die "FINCOPILOT_EXTERNAL_PG's port must be a number"
  FINCOPILOT_PG_KEYCLOAK_DATABASE="${FINCOPILOT_PG_DATABASE}_keycloak"
  PG_KEYCLOAK_USER="${FINCOPILOT_PG_DATABASE}_keycloak"
  PG_OWNER_USER="${FINCOPILOT_PG_DATABASE}_owner"
  PG_APP_USER="${FINCOPILOT_PG_DATABASE}_app"
}

pg_external() { [ -n "${FINCOPILOT_EXTERNAL_PG:-}" ]; }

# Makes the databases and roles on the existing server (ExternalPostgres.java, with PostgreSQL's JDBC
# driver): once per state folder, or again whenever the administrator's password is given.
postgres_external_setup() {
  local marker="$FINCOPILOT_STATE/external-postgres.ready" location="$FINCOPILOT_PG_HOST:$FINCOPILOT_PG_PORT/$FINCOPILOT_PG_DATABASE"
  if [ -z "${FINCOPILOT_EXTERNAL_PG_ADMIN_PASSWORD:-}" ]; then
    [ "$(cat "$marker" 2>/dev/null)" = "$location" ] && return 0
    die "FINCOPILOT_EXTERNAL_PG_ADMIN_PASSWORD is needed once, to make FinCopilot's databases and roles on $FINCOPILOT_EXTERNAL_PG"
  fi
  step "preparing PostgreSQL at $FINCOPILOT_EXTERNAL_PG (databases $FINCOPILOT_PG_DATABASE and $FINCOPILOT_PG_KEYCLOAK_DATABASE)"
  PG_HOST="$FINCOPILOT_PG_HOST" PG_PORT="$FINCOPILOT_PG_PORT" PG_DATABASE="$FINCOPILOT_PG_DATABASE" \
  PG_KEYCLOAK_DATABASE="$FINCOPILOT_PG_KEYCLOAK_DATABASE" PG_ADMIN_DATABASE="${FINCOPILOT_EXTERNAL_PG_ADMIN_DATABASE:-postgres}" \
  PG_ADMIN_USER="${FINCOPILOT_EXTERNAL_PG_ADMIN_USER:-postgres}" PG_ADMIN_PASSWORD="$FINCOPILOT_EXTERNAL_PG_ADMIN_PASSWORD" \
  PG_OWNER_USER="$PG_OWNER_USER" PG_OWNER_PASSWORD="$PG_OWNER_PASSWORD" PG_APP_USER="$PG_APP_USER" \
  PG_APP_PASSWORD="$PG_APP_PASSWORD" PG_KEYCLOAK_USER="$PG_KEYCLOAK_USER" PG_KEYCLOAK_PASSWORD="$PG_KEYCLOAK_PASSWORD" \
    java -cp "$FINCOPILOT_STATE/downloads/postgresql-jdbc.jar" "$FINCOPILOT_HOME/launcher/ExternalPostgres.java" \
    >>"$FINCOPILOT_STATE/logs/launcher.log" 2>&1 \
    || die "preparing the existing PostgreSQL failed; see $FINCOPILOT_STATE/logs/launcher.log"
  printf '%s' "$location" >"$marker"
}

pg_home() {
  local home="$FINCOPILOT_STATE/postgres"
  if [ "$(id -u)" -eq 0 ]; then
    id -u "$PG_OS_USER" >/dev/null 2>&1 \
      || useradd --system --no-create-home --shell /usr/sbin/nologin "$PG_OS_USER" \
      || die "could not create the system user '$PG_OS_USER' to run PostgreSQL"
    mkdir -p "$home"
    chown "$PG_OS_USER" "$home"
    if ! runuser -u "$PG_OS_USER" -- test -w "$home"; then
      # The state folder sits under a directory the unprivileged user cannot enter (/root, say):
      # keep the cluster in a folder of its own and point at it from the state folder.
      home="/var/lib/fincopilot/$(printf '%s' "$FINCOPILOT_STATE" | cksum | cut -d' ' -f1)"
      # A new state folder at a path used before must not inherit that cluster (its passwords are gone).
      [ -L "$FINCOPILOT_STATE/postgres-home" ] || rm -rf "$home"
      mkdir -p "$home"
      chown "$PG_OS_USER" "$home"
      ln -sfn "$home" "$FINCOPILOT_STATE/postgres-home"
    fi
  fi
  mkdir -p "$home"
  printf '%s' "$home"
}

as_pg() {
  if [ "$(id -u)" -eq 0 ]; then runuser -u "$PG_OS_USER" -- "$@"; else "$@"; fi
}

pg_unpack() { # jar dir
  local tmp
  tmp=$(mktemp -d)
  extract_zip "$1" "$tmp"
  tar -xJf "$(find "$tmp" -name '*.txz' | head -n 1)" -C "$2" || die "could not unpack the PostgreSQL binaries (tar with xz)"
  rm -rf "$tmp"
}

# Runs SQL from stdin in single-user mode (the cluster must be stopped), one statement per line. A
# statement that fails is not echoed (it may hold a password); any error stops the launcher.
pg_single() { # bin data database
  local out
  out=$( { echo "SET log_min_error_statement = panic;"; cat; } | as_pg "$1/postgres" --single -D "$2" "$3" 2>&1) || true
  printf '%s\n' "$out" >>"$FINCOPILOT_STATE/logs/postgres-init.log"
  if printf '%s' "$out" | grep -qE '(ERROR|FATAL|PANIC):'; then
    die "setting up the database roles failed; see $FINCOPILOT_STATE/logs/postgres-init.log"
  fi
}

# Two roles (docs/decisions.md): $PG_OWNER_USER owns the database and runs the migrations, which grant
# $PG_APP_USER (the application's pool) only what it uses. Single-user mode needs no client (the
# binaries ship no psql) and no password on any command line.
pg_roles() { # bin data
  pg_single "$1" "$2" postgres <<SQL
DO \$\$BEGIN IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '$PG_OWNER_USER') THEN CREATE ROLE $PG_OWNER_USER LOGIN; END IF; END\$\$;
DO \$\$BEGIN IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '$PG_APP_USER') THEN CREATE ROLE $PG_APP_USER LOGIN; END IF; END\$\$;
ALTER ROLE $PG_OWNER_USER LOGIN NOSUPERUSER NOCREATEROLE NOCREATEDB PASSWORD '$PG_OWNER_PASSWORD';
ALTER ROLE $PG_APP_USER LOGIN NOSUPERUSER NOCREATEROLE NOCREATEDB PASSWORD '$PG_APP_PASSWORD';
ALTER DATABASE fincopilot OWNER TO $PG_OWNER_USER;
REVOKE ALL ON DATABASE fincopilot FROM PUBLIC;
REVOKE ALL ON DATABASE keycloak FROM PUBLIC;
GRANT CONNECT ON DATABASE fincopilot TO $PG_APP_USER;
SQL
  # A cluster made before the two roles: the single role 'fincopilot' owned everything. Its objects
  # go to the owner and it is dropped; the next migration grants the application role what it uses.
  pg_single "$1" "$2" fincopilot <<SQL
DO \$\$BEGIN IF EXISTS (SELECT FROM pg_roles WHERE rolname = 'fincopilot') THEN REASSIGN OWNED BY fincopilot TO $PG_OWNER_USER; DROP OWNED BY fincopilot; END IF; END\$\$;
SQL
  pg_single "$1" "$2" postgres <<SQL
DROP ROLE IF EXISTS fincopilot;
SQL
}

postgres_start() {
  local home bin data roles
  if pg_external; then
    postgres_external_setup
    return 0
  fi
  home=$(pg_home)
  bin="$home/server/bin"
  data="$home/data"
  roles="$home/.fincopilot-roles"
  if [ -f "$data/postmaster.pid" ] && as_pg "$bin/pg_ctl" -D "$data" status >/dev/null 2>&1; then
    [ -f "$roles" ] && return 0
    die "PostgreSQL in $FINCOPILOT_STATE was started by an older launcher and has one role for everything; \
run './fincopilot down', then 'up' again to convert it to the owner and application roles (data is kept)"
  fi
  command -v xz >/dev/null || install_packages xz-utils || die "xz is needed to unpack PostgreSQL: install xz-utils"
  unpack_once "$FINCOPILOT_STATE/downloads/postgres-binaries.jar" "$home/server" pg_unpack
  [ "$(id -u)" -eq 0 ] && chown -R "$PG_OS_USER" "$home"
  require_free_port "$FINCOPILOT_PG_PORT" PostgreSQL "FINCOPILOT_PG_PORT or FINCOPILOT_PORT_BASE"
  if [ ! -f "$data/PG_VERSION" ]; then
    step "creating the PostgreSQL cluster"
    local pwfile="$home/.pw"
    printf '%s\n' "$PG_SUPER_PASSWORD" >"$pwfile"
    [ "$(id -u)" -eq 0 ] && chown "$PG_OS_USER" "$pwfile"
    as_pg "$bin/initdb" -D "$data" -U postgres --pwfile="$pwfile" --auth-local=trust --auth-host=scram-sha-256 \
      -E UTF8 --locale=C >>"$FINCOPILOT_STATE/logs/postgres-init.log" 2>&1 \
      || die "initdb failed; see $FINCOPILOT_STATE/logs/postgres-init.log"
    rm -f "$pwfile"
    pg_single "$bin" "$data" postgres <<SQL
CREATE ROLE keycloak LOGIN PASSWORD '$PG_KEYCLOAK_PASSWORD';
CREATE DATABASE keycloak OWNER keycloak;
CREATE DATABASE fincopilot;
SQL
  fi
  if [ ! -f "$roles" ]; then
    step "setting up the database roles $PG_OWNER_USER (owner, migrations) and $PG_APP_USER (the application)"
    pg_roles "$bin" "$data"
    echo "owner=$PG_OWNER_USER app=$PG_APP_USER" >"$roles"
  fi
  step "starting PostgreSQL on 127.0.0.1:$FINCOPILOT_PG_PORT (shared buffers $(pg_shared_buffers))"
  as_pg "$bin/pg_ctl" -D "$data" -l "$home/postgres.log" -w -t 60 \
    -o "-p $FINCOPILOT_PG_PORT -c listen_addresses=127.0.0.1 -c unix_socket_directories='' -c shared_buffers=$(pg_shared_buffers)" start \
    >>"$FINCOPILOT_STATE/logs/launcher.log" 2>&1 || die "PostgreSQL did not start; see $home/postgres.log"
  ln -sfn "$home/postgres.log" "$FINCOPILOT_STATE/logs/postgres.log"
}

# PostgreSQL's own default (128 MB) keeps little of a tenant's chunks in memory: a search then reads
# its candidates from the operating system's cache. An eighth of the machine's memory, from 128 MB to
# 2 GB (Payara, Keycloak and S3 share the machine; a container's limit counts as its memory);
# FINCOPILOT_PG_SHARED_BUFFERS overrides (decision 69).
pg_shared_buffers() { memory_share FINCOPILOT_PG_SHARED_BUFFERS '^[0-9]+(kB|MB|GB)$' '512MB or 2GB' 8 128 2048 MB; }

postgres_stop() {
  local home
  pg_external && return 0
  home=$(pg_home)
  if [ -f "$home/data/postmaster.pid" ]; then
    as_pg "$home/server/bin/pg_ctl" -D "$home/data" -m fast -w stop >/dev/null 2>&1 || true
    say "stopped PostgreSQL"
  fi
}

postgres_status() {
  local home pidfile
  if pg_external; then
    printf '%-12s %-5s %-45s %s\n' postgres extern "postgresql://$FINCOPILOT_PG_HOST:$FINCOPILOT_PG_PORT/$FINCOPILOT_PG_DATABASE" -
    return 0
  fi
  home=$(pg_home)
  pidfile=$(mktemp)
  head -n 1 "$home/data/postmaster.pid" 2>/dev/null >"$pidfile" || true
  status_line postgres "$pidfile" "postgresql://127.0.0.1:$FINCOPILOT_PG_PORT" "$FINCOPILOT_PG_PORT"
  rm -f "$pidfile"
}
