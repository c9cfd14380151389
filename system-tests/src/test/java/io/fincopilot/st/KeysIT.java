package io.fincopilot.st;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** API keys: made and shown once, used as Bearer or X-API-Key, and every way a key is refused. */
class KeysIT {

    private static final Stack STACK = Stack.get();
    private static Tenants.Tenant tenant;
    private static String admin;

    @BeforeAll
    static void tenant() {
        tenant = Tenants.create("keys");
        admin = tenant.adminToken();
    }

    private static String problemType(HttpResponse<String> response) {
        assertTrue(response.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json"),
                response.body());
        return Stack.json(response).asJsonObject().getString("type").replace("https://fincopilot.io/problems/", "");
    }

    @Test
    void aKeyIsShownOnceListedByPrefixAndWorksInBothHeaders() {
        HttpResponse<String> created = STACK.postJson("/api/v1/keys", admin,
                "{\"name\":\"reporting\",\"scopes\":[\"ask\",\"documents:read\"]}");
        assertEquals(201, created.statusCode(), created.body());
        assertEquals("no-store", created.headers().firstValue("Cache-Control").orElse(""), "a secret is never cached");
        JsonObject body = Stack.json(created).asJsonObject();
        String secret = body.getString("secret");
        JsonObject key = body.getJsonObject("key");
        assertTrue(secret.startsWith("fc_live_" + key.getString("prefix") + "_"), secret);
        assertEquals("active", key.getString("status"));

        HttpResponse<String> list = STACK.get("/api/v1/keys", admin);
        assertTrue(list.body().contains(key.getString("prefix")));
        assertFalse(list.body().contains(secret.substring(secret.lastIndexOf('_') + 1)), "lists never show secrets");
        HttpResponse<String> one = STACK.get("/api/v1/keys/" + key.getString("id"), admin);
        assertFalse(one.body().contains("secret"), one.body());

        HttpResponse<String> bearer = STACK.get("/api/v1/me", secret);
        assertEquals(200, bearer.statusCode(), bearer.body());
        JsonObject me = Stack.json(bearer).asJsonObject();
        assertEquals("api_key", me.getString("kind"));
        assertEquals(tenant.id(), me.getJsonObject("tenant").getString("id"));
        assertEquals("[\"ask\",\"documents:read\"]", me.getJsonArray("permissions").toString());
        assertEquals(200, STACK.request("GET", "/api/v1/me", Map.of("X-API-Key", secret), null).statusCode());
    }

    @Test
    void aBodyCannotSetTenantRoleOrTimestamps() {
        Tenants.Tenant other = Tenants.create("mass");
        HttpResponse<String> created = STACK.postJson("/api/v1/keys", admin, "{\"name\":\"sneaky\",\"scopes\":[\"ask\"],"
                + "\"tenantId\":\"" + other.id() + "\",\"tenant\":\"" + other.id() + "\",\"role\":\"tenant-admin\","
                + "\"createdAt\":\"2001-01-01T00:00:00Z\",\"id\":\"00000000-0000-0000-0000-000000000001\","
                + "\"prefix\":\"aaaaaaaaaaaa\",\"createdBy\":\"mallory\",\"status\":\"revoked\"}");
        assertEquals(201, created.statusCode(), created.body());
        JsonObject key = Stack.json(created).asJsonObject().getJsonObject("key");
        assertNotEquals("00000000-0000-0000-0000-000000000001", key.getString("id"));
        assertNotEquals("aaaaaaaaaaaa", key.getString("prefix"));
        assertEquals(tenant.admin(), key.getString("createdBy"));
        assertEquals("active", key.getString("status"));
        assertTrue(Instant.parse(key.getString("createdAt")).isAfter(Instant.now().minusSeconds(600)));
        String secret = Stack.json(created).asJsonObject().getString("secret");
        JsonObject me = Stack.json(STACK.get("/api/v1/me", secret)).asJsonObject();
        assertEquals(tenant.id(), me.getJsonObject("tenant").getString("id"), "the key belongs to its creator's tenant");
        assertEquals("[\"ask\"]", me.getJsonArray("permissions").toString());
        assertFalse(STACK.get("/api/v1/keys", other.adminToken()).body().contains(key.getString("id")));
    }

    @Test
    void aRevokedKeyIsRefusedOnTheVeryNextRequestAndTheAttemptIsAudited() {
        String secret = Tenants.key(admin, "ask");
        assertEquals(200, STACK.get("/api/v1/me", secret).statusCode());
        String id = Stack.json(STACK.get("/api/v1/me", secret)).asJsonObject().getString("subject");
        HttpResponse<String> revoked = STACK.call("DELETE", "/api/v1/keys/" + id, admin, null);
        assertEquals(200, revoked.statusCode(), revoked.body());
        assertEquals("revoked", Stack.json(revoked).asJsonObject().getString("status"));
        HttpResponse<String> after = STACK.get("/api/v1/me", secret);
        assertEquals(401, after.statusCode());
        assertEquals("key-revoked", problemType(after));
        String audit = STACK.get("/api/v1/audit?action=key.used-after-revocation", admin).body();
        assertTrue(audit.contains("key.used-after-revocation"), audit);
    }

    @Test
    void anExpiredKeyIsRefused() throws InterruptedException {
        String secret = Tenants.keyWith(admin, "{\"name\":\"short\",\"scopes\":[\"ask\"],\"expiresAt\":\""
                + Instant.now().plusSeconds(2) + "\"}");
        assertEquals(200, STACK.get("/api/v1/me", secret).statusCode());
        Thread.sleep(3000);
        HttpResponse<String> response = STACK.get("/api/v1/me", secret);
        assertEquals(401, response.statusCode());
        assertEquals("key-expired", problemType(response));
    }

    @Test
    void aKeyFromAnAddressOutsideItsAllowListIsRefused() {
        String elsewhere = Tenants.keyWith(admin, "{\"name\":\"office only\",\"scopes\":[\"ask\"],"
                + "\"ipAllowList\":[\"203.0.113.0/24\"]}");
        HttpResponse<String> response = STACK.get("/api/v1/me", elsewhere);
        assertEquals(403, response.statusCode());
        assertEquals("key-address-not-allowed", problemType(response));
        HttpResponse<String> spoofed = STACK.request("GET", "/api/v1/me",
                Map.of("X-API-Key", elsewhere, "X-Forwarded-For", "203.0.113.9"), null);
        assertEquals(403, spoofed.statusCode(), "a forwarded-for header does not change the address");
        assertTrue(STACK.get("/api/v1/audit?action=key.address-refused", admin).body().contains("127.0.0.1"));
        String here = Tenants.keyWith(admin, "{\"name\":\"loopback\",\"scopes\":[\"ask\"],"
                + "\"ipAllowList\":[\"127.0.0.1\",\"::1\"]}");
        assertEquals(200, STACK.get("/api/v1/me", here).statusCode());
    }

    @Test
    void aKeyWithoutTheScopeIsRefusedNamingIt() {
        String askOnly = Tenants.key(admin, "ask");
        HttpResponse<String> response = STACK.get("/api/v1/audit", askOnly);
        assertEquals(403, response.statusCode());
        assertTrue(Stack.json(response).asJsonObject().getString("detail").contains("audit:read"), response.body());
        assertEquals(403, STACK.get("/api/v1/keys", Tenants.key(admin, "ask", "documents:read", "documents:write",
                "usage:read", "audit:read")).statusCode(), "no key may manage keys");
    }

    @Test
    void aKeyInTheQueryStringIsRefused() {
        String secret = Tenants.key(admin, "ask");
        HttpResponse<String> response = STACK.get("/api/v1/me?api_key=" + secret, null);
        assertEquals(400, response.statusCode());
        assertEquals("key-in-url", problemType(response));
        assertEquals(400, STACK.get("/api/v1/me?key=" + secret, secret).statusCode());
    }

    @Test
    void unknownAndWrongKeysGetTheSameAnswer() {
        String secret = Tenants.key(admin, "ask");
        String wrongSecret = secret.substring(0, secret.length() - 4) + "AAAA";
        String unknownPrefix = "fc_live_zzzzzzzzzzzz_" + secret.substring(secret.lastIndexOf('_') + 1);
        HttpResponse<String> wrong = STACK.get("/api/v1/me", wrongSecret);
        HttpResponse<String> unknown = STACK.get("/api/v1/me", unknownPrefix);
        assertEquals(401, wrong.statusCode());
        assertEquals(401, unknown.statusCode());
        assertEquals(Stack.json(wrong).asJsonObject().getString("detail"), Stack.json(unknown).asJsonObject().getString("detail"));
        assertEquals("invalid-key", problemType(STACK.get("/api/v1/me", "fc_live_short")));
    }

    @Test
    void badKeyRequestsAreRefusedWithReasons() {
        Map<String, String> bodies = Map.of(
                "{\"name\":\"x\",\"scopes\":[\"everything\"]}", "everything",
                "{\"name\":\"x\",\"scopes\":[\"keys:manage\"]}", "keys:manage",
                "{\"name\":\"x\",\"scopes\":[]}", "scopes",
                "{\"name\":\"\",\"scopes\":[\"ask\"]}", "name",
                "{\"name\":\"x\",\"scopes\":[\"ask\"],\"rateLimitPerMinute\":999999}", "plan",
                "{\"name\":\"x\",\"scopes\":[\"ask\"],\"expiresAt\":\"2001-01-01T00:00:00Z\"}", "future",
                "{\"name\":\"x\",\"scopes\":[\"ask\"],\"ipAllowList\":[\"example.com\"]}", "IP address",
                "{\"name\":\"x\",\"scopes\":[\"ask\"],\"expiresAt\":\"tomorrow\"}", "body");
        bodies.forEach((body, reason) -> {
            HttpResponse<String> response = STACK.postJson("/api/v1/keys", admin, body);
            assertEquals(400, response.statusCode(), body + " -> " + response.body());
            assertTrue(response.body().contains(reason), body + " -> " + response.body());
        });
        assertEquals(401, STACK.request("GET", "/api/v1/me", Map.of("X-API-Key", Tenants.key(admin, "ask"),
                "Authorization", "Bearer " + admin), null).statusCode(), "two credentials at once are refused");
    }
}
