# ./fincopilot load: Gatling (load-tests/) against the running 'up' stack, either shape. 20 organizations
# on the enterprise plan, each with an API key and one small document, are made once per state folder
# (load-tenants.csv); then the mix runs, and the figures per request kind and the CPU each component
# used are printed as LOAD lines (docs/performance.md).

load_tenants() { # file
  local file=$1 token i slug response tenant login key password
  [ -f "$file" ] && [ "$(wc -l <"$file")" -ge 21 ] && return 0
  step "creating 20 organizations for the load test (once per state folder)"
  token=$(cli_token "$(sed -n 's/^DEMO_PLATFORM_ADMIN=//p' "$FINCOPILOT_STATE/demo.env")" "$DEMO_PASSWORD")
  [ -n "$token" ] || die "the platform admin could not log in"
  password="Load-$(random_token)"
  local mask
  mask=$(umask)
  umask 077
  printf 'key\n' >"$file.new"
  for i in $(seq -w 1 20); do
    slug="load-$i-$(random_token | tr 'A-Z' 'a-z' | head -c 6)"
    response=$(curl -s -H @<(bearer_header "$token") -H 'Content-Type: application/json' \
      --data "{\"slug\":\"$slug\",\"name\":\"Load $i\",\"plan\":\"enterprise\",\"admin\":{\"username\":\"admin\",\"email\":\"admin@$slug.load.test\",\"firstName\":\"Load\",\"lastName\":\"Admin\"}}" \
      "$APP_URL/admin/api/v1/organizations")
    tenant=$(printf '%s' "$response" | json_field id)
    [ -n "$tenant" ] || die "could not create a load organization: $response"
    login="admin@$slug"
    kc_set_password "$login" "$password"
    key=$(curl -s -H @<(bearer_header "$(cli_token "$login" "$password")") -H 'Content-Type: application/json' \
      --data '{"name":"load test","scopes":["documents:read","documents:write","ask"]}' "$APP_URL/api/v1/keys" | json_field secret)
    [ -n "$key" ] || die "could not create the API key of $slug"
    curl -sf -o /dev/null -H "X-API-Key: $key" -H 'Content-Type: text/plain' --data-binary \
      "Annual report of Load $i. Revenue for fiscal 2025 was 412.5 million dollars, up from 389.1 million in 2024. Net income was 41.2 million. Total assets were 1,204.7 million at the end of 2025." \
      "$APP_URL/api/v1/documents?fileName=annual-report.txt" || die "could not upload the document of $slug"
    printf '%s\n' "$key" >>"$file.new"
  done
  mv "$file.new" "$file"
  umask "$mask"
}

# CPU seconds used so far by each component's processes (user + system, children included).
load_cpu() {
  local tick
  tick=$(getconf CLK_TCK)
  ps -eo pid=,args= | while read -r pid args; do
    local group
    case "$args" in
      *payara-micro.jar*--name\ tenant-web*) group=tenant-web ;;
      *payara-micro.jar*--name\ admin-web*) group=admin-web ;;
      *ASMain*) group=payara ;;
      *keycloak*|*quarkus*) group=keycloak ;;
      *s3mock*) group=s3 ;;
      *haproxy*) group=lb ;;
      */bin/postgres*|postgres:*) group=postgres ;;
      *) continue ;;
    esac
    [ -r "/proc/$pid/stat" ] || continue
    awk -v g="$group" -v t="$tick" '{ print g, ($14 + $15 + $16 + $17) / t }' "/proc/$pid/stat" 2>/dev/null
  done | awk '{ s[$1] += $2 } END { for (g in s) printf "%s %.1f\n", g, s[g] }'
  # The whole machine: every core's busy time (everything but idle and I/O wait), in seconds.
  awk -v t="$tick" '/^cpu / { print "machine", ($2 + $3 + $4 + $7 + $8 + $9) / t }' /proc/stat
}

cmd_load() {
  local minutes=10 rate=30
  while [ $# -gt 0 ]; do
    case "$1" in
      --minutes) minutes="${2:-}"; shift 2 || die "--minutes needs a number" ;;
      --rate) rate="${2:-}"; shift 2 || die "--rate needs requests per second" ;;
      *) die "unknown option '$1' of load (--minutes N, --rate R)" ;;
    esac
  done
  printf '%s' "$minutes" | grep -Eq '^[1-9][0-9]*$' || die "--minutes must be a whole number of minutes"
  printf '%s' "$rate" | grep -Eq '^[0-9]+(\.[0-9]+)?$' || die "--rate must be requests per second, e.g. 30"
  stack_init
  [ -f "$FINCOPILOT_STATE/demo.env" ] && port_in_use "$FINCOPILOT_HTTP_PORT" || die "start the stack first: ./fincopilot up"
  command -v python3 >/dev/null || install_packages python3 || die "the load report needs python3"
  local tenants="$FINCOPILOT_STATE/load-tenants.csv" before after started report
  load_tenants "$tenants"
  step "Gatling: $rate requests/s for $minutes minutes against $APP_URL ($(stack_shape) shape)"
  before=$(load_cpu)
  started=$(date +%s)
  (cd "$FINCOPILOT_HOME/load-tests" && "$FINCOPILOT_HOME/mvnw" -B -q -f pom.xml io.gatling:gatling-maven-plugin:test \
    -Dfincopilot.url="$APP_URL" -Dfincopilot.load.tenants="$tenants" -Dfincopilot.load.rate="$rate" \
    -Dfincopilot.load.minutes="$minutes" >"$FINCOPILOT_STATE/logs/load.log" 2>&1) \
    || say "Gatling reported failed requests or did not finish; see $FINCOPILOT_STATE/logs/load.log"
  after=$(load_cpu)
  # This run's report only: a run that failed early must not print an earlier run's figures.
  report=$(find "$FINCOPILOT_HOME/load-tests/target/gatling" -mindepth 1 -maxdepth 1 -type d -newermt "@$started" \
    2>/dev/null | sort | tail -n 1)
  [ -n "$report" ] && [ -f "$report/index.html" ] || die "no Gatling report; see $FINCOPILOT_STATE/logs/load.log"
  # Gatling writes its figures into the report's statistics table only: read back from there.
  python3 - "$report/index.html" "$(( $(date +%s) - started ))" "$(stack_shape)" "$before" "$after" <<'PY'
import re, sys
html = open(sys.argv[1], encoding="utf-8").read()
seconds, shape = float(sys.argv[2]), sys.argv[3]
for row in re.findall(r'<tr id="[^"]*"[^>]*>(.*?)</tr>', html, re.S):
    name = re.search(r'class="ellipsed-name">([^<]*)<', row)
    cells = dict(re.findall(r'<td class="value [a-z]+ col-(\d+)">([^<]*)</td>', row))
    if not name or "2" not in cells:
        continue
    n, ko = int(cells["2"].replace(",", "")), int(cells["4"].replace(",", "") or 0)
    label = "all" if name.group(1) == "All Requests" else name.group(1).replace(" ", "-")
    print(f"LOAD {shape} {label:<14} {n:>7} requests {float(cells['6']):>7.1f}/s  p50 {cells['8']} ms  p95 {cells['10']} ms  "
          f"p99 {cells['11']} ms  max {cells['12']} ms  errors {ko} ({100.0 * ko / max(n, 1):.2f}%)")
cpu = lambda text: {g: float(v) for g, v in (l.split() for l in text.splitlines() if l.strip())}
before, after = cpu(sys.argv[4]), cpu(sys.argv[5])
for group in sorted(after):
    used = after[group] - before.get(group, 0.0)
    print(f"LOAD {shape} cpu {group:<11} {used / seconds:.2f} cores on average"
          + (f" (of {__import__('os').cpu_count()})" if group == "machine" else ""))
PY
  say "Gatling's report: $report/index.html"
}
