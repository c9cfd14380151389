package io.fincopilot.st;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.fincopilot.client.model.NewPerson;
import io.fincopilot.security.Permission;
import io.fincopilot.security.Role;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Every operation of the API document, for every kind of caller: allowed exactly when the caller
 * holds one of the permissions the document names. Calls use unknown ids and empty bodies, so an
 * allowed call answers 2xx/400/404 and changes nothing, and a denied one answers 403.
 */
class RoleMatrixIT {

    private static final Stack STACK = Stack.get();
    /** What a caller of a role holds: the platform's own declaration, so the test and the code share one table. */
    private static Set<String> permissions(Role role) {
        Set<String> names = Permission.of(role).stream().map(Permission::scope).collect(Collectors.toCollection(HashSet::new));
        names.add(Permission.AUTHENTICATED);
        return names;
    }

    private record Operation(String method, String path, Set<String> permissions) {
    }

    private static List<Operation> operations() {
        HttpResponse<String> document = STACK.send(HttpRequest.newBuilder(URI.create(STACK.url("/openapi")))
                .header("Accept", "application/json"));
        JsonObject paths = Stack.json(document).asJsonObject().getJsonObject("paths");
        List<Operation> operations = new ArrayList<>();
        paths.forEach((path, item) -> {
            if (!path.startsWith("/api/v1/") || item.getValueType() != JsonValue.ValueType.OBJECT) {
                return;
            }
            item.asJsonObject().forEach((method, op) -> {
                JsonArray security = op.asJsonObject().getJsonArray("security");
                Set<String> permissions = security == null ? Set.of() : security.stream()
                        .map(JsonValue::asJsonObject).filter(r -> r.containsKey("keycloak"))
                        .flatMap(r -> r.getJsonArray("keycloak").getValuesAs(JsonValue::toString).stream())
                        .map(s -> s.replace("\"", "")).collect(Collectors.toSet());
                operations.add(new Operation(method.toUpperCase(), path.replaceAll("\\{[^}]+}",
                        UUID.randomUUID().toString()), permissions));
            });
        });
        return operations;
    }

    @Test
    void everyOperationAllowsExactlyTheRolesAndScopesItDocuments() {
        List<Operation> operations = operations();
        assertFalse(operations.isEmpty());
        assertFalse(operations.stream().anyMatch(o -> o.permissions().isEmpty()), "every operation names its permissions");

        Tenants.Tenant tenant = Tenants.create("matrix", "enterprise"); // its rate limit outlasts every operation × credential
        String admin = tenant.adminToken();
        Map<String, String> credentials = new LinkedHashMap<>();
        Map<String, Set<String>> granted = new LinkedHashMap<>();
        credentials.put("tenant-admin", admin);
        granted.put("tenant-admin", permissions(Role.TENANT_ADMIN));
        for (String role : List.of("analyst", "viewer")) {
            String username = Tenants.unique(role);
            String login = Api.ok(() -> Api.as(admin).people().invitePerson(Tenants.person(username, username
                    + "@matrix.test").role(NewPerson.RoleEnum.fromValue(role)))).getPerson().getUsername();
            String password = "Pw-" + UUID.randomUUID();
            new KeycloakAdmin(STACK).setPassword(login, password);
            credentials.put(role, STACK.passwordGrant(login, password, null).getString("access_token"));
            granted.put(role, permissions(Role.fromClaim(role).orElseThrow()));
        }
        credentials.put("platform-admin", STACK.accessToken(STACK.env("DEMO_PLATFORM_ADMIN")));
        granted.put("platform-admin", permissions(Role.PLATFORM_ADMIN));
        for (Permission scope : Permission.keyScopes()) {
            credentials.put("key[" + scope.scope() + "]", Tenants.key(admin, scope.scope()));
            granted.put("key[" + scope.scope() + "]", Set.of(Permission.AUTHENTICATED, scope.scope()));
        }

        List<String> wrong = new ArrayList<>();
        for (Operation op : operations) {
            for (var entry : credentials.entrySet()) {
                boolean expected = op.permissions().stream().anyMatch(granted.get(entry.getKey())::contains);
                String body = Set.of("POST", "PATCH", "PUT").contains(op.method()) ? "{}" : null;
                int status = STACK.call(op.method(), op.path(), entry.getValue(), body).statusCode();
                boolean allowed = status != 401 && status != 403;
                if (allowed != expected || status >= 500) {
                    wrong.add(op.method() + " " + op.path() + " as " + entry.getKey() + ": " + status
                            + " (expected " + (expected ? "allowed" : "denied") + ")");
                }
            }
        }
        assertEquals(List.of(), wrong);
    }
}
