package io.fincopilot.st;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Platform staff through the admin API: each staff role can do exactly its row of the matrix, and a
 * tenant's admin none of it. The expectations come from one declared table, {@link #MATRIX}.
 */
class StaffRolesIT {

    private static final Stack STACK = Stack.get();

    /** An admin operation and the roles that may call it; {tenant} is an organization made for the test. */
    private record Row(String method, String path, String body, Set<String> allowed) {
    }

    private static final List<Row> MATRIX = List.of(
            new Row("GET", "/admin/api/v1/organizations", null, Set.of("platform-admin", "support", "billing")),
            new Row("GET", "/admin/api/v1/organizations/{tenant}", null, Set.of("platform-admin", "support", "billing")),
            new Row("GET", "/admin/api/v1/organizations/{tenant}/keys", null, Set.of("platform-admin", "support")),
            new Row("GET", "/admin/api/v1/audit?tenant={tenant}", null, Set.of("platform-admin", "support")),
            new Row("GET", "/admin/api/v1/audit/export?tenant={tenant}", null, Set.of("platform-admin", "support")),
            new Row("GET", "/admin/api/v1/audit/verify", null, Set.of("platform-admin", "support")),
            new Row("POST", "/admin/api/v1/organizations/{tenant}/suspend", null, Set.of("platform-admin", "support")),
            new Row("POST", "/admin/api/v1/organizations/{tenant}/resume", null, Set.of("platform-admin", "support")),
            // An empty body: allowed callers get 400 from validation, refused ones 403 first.
            new Row("POST", "/admin/api/v1/organizations", "{}", Set.of("platform-admin")),
            new Row("POST", "/admin/api/v1/organizations/{other}/close", null, Set.of("platform-admin")));

    private static final Map<String, String> TOKENS = new LinkedHashMap<>();
    private static Tenants.Tenant tenant;

    @BeforeAll
    static void staff() {
        tenant = Tenants.create("staff");
        KeycloakAdmin keycloak = new KeycloakAdmin(STACK);
        for (String role : List.of("support", "billing")) {
            String username = Tenants.unique(role);
            String password = "Pw-" + UUID.randomUUID();
            keycloak.createStaff(username, role, password);
            TOKENS.put(role, STACK.passwordGrant(username, password, null).getString("access_token"));
        }
        TOKENS.put("platform-admin", STACK.accessToken(STACK.env("DEMO_PLATFORM_ADMIN")));
        TOKENS.put("tenant-admin", tenant.adminToken());
    }

    @Test
    void eachStaffRoleCanDoExactlyItsRow() {
        List<String> wrong = new ArrayList<>();
        for (var caller : TOKENS.entrySet()) {
            // Every caller closes an organization of its own, so that an allowed close changes nothing shared.
            String other = Tenants.create("close").id();
            for (Row row : MATRIX) {
                String path = row.path().replace("{tenant}", tenant.id()).replace("{other}", other);
                int status = STACK.call(row.method(), path, caller.getValue(), row.body()).statusCode();
                boolean expected = row.allowed().contains(caller.getKey());
                boolean allowed = status != 401 && status != 403;
                if (allowed != expected || status >= 500) {
                    wrong.add(row.method() + " " + row.path() + " as " + caller.getKey() + ": " + status
                            + " (expected " + (expected ? "allowed" : "denied") + ")");
                }
                if (row.path().endsWith("/suspend") && allowed) {
                    STACK.call("POST", "/admin/api/v1/organizations/" + tenant.id() + "/resume", TOKENS.get("platform-admin"), null);
                }
            }
        }
        assertEquals(List.of(), wrong);
    }

    @Test
    void supportLooksAreAuditedOnTheTenantsChain() {
        assertEquals(200, STACK.get("/admin/api/v1/organizations/" + tenant.id() + "/keys", TOKENS.get("support")).statusCode());
        String trail = STACK.get("/api/v1/audit?action=support.keys-viewed", tenant.adminToken()).body();
        assertEquals(true, trail.contains("support.keys-viewed"), trail);
    }
}
