# ./fincopilot test: unit tests, then a stack of its own (own ports and state folder, so a running
# 'up' is left alone) started by the same code as 'up', the system tests against it, and the stack
# stopped again whatever happens. The test stack alone honours injected upload failures and reaps
# unfinished uploads after 3 seconds instead of 15 minutes (UploadFailuresIT).

FINCOPILOT_TEST_STATE="${FINCOPILOT_TEST_STATE:-$FINCOPILOT_HOME/.fincopilot-test}"
FINCOPILOT_TEST_PORT_BASE="${FINCOPILOT_TEST_PORT_BASE:-18000}"
# The remote answer providers of the test stack are a local fake the system tests start on this
# port (FakeChatServer); their timeouts and circuit delay are short, so failures are quick to drive.
FINCOPILOT_TEST_MODEL_PORT=$((FINCOPILOT_TEST_PORT_BASE + 97))

test_stack() {
  env -u FINCOPILOT_KEYCLOAK_PORT -u FINCOPILOT_KEYCLOAK_MANAGEMENT_PORT -u FINCOPILOT_S3_PORT \
      -u FINCOPILOT_S3_TLS_PORT -u FINCOPILOT_PG_PORT -u FINCOPILOT_EXTERNAL_PG -u FINCOPILOT_PG_DATABASE \
      FINCOPILOT_STATE="$FINCOPILOT_TEST_STATE" FINCOPILOT_PORT_BASE="$FINCOPILOT_TEST_PORT_BASE" \
      FINCOPILOT_TEST_FAULTS=true FINCOPILOT_DOCUMENTS_UPLOAD_GRACE=PT3S FINCOPILOT_DOCUMENTS_REAPER_INTERVAL=PT2S FINCOPILOT_PRIVACY_SWEEP_INTERVAL=PT3S FINCOPILOT_PRIVACY_INVOICE_RETENTION=P1Y \
      FINCOPILOT_ANSWERS_OPENAI_BASE_URL="http://127.0.0.1:$FINCOPILOT_TEST_MODEL_PORT/v1" \
      FINCOPILOT_ANSWERS_OPENAI_MODEL=fake-gpt FINCOPILOT_ANSWERS_OPENAI_API_KEY=sk-test-openai \
      FINCOPILOT_ANSWERS_ANTHROPIC_BASE_URL="http://127.0.0.1:$FINCOPILOT_TEST_MODEL_PORT" \
      FINCOPILOT_ANSWERS_ANTHROPIC_MODEL=fake-claude FINCOPILOT_ANSWERS_ANTHROPIC_API_KEY=sk-test-anthropic \
      FINCOPILOT_ANSWERS_FIRST_BYTE_TIMEOUT=PT10S \
      IO_FINCOPILOT_ANSWERS_CONTROL_REMOTEMODELS_OPENAI_TIMEOUT_VALUE=3 \
      IO_FINCOPILOT_ANSWERS_CONTROL_REMOTEMODELS_ANTHROPIC_TIMEOUT_VALUE=3 \
      IO_FINCOPILOT_ANSWERS_CONTROL_REMOTEMODELS_OPENAI_CIRCUITBREAKER_DELAY=3000 \
      IO_FINCOPILOT_ANSWERS_CONTROL_REMOTEMODELS_ANTHROPIC_CIRCUITBREAKER_DELAY=3000 \
      "$FINCOPILOT_HOME/fincopilot" "$@"
}

# The browser tests drive Debian's Chromium through its chromedriver.
browser_prerequisites() {
  command -v chromium >/dev/null && command -v chromedriver >/dev/null && return 0
  install_packages chromium chromium-driver \
    || die "the browser tests need Debian's chromium and chromium-driver: run 'sudo apt-get install chromium chromium-driver'"
}

# ./fincopilot drill: the fault drills of issue 9 (*Drill.java), on the test stack in the micro shape
# with two tenant-web instances, stopped again afterwards. They kill, stop and start its processes.
run_drills() {
  mkdir -p "$FINCOPILOT_STATE/logs"
  step "the build (./mvnw install, no tests)"
  (cd "$FINCOPILOT_HOME" && "$FINCOPILOT_HOME/mvnw" -B -q install -DskipTests)
  trap test_finish EXIT
  trap 'exit 130' INT TERM
  test_stack down
  step "starting the test stack in the micro shape (two tenant-web instances)"
  test_stack up --shape micro --instances 2
  step "fault drills"
  (cd "$FINCOPILOT_HOME" && "$FINCOPILOT_HOME/mvnw" -B -pl system-tests -Pdrills verify \
    -Dfincopilot.env="$FINCOPILOT_TEST_STATE/demo.env" -Dfincopilot.secrets="$FINCOPILOT_TEST_STATE/secrets.env" \
    -Dfincopilot.launcher="$FINCOPILOT_HOME/launcher/test-stack") | grep -E '^DRILL|Tests run:|FAIL|BUILD|ERROR\]'
}

# The Prometheus alert rules in ops/prometheus, checked and unit-tested with Debian's promtool.
alert_rules_check() {
  command -v promtool >/dev/null || install_packages prometheus \
    || die "the alert rules are checked with promtool: run 'sudo apt-get install prometheus'"
  (cd "$FINCOPILOT_HOME/ops/prometheus" && promtool check rules fincopilot-alerts.yml \
    && promtool test rules fincopilot-alerts.test.yml)
}

test_finish() {
  local status=$?
  trap - EXIT INT TERM
  if [ $status -ne 0 ] && [ -d "$FINCOPILOT_TEST_STATE/logs" ]; then
    echo "---- the test stack's logs (last lines) ----"
    tail -n 20 "$FINCOPILOT_TEST_STATE/logs/launcher.log" 2>/dev/null || true
    tail -n 60 "$FINCOPILOT_TEST_STATE/payara-domains/fincopilot/logs/server.log" 2>/dev/null || true
    for log in "$FINCOPILOT_TEST_STATE"/logs/micro-*.log; do
      [ -f "$log" ] && { echo "---- $log ----"; tail -n 30 "$log"; }
    done
  fi
  test_stack down || true
  exit $status
}

run_tests() {
  mkdir -p "$FINCOPILOT_STATE/logs"
  browser_prerequisites
  step "unit tests and the build (./mvnw install)"
  (cd "$FINCOPILOT_HOME" && "$FINCOPILOT_HOME/mvnw" -B install)
  step "alert rules (promtool check rules, promtool test rules)"
  alert_rules_check
  trap test_finish EXIT
  trap 'exit 130' INT TERM
  step "starting the test stack in $FINCOPILOT_TEST_STATE (ports from $FINCOPILOT_TEST_PORT_BASE)"
  test_stack up
  step "system tests"
  (cd "$FINCOPILOT_HOME" \
    && export FINCOPILOT_PAYARA_ADMIN_PASSWORD="$(sed -n 's/^PAYARA_ADMIN_PASSWORD=//p' "$FINCOPILOT_TEST_STATE/secrets.env")" \
    && "$FINCOPILOT_HOME/mvnw" -B -pl system-tests -Psystem-tests verify \
    -Dfincopilot.env="$FINCOPILOT_TEST_STATE/demo.env" -Dfincopilot.secrets="$FINCOPILOT_TEST_STATE/secrets.env" \
    -Dfincopilot.payara.admin.port="$(sed -n 's/^PAYARA_ADMIN_PORT=//p' "$FINCOPILOT_TEST_STATE/demo.env")" \
    -Dfincopilot.model.port="$FINCOPILOT_TEST_MODEL_PORT")
  # The same state in the second shape: what must hold across instances (issue 9).
  step "the micro shape: two tenant-web instances and admin-web on Payara Micro behind HAProxy"
  test_stack down
  test_stack up --shape micro --instances 2
  step "system tests across instances"
  (cd "$FINCOPILOT_HOME" \
    && "$FINCOPILOT_HOME/mvnw" -B -pl system-tests -Psystem-tests verify -Dit.test=AcrossInstancesIT \
    -Dfincopilot.env="$FINCOPILOT_TEST_STATE/demo.env" -Dfincopilot.secrets="$FINCOPILOT_TEST_STATE/secrets.env")
}
