# The S3-compatible store: Adobe's S3Mock from Maven Central, bound to 127.0.0.1 only, its objects
# kept under the state folder across restarts.

# Audit digests get a bucket of their own (in production with Object Lock; see docs/decisions.md).
FINCOPILOT_AUDIT_BUCKET="${FINCOPILOT_AUDIT_BUCKET:-fincopilot-audit-digests}"

s3_pidfile() { printf '%s' "$FINCOPILOT_STATE/run/s3.pid"; }

# Compiles the loopback binding for S3Mock's HTTP connector against S3Mock's own jars.
s3_loopback_build() { # jar dir
  local libs="$2/libs"
  mkdir -p "$libs" "$2/classes/META-INF/spring"
  (cd "$libs" && jar xf "$1" $(jar tf "$1" | grep -E 'BOOT-INF/lib/(spring-beans|spring-core|tomcat-embed-core)-[0-9]'))
  javac -d "$2/classes" -cp "$(find "$libs" -name '*.jar' | tr '\n' ':')" \
    "$FINCOPILOT_HOME/launcher/LoopbackConnectors.java" || die "could not compile the S3Mock loopback binding"
  echo "io.fincopilot.launcher.LoopbackConnectors" \
    >"$2/classes/META-INF/spring/org.springframework.boot.autoconfigure.AutoConfiguration.imports"
  (cd "$2/classes" && jar cf "$2/fincopilot-s3-loopback.jar" .)
}

s3_start() {
  pid_alive "$(s3_pidfile)" && return 0
  local dir="$FINCOPILOT_STATE/runtime/s3"
  unpack_once "$FINCOPILOT_STATE/downloads/s3mock.jar" "$dir" s3_loopback_build
  require_free_port "$FINCOPILOT_S3_PORT" "the S3 store" "FINCOPILOT_S3_PORT or FINCOPILOT_PORT_BASE"
  require_free_port "$FINCOPILOT_S3_TLS_PORT" "the S3 store (TLS)" "FINCOPILOT_S3_TLS_PORT or FINCOPILOT_PORT_BASE"
  mkdir -p "$FINCOPILOT_STATE/s3-store"
  step "starting the S3 store (S3Mock) on $S3_URL"
  COM_ADOBE_TESTING_S3MOCK_STORE_INITIAL_BUCKETS="$FINCOPILOT_BUCKET,$FINCOPILOT_AUDIT_BUCKET" \
  COM_ADOBE_TESTING_S3MOCK_STORE_ROOT="$FINCOPILOT_STATE/s3-store" \
  COM_ADOBE_TESTING_S3MOCK_STORE_RETAIN_FILES_ON_EXIT=true \
  nohup setsid java -Xmx256m -Dloader.path="$dir/fincopilot-s3-loopback.jar" -Dfincopilot.s3.address=127.0.0.1 \
    -cp "$FINCOPILOT_STATE/downloads/s3mock.jar" org.springframework.boot.loader.launch.PropertiesLauncher \
    --server.address=127.0.0.1 --server.port="$FINCOPILOT_S3_TLS_PORT" \
    --com.adobe.testing.s3mock.http-port="$FINCOPILOT_S3_PORT" \
    >"$FINCOPILOT_STATE/logs/s3.log" 2>&1 </dev/null &
  echo $! >"$(s3_pidfile)"
  wait_http "$S3_URL/$FINCOPILOT_BUCKET" 60 "the S3 store" "$FINCOPILOT_STATE/logs/s3.log" "200 403"
  s3_enable_versioning "$FINCOPILOT_BUCKET"
}

# Documents keep every version of their originals (production: the bucket's Terraform says so).
s3_enable_versioning() { # bucket
  curl -fsS -o /dev/null -X PUT "$S3_URL/$1?versioning" -H 'Content-Type: application/xml' \
    --data '<VersioningConfiguration xmlns="http://s3.amazonaws.com/doc/2006-03-01/"><Status>Enabled</Status></VersioningConfiguration>' \
    || die "could not turn on versioning of the bucket $1"
}

s3_stop() { stop_pid "$(s3_pidfile)" "the S3 store"; }

s3_status() { status_line s3 "$(s3_pidfile)" "$S3_URL" "$FINCOPILOT_S3_PORT"; }
