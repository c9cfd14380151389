# The demo: a platform admin, an organization created through the admin API (which provisions its
# tenant admin in Keycloak), the API client's service account attached to it, and an API key with
# every scope. Written to demo.env for people and tests.

DEMO_TENANT_SLUG=demo
DEMO_TENANT_NAME="Demo Bank"

kc_admin() { # method path [json]
  local token
  token=$(keycloak_admin_token)
  [ -n "$token" ] || die "could not log in to Keycloak's admin API; see $FINCOPILOT_STATE/logs/keycloak.log"
  # Bodies (passwords among them) and tokens go through stdin and a header file, never the command line.
  printf '%s' "${3:-}" | curl -sf -X "$1" -H @<(bearer_header "$token") -H 'Content-Type: application/json' \
    ${3:+--data-binary @-} "$KEYCLOAK_URL/admin/realms/$FINCOPILOT_REALM$2"
}

# The first string value of a field in a JSON text (enough for Keycloak's and our own answers).
json_field() { grep -o "\"$1\":\"[^\"]*\"" | head -n 1 | cut -d'"' -f4 || true; }

# Gives a person of the realm a lasting password (an organization's first admin is made with a one-time one).
kc_set_password() { # username password
  local id
  id=$(kc_admin GET "/users?exact=true&username=$1" | json_field id)
  [ -n "$id" ] || die "no Keycloak account '$1'"
  kc_admin PUT "/users/$id/reset-password" "{\"type\":\"password\",\"value\":\"$2\",\"temporary\":false}" >/dev/null \
    || die "could not set the password of $1"
}

# Creates a member of platform staff in the realm (once), with a password and a realm role; answers the user id.
kc_ensure_user() { # username role
  local id
  id=$(kc_admin GET "/users?exact=true&username=$1" | json_field id)
  if [ -z "$id" ]; then
    kc_admin POST /users "{\"username\":\"$1\",\"enabled\":true,\"emailVerified\":true,\"email\":\"$1@demo.fincopilot.local\",\"firstName\":\"${1%%.*}\",\"lastName\":\"${1#*.}\"}" >/dev/null \
      || die "could not create the Keycloak user $1"
    id=$(kc_admin GET "/users?exact=true&username=$1" | json_field id)
  fi
  kc_admin PUT "/users/$id/reset-password" "{\"type\":\"password\",\"value\":\"$DEMO_PASSWORD\",\"temporary\":false}" >/dev/null \
    || die "could not set the password of $1"
  kc_admin POST "/users/$id/role-mappings/realm" "[$(kc_admin GET "/roles/$2")]" >/dev/null \
    || die "could not give $1 the role $2"
  printf '%s' "$id"
}

cli_token() { # username password
  printf '%s' "$2" | curl -sf --data-urlencode "username=$1" --data-urlencode "password@-" -d grant_type=password \
    -d client_id=fincopilot-cli "$KEYCLOAK_URL/realms/$FINCOPILOT_REALM/protocol/openid-connect/token" \
    | json_field access_token
}

demo_provision() {
  local env="$FINCOPILOT_STATE/demo.env"
  if [ -f "$env" ] && grep -q '^DEMO_API_KEY=' "$env"; then return 0; fi
  step "creating the demo organization and its people"
  kc_ensure_user platform.admin platform-admin >/dev/null
  local token response tenant
  token=$(cli_token platform.admin "$DEMO_PASSWORD")
  [ -n "$token" ] || die "the demo platform admin could not log in; see $FINCOPILOT_STATE/logs/keycloak.log"
  response=$(curl -s -H @<(bearer_header "$token") -H 'Content-Type: application/json' \
    --data "{\"slug\":\"$DEMO_TENANT_SLUG\",\"name\":\"$DEMO_TENANT_NAME\",\"plan\":\"pro\",\"admin\":{\"username\":\"admin\",\"email\":\"admin@demo.fincopilot.local\",\"firstName\":\"Demo\",\"lastName\":\"Admin\"}}" \
    "$APP_URL/admin/api/v1/organizations")
  tenant=$(printf '%s' "$response" | json_field id)
  if [ -z "$tenant" ]; then # created by an earlier, interrupted run
    tenant=$(curl -sf -H @<(bearer_header "$token") "$APP_URL/admin/api/v1/organizations" \
      | tr '{' '\n' | grep "\"slug\":\"$DEMO_TENANT_SLUG\"" | json_field id)
  fi
  [ -n "$tenant" ] || die "could not create the demo organization: $response"
  # The organization's first admin was made with a one-time password; the demo gets a lasting one.
  local login="admin@$DEMO_TENANT_SLUG" # people log in as username@slug
  kc_set_password "$login" "$DEMO_PASSWORD"
  local client service
  client=$(kc_admin GET "/clients?clientId=fincopilot-api" | json_field id)
  service=$(kc_admin GET "/clients/$client/service-account-user" | json_field id)
  kc_admin PUT "/users/$service" "{\"attributes\":{\"tenant_id\":[\"$tenant\"]}}" >/dev/null \
    || die "could not attach the API client's service account to the demo tenant"
  local key
  key=$(curl -s -H @<(bearer_header "$(cli_token "$login" "$DEMO_PASSWORD")") -H 'Content-Type: application/json' \
    --data '{"name":"demo key (all scopes)","scopes":["documents:read","documents:write","ask","usage:read","audit:read"]}' \
    "$APP_URL/api/v1/keys" | json_field secret)
  [ -n "$key" ] || die "could not create the demo API key"
  umask 077 # demo.env holds passwords and the demo key: mode 600
  cat >"$env" <<ENV
FINCOPILOT_URL=$APP_URL
TENANT_CONSOLE_URL=$APP_URL/console/
ADMIN_CONSOLE_URL=$APP_URL/admin/
KEYCLOAK_URL=$KEYCLOAK_URL
KEYCLOAK_REALM=$FINCOPILOT_REALM
KEYCLOAK_CLI_CLIENT=fincopilot-cli
KEYCLOAK_API_CLIENT=fincopilot-api
KEYCLOAK_API_CLIENT_SECRET=$API_CLIENT_SECRET
DEMO_TENANT=$tenant
DEMO_TENANT_SLUG=$DEMO_TENANT_SLUG
DEMO_TENANT_ADMIN=$login
DEMO_PLATFORM_ADMIN=platform.admin
DEMO_PASSWORD=$DEMO_PASSWORD
DEMO_API_KEY=$key
DATABASE_JDBC_URL=jdbc:postgresql://$FINCOPILOT_PG_HOST:$FINCOPILOT_PG_PORT/$FINCOPILOT_PG_DATABASE
S3_ENDPOINT=$S3_URL
S3_BUCKET=$FINCOPILOT_BUCKET
PAYARA_ADMIN_PORT=$FINCOPILOT_ADMIN_PORT
ENV
  umask 022
}

# Which shape answers, and each tenant-web instance's own address (loopback), for the tests of what
# must hold across instances: rewritten at every 'up', since one state folder runs either shape.
demo_instances() {
  local env="$FINCOPILOT_STATE/demo.env" urls="$APP_URL" i
  [ -f "$env" ] || return 0
  if [ "$(stack_shape)" = micro ]; then
    urls=""
    for i in $(seq 1 "$(micro_instances)"); do
      urls="${urls:+$urls,}http://127.0.0.1:$(micro_port "tenant-web-$i")"
    done
  fi
  local new
  new=$(mktemp "$env.XXXXXX") || die "could not write next to $env" # mode 600: demo.env holds passwords
  grep -v -e '^FINCOPILOT_SHAPE=' -e '^INSTANCE_URLS=' "$env" >"$new" || [ $? -eq 1 ] \
    || { rm -f "$new"; die "could not read $env"; }
  printf 'FINCOPILOT_SHAPE=%s\nINSTANCE_URLS=%s\n' "$(stack_shape)" "$urls" >>"$new"
  mv "$new" "$env"
}

# The sample annual report (61 pages, generated by io.fincopilot.ingestion.sample.AnnualReport from
# the EAR's own classes) uploaded into the demo organization once; ingestion makes it ready shortly
# after `up` prints its URLs.
demo_sample_report() {
  local marker="$FINCOPILOT_STATE/demo-report.uploaded"
  [ -f "$marker" ] && return 0
  step "uploading the sample annual report into the demo organization"
  local dir="$FINCOPILOT_STATE/runtime/sample" ear="$FINCOPILOT_HOME/platform-ear/target/fincopilot.ear"
  rm -rf "$dir" && mkdir -p "$dir"
  (cd "$dir" && unzip -q -o "$ear" 'io.fincopilot-api-ejb-*.jar' 'lib/*') || die "could not unpack $ear"
  java -cp "$dir/*:$dir/lib/*" io.fincopilot.ingestion.sample.AnnualReport "$dir/northwind-annual-report.pdf" 42 \
    >>"$FINCOPILOT_STATE/logs/launcher.log" 2>&1 || die "could not generate the sample report; see $FINCOPILOT_STATE/logs/launcher.log"
  local key status
  key=$(grep '^DEMO_API_KEY=' "$FINCOPILOT_STATE/demo.env" | cut -d= -f2)
  # The key goes in a header file, never on the command line; a retry of an interrupted run gets the first answer.
  status=$(curl -s -o "$dir/upload.json" -w '%{http_code}' -H @<(printf 'X-API-Key: %s\n' "$key") \
    -H 'Idempotency-Key: demo-sample-annual-report' -F "file=@$dir/northwind-annual-report.pdf;type=application/pdf" \
    -F 'title=Sample annual report (fictional)' -F 'tags=sample,annual-report' "$APP_URL/api/v1/documents")
  case "$status" in
    201|409) touch "$marker" ;;
    *) die "the sample report was refused ($status): $(cat "$dir/upload.json")" ;;
  esac
  rm -rf "$dir/lib" "$dir"/io.fincopilot-api-ejb-*.jar
}
