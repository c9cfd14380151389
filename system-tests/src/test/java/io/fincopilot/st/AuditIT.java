package io.fincopilot.st;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The audit trail: append-only in the database, tamper-evident through each tenant's hash chain,
 * readable, filterable and exportable by the tenant, and every support look-up audited too.
 */
class AuditIT {

    private static final Stack STACK = Stack.get();

    private static Connection database(String user, String passwordSecret) throws SQLException {
        return DriverManager.getConnection(STACK.env("DATABASE_JDBC_URL"), user, STACK.secret(passwordSecret));
    }

    private static JsonObject verify(String token) {
        HttpResponse<String> response = STACK.get("/api/v1/audit/verify", token);
        assertEquals(200, response.statusCode(), response.body());
        return Stack.json(response).asJsonObject();
    }

    /** A tenant with a few events: key creations and revocations. */
    private static Tenants.Tenant tenantWithEvents(String label, int keys) {
        Tenants.Tenant tenant = Tenants.create(label);
        String admin = tenant.adminToken();
        for (int i = 0; i < keys; i++) {
            Tenants.key(admin, "ask");
        }
        return tenant;
    }

    @Test
    void theApplicationsDatabaseRoleCannotChangeOrDeleteAuditRows() throws SQLException {
        Tenants.Tenant tenant = tenantWithEvents("ro", 1);
        try (Connection app = database("fincopilot", "PG_APP_PASSWORD"); Statement s = app.createStatement()) {
            assertThrows(SQLException.class, () -> s.executeUpdate("update audit_events set actor = 'x' where tenant_id = '"
                    + tenant.id() + "'"));
            assertThrows(SQLException.class, () -> s.executeUpdate("delete from audit_events where tenant_id = '"
                    + tenant.id() + "'"));
            assertThrows(SQLException.class, () -> s.executeUpdate("truncate audit_events"));
        }
        assertTrue(verify(tenant.adminToken()).getBoolean("valid"));
    }

    @Test
    void anEditMadeAsSuperuserIsFoundAtItsSequence() throws SQLException {
        Tenants.Tenant tenant = tenantWithEvents("edit", 4);
        String admin = tenant.adminToken();
        JsonObject before = verify(admin);
        assertTrue(before.getBoolean("valid"), before.toString());
        try (Connection su = database("postgres", "PG_SUPER_PASSWORD"); Statement s = su.createStatement()) {
            s.execute("set session_replication_role = replica"); // the superuser switches the trigger off
            assertEquals(1, s.executeUpdate("update audit_events set actor = 'mallory' where tenant_id = '"
                    + tenant.id() + "' and sequence = 3"));
        }
        JsonObject after = verify(admin);
        assertFalse(after.getBoolean("valid"));
        assertEquals(3, after.getInt("firstBrokenSequence"), after.toString());
    }

    @Test
    void aDeletionMadeAsSuperuserIsFoundAtItsSequence() throws SQLException {
        Tenants.Tenant tenant = tenantWithEvents("del", 4);
        String admin = tenant.adminToken();
        try (Connection su = database("postgres", "PG_SUPER_PASSWORD"); Statement s = su.createStatement()) {
            s.execute("set session_replication_role = replica");
            assertEquals(1, s.executeUpdate("delete from audit_events where tenant_id = '" + tenant.id()
                    + "' and sequence = 2"));
        }
        JsonObject after = verify(admin);
        assertFalse(after.getBoolean("valid"));
        assertEquals(2, after.getInt("firstBrokenSequence"), after.toString());
        HttpResponse<String> all = STACK.get("/admin/api/v1/audit/verify", STACK.accessToken(STACK.env("DEMO_PLATFORM_ADMIN")));
        assertEquals(200, all.statusCode());
        JsonObject mine = Stack.json(all).asJsonArray().stream().map(JsonValue::asJsonObject)
                .filter(v -> v.getString("tenant").equals(tenant.id())).findFirst().orElseThrow();
        assertEquals(2, mine.getInt("firstBrokenSequence"));
    }

    @Test
    void concurrentAppendsOfTwoTenantsKeepBothChainsValid() throws Exception {
        Tenants.Tenant a = Tenants.create("ca");
        Tenants.Tenant b = Tenants.create("cb");
        String aToken = a.adminToken();
        String bToken = b.adminToken();
        ExecutorService pool = Executors.newFixedThreadPool(12);
        List<Future<Integer>> results = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            for (String token : List.of(aToken, bToken)) {
                results.add(pool.submit(() -> STACK.postJson("/api/v1/keys", token,
                        "{\"name\":\"burst\",\"scopes\":[\"ask\"]}").statusCode()));
            }
        }
        pool.shutdown();
        assertTrue(pool.awaitTermination(5, TimeUnit.MINUTES));
        for (Future<Integer> result : results) {
            assertEquals(201, result.get());
        }
        for (String token : List.of(aToken, bToken)) {
            JsonObject verdict = verify(token);
            assertTrue(verdict.getBoolean("valid"), verdict.toString());
            assertTrue(verdict.getInt("eventsChecked") >= 21, verdict.toString());
        }
    }

    @Test
    void theTenantFiltersAndExportsItsLog() {
        Tenants.Tenant tenant = tenantWithEvents("log", 2);
        String admin = tenant.adminToken();
        HttpResponse<String> created = STACK.get("/api/v1/audit?action=key.created&actor=" + tenant.admin(), admin);
        assertEquals(200, created.statusCode());
        assertEquals(2, Stack.json(created).asJsonArray().size(), created.body());
        assertEquals(0, Stack.json(STACK.get("/api/v1/audit?action=key.created&from=2999-01-01T00:00:00Z", admin))
                .asJsonArray().size());
        HttpResponse<String> csv = STACK.get("/api/v1/audit/export?action=key.created", admin);
        assertEquals(200, csv.statusCode());
        assertTrue(csv.headers().firstValue("Content-Type").orElse("").startsWith("text/csv"));
        String[] lines = csv.body().split("\r\n");
        assertTrue(lines[0].startsWith("tenant,sequence,occurred_at,actor"), lines[0]);
        assertEquals(3, lines.length, csv.body());
        assertEquals(400, STACK.get("/api/v1/audit?from=yesterday", admin).statusCode());
        assertEquals(400, STACK.get("/api/v1/audit?limit=0", admin).statusCode());
    }

    @Test
    void supportLookUpsAreThemselvesAudited() {
        Tenants.Tenant tenant = tenantWithEvents("look", 1);
        String support = Tenants.unique("support");
        String password = "Pw-" + UUID.randomUUID();
        new KeycloakAdmin(STACK).createStaff(support, "support", password);
        String token = STACK.passwordGrant(support, password, null).getString("access_token");
        HttpResponse<String> look = STACK.get("/admin/api/v1/audit?tenant=" + tenant.id(), token);
        assertEquals(200, look.statusCode(), look.body());
        assertTrue(look.body().contains("key.created"));
        assertEquals(200, STACK.get("/admin/api/v1/organizations/" + tenant.id(), token).statusCode());
        String seenByTenant = STACK.get("/api/v1/audit?actor=" + support, tenant.adminToken()).body();
        assertTrue(seenByTenant.contains("support.audit-viewed"), seenByTenant);
        assertTrue(seenByTenant.contains("support.organization-viewed"), seenByTenant);
        assertEquals(403, STACK.postJson("/admin/api/v1/organizations", token, "{}").statusCode(),
                "support cannot create organizations");
    }
}
