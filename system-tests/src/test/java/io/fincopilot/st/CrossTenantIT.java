package io.fincopilot.st;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonValue;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * One tenant never sees, changes or detects another's data: tenant B's token and key on tenant A's
 * objects get 404 (not 403), lists never show A's ids, and many concurrent requests of both tenants
 * never cross over.
 */
class CrossTenantIT {

    private static final Stack STACK = Stack.get();
    private static Tenants.Tenant a;
    private static Tenants.Tenant b;
    private static String aToken;
    private static String bToken;
    private static String bKey;
    private static String aKeyId;
    private static String aPersonId;

    @BeforeAll
    static void twoTenants() {
        a = Tenants.create("ta");
        b = Tenants.create("tb");
        aToken = a.adminToken();
        bToken = b.adminToken();
        bKey = Tenants.key(bToken, "documents:read", "documents:write", "ask", "usage:read", "audit:read");
        String aKey = Tenants.key(aToken, "ask");
        aKeyId = Stack.json(STACK.get("/api/v1/me", aKey)).asJsonObject().getString("subject");
        HttpResponse<String> invited = STACK.postJson("/api/v1/people", aToken, "{\"username\":\""
                + Tenants.unique("amember") + "\",\"email\":\"" + Tenants.unique("a") + "@cross.test\",\"firstName\":\"A\","
                + "\"lastName\":\"Member\",\"role\":\"viewer\"}");
        aPersonId = Stack.json(invited).asJsonObject().getJsonObject("person").getString("id");
    }

    @Test
    void anotherTenantsObjectsAreNotFound() {
        for (String credential : List.of(bToken, bKey)) {
            assertNotFound(STACK.get("/api/v1/keys/" + aKeyId, credential), credential);
            assertNotFound(STACK.get("/api/v1/people/" + aPersonId, credential), credential);
        }
        assertNotFound(STACK.call("DELETE", "/api/v1/keys/" + aKeyId, bToken, null), bToken);
        assertNotFound(STACK.call("PATCH", "/api/v1/people/" + aPersonId, bToken, "{\"role\":\"tenant-admin\"}"), bToken);
        assertNotFound(STACK.call("DELETE", "/api/v1/people/" + aPersonId, bToken, null), bToken);
        // ... and A's objects are untouched.
        assertEquals("active", Stack.json(STACK.get("/api/v1/keys/" + aKeyId, aToken)).asJsonObject().getString("status"));
        assertEquals("viewer", Stack.json(STACK.get("/api/v1/people/" + aPersonId, aToken)).asJsonObject().getString("role"));
    }

    private static void assertNotFound(HttpResponse<String> response, String credential) {
        int status = response.statusCode();
        // An API key may lack keys:manage (403 before any lookup); a token must get 404, never 403.
        if (credential.startsWith("fc_live_")) {
            assertTrue(status == 404 || status == 403, response.body());
        } else {
            assertEquals(404, status, response.body());
        }
    }

    @Test
    void listsNeverShowAnotherTenantsIds() {
        for (String path : List.of("/api/v1/keys", "/api/v1/people")) {
            Set<String> seen = ids(STACK.get(path, bToken).body());
            assertFalse(seen.contains(aKeyId) || seen.contains(aPersonId), path + ": " + seen);
        }
        // B's audit log holds B's own attempts (with the ids B itself sent), never A's events.
        for (String credential : List.of(bToken, bKey)) {
            String audit = STACK.get("/api/v1/audit", credential).body();
            assertFalse(audit.contains(a.admin()) || audit.contains(a.slug()), audit);
        }
    }

    @Test
    void concurrentRequestsOfTwoTenantsNeverCrossOver() throws Exception {
        Set<String> aKeys = ids(STACK.get("/api/v1/keys", aToken).body());
        Set<String> bKeys = ids(STACK.get("/api/v1/keys", bToken).body());
        assertFalse(aKeys.isEmpty() || bKeys.isEmpty());
        ConcurrentLinkedQueue<String> failures = new ConcurrentLinkedQueue<>();
        ExecutorService pool = Executors.newFixedThreadPool(16);
        int iterations = 40;
        for (int i = 0; i < iterations; i++) {
            for (Tenants.Tenant tenant : List.of(a, b)) {
                String token = tenant == a ? aToken : bToken;
                Set<String> own = tenant == a ? aKeys : bKeys;
                Set<String> foreign = tenant == a ? bKeys : aKeys;
                pool.submit(() -> {
                    HttpResponse<String> keys = STACK.get("/api/v1/keys", token);
                    Set<String> seen = ids(keys.body());
                    if (keys.statusCode() != 200 || !seen.containsAll(own) || seen.stream().anyMatch(foreign::contains)) {
                        failures.add(tenant.slug() + " saw " + keys.statusCode() + " " + seen);
                    }
                    String me = STACK.get("/api/v1/me", token).body();
                    if (!me.contains(tenant.id())) {
                        failures.add(tenant.slug() + " /me: " + me);
                    }
                });
            }
        }
        pool.shutdown();
        assertTrue(pool.awaitTermination(5, TimeUnit.MINUTES));
        assertEquals(List.of(), List.copyOf(failures));
    }

    private static Set<String> ids(String json) {
        return Stack.json(json).asJsonArray().stream().map(JsonValue::asJsonObject)
                .map(o -> o.getString("id")).collect(Collectors.toSet());
    }
}
