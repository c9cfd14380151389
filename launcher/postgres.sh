# PostgreSQL: the server binaries from io.zonky.test.postgres (a Maven artifact), a cluster of our
# own on 127.0.0.1:$FINCOPILOT_PG_PORT. PostgreSQL refuses to run as root, so as root it runs as the
# unprivileged system user 'fincopilot', made here when missing.

PG_OS_USER=fincopilot

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

postgres_start() {
  local home bin data
  home=$(pg_home)
  bin="$home/server/bin"
  data="$home/data"
  if [ -f "$data/postmaster.pid" ] && as_pg "$bin/pg_ctl" -D "$data" status >/dev/null 2>&1; then
    return 0
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
    # Single-user mode needs no client (the binaries ship no psql): one statement per line.
    as_pg "$bin/postgres" --single -D "$data" postgres >>"$FINCOPILOT_STATE/logs/postgres-init.log" 2>&1 <<SQL \
      || die "creating the databases failed; see $FINCOPILOT_STATE/logs/postgres-init.log"
CREATE ROLE fincopilot LOGIN PASSWORD '$PG_APP_PASSWORD';
CREATE DATABASE fincopilot OWNER fincopilot;
CREATE ROLE keycloak LOGIN PASSWORD '$PG_KEYCLOAK_PASSWORD';
CREATE DATABASE keycloak OWNER keycloak;
SQL
  fi
  step "starting PostgreSQL on 127.0.0.1:$FINCOPILOT_PG_PORT"
  as_pg "$bin/pg_ctl" -D "$data" -l "$home/postgres.log" -w -t 60 \
    -o "-p $FINCOPILOT_PG_PORT -c listen_addresses=127.0.0.1 -c unix_socket_directories=''" start \
    >>"$FINCOPILOT_STATE/logs/launcher.log" 2>&1 || die "PostgreSQL did not start; see $home/postgres.log"
  ln -sfn "$home/postgres.log" "$FINCOPILOT_STATE/logs/postgres.log"
}

postgres_stop() {
  local home
  home=$(pg_home)
  if [ -f "$home/data/postmaster.pid" ]; then
    as_pg "$home/server/bin/pg_ctl" -D "$home/data" -m fast -w stop >/dev/null 2>&1 || true
    say "stopped PostgreSQL"
  fi
}

postgres_status() {
  local home pidfile
  home=$(pg_home)
  pidfile=$(mktemp)
  head -n 1 "$home/data/postmaster.pid" 2>/dev/null >"$pidfile" || true
  status_line postgres "$pidfile" "postgresql://127.0.0.1:$FINCOPILOT_PG_PORT" "$FINCOPILOT_PG_PORT"
  rm -f "$pidfile"
}
