package io.fincopilot.st;

import static io.fincopilot.st.Api.ok;
import static io.fincopilot.st.Api.refused;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fincopilot.client.ApiResponse;
import io.fincopilot.client.model.AuditEvent;
import io.fincopilot.client.model.CreatedKeyView;
import io.fincopilot.client.model.KeyView;
import io.fincopilot.client.model.Me;
import io.fincopilot.client.model.NewKey;
import io.fincopilot.client.model.Problem;
import jakarta.json.JsonObject;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
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

    private static String refusal(int status, Api.Call<?> call) {
        return Api.type(refused(status, call));
    }

    @Test
    void aKeyIsShownOnceListedByPrefixAndWorksInBothHeaders() {
        ApiResponse<CreatedKeyView> created = ok(() -> Api.as(admin).keys().createKeyWithHttpInfo(
                Tenants.newKey("ask", "documents:read").name("reporting")));
        assertEquals(201, created.getStatusCode());
        assertEquals(List.of("no-store"), created.getHeaders().get("Cache-Control"), "a secret is never cached");
        String secret = created.getData().getSecret();
        KeyView key = created.getData().getKey();
        assertTrue(secret.startsWith("fc_live_" + key.getPrefix() + "_"), secret);
        assertEquals(KeyView.StatusEnum.ACTIVE, key.getStatus());
        assertTrue(created.getHeaders().get("Location").get(0).endsWith("/api/v1/keys/" + key.getId()));

        List<KeyView> list = ok(() -> Api.as(admin).keys().listKeys());
        assertTrue(list.stream().anyMatch(k -> k.getPrefix().equals(key.getPrefix())));
        String secretPart = secret.substring(secret.lastIndexOf('_') + 1);
        assertFalse(STACK.get("/api/v1/keys", admin).body().contains(secretPart), "lists never show secrets");
        assertFalse(STACK.get("/api/v1/keys/" + key.getId(), admin).body().contains(secretPart));
        assertEquals(key.getPrefix(), ok(() -> Api.as(admin).keys().getKey(key.getId())).getPrefix());

        Me me = ok(() -> Api.as(secret).me().getMe());
        assertEquals(Me.KindEnum.API_KEY, me.getKind());
        assertEquals(tenant.id(), me.getTenant().getId());
        assertEquals(List.of("ask", "documents:read"), me.getPermissions());
        assertEquals(Me.KindEnum.API_KEY, ok(() -> Api.anonymous().me().getMe(Map.of("X-API-Key", secret))).getKind());
    }

    @Test
    void aBodyCannotSetTenantRoleOrTimestamps() {
        // Deliberately more than the schema allows, so not through the typed client.
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
        Me me = ok(() -> Api.as(secret).me().getMe());
        assertEquals(tenant.id(), me.getTenant().getId(), "the key belongs to its creator's tenant");
        assertEquals(List.of("ask"), me.getPermissions());
        UUID id = UUID.fromString(key.getString("id"));
        assertTrue(ok(() -> other.asAdmin().keys().listKeys()).stream().noneMatch(k -> k.getId().equals(id)));
    }

    @Test
    void aRevokedKeyIsRefusedOnTheVeryNextRequestAndTheAttemptIsAudited() {
        String secret = Tenants.key(admin, "ask");
        UUID id = UUID.fromString(ok(() -> Api.as(secret).me().getMe()).getSubject());
        KeyView revoked = ok(() -> Api.as(admin).keys().revokeKey(id));
        assertEquals(KeyView.StatusEnum.REVOKED, revoked.getStatus());
        assertEquals("key-revoked", refusal(401, () -> Api.as(secret).me().getMe()));
        List<AuditEvent> audit = ok(() -> Api.as(admin).audit().listAuditEvents(null, "key.used-after-revocation",
                null, null, null, null));
        assertFalse(audit.isEmpty(), "the attempt is audited");
    }

    @Test
    void anExpiredKeyIsRefused() throws InterruptedException {
        String secret = Tenants.keyWith(admin, Tenants.newKey("ask").name("short")
                .expiresAt(OffsetDateTime.now(ZoneOffset.UTC).plusSeconds(2)));
        ok(() -> Api.as(secret).me().getMe());
        Thread.sleep(3000);
        assertEquals("key-expired", refusal(401, () -> Api.as(secret).me().getMe()));
    }

    @Test
    void aKeyFromAnAddressOutsideItsAllowListIsRefused() {
        String elsewhere = Tenants.keyWith(admin, Tenants.newKey("ask").name("office only").ipAllowList(List.of("203.0.113.0/24")));
        assertEquals("key-address-not-allowed", refusal(403, () -> Api.as(elsewhere).me().getMe()));
        refused(403, () -> Api.anonymous().me().getMe(Map.of("X-API-Key", elsewhere, "X-Forwarded-For", "203.0.113.9")));
        List<AuditEvent> refusals = ok(() -> Api.as(admin).audit().listAuditEvents(null, "key.address-refused",
                null, null, null, null));
        assertTrue(refusals.stream().anyMatch(e -> "127.0.0.1".equals(e.getSourceIp())), refusals.toString());
        String here = Tenants.keyWith(admin, Tenants.newKey("ask").name("loopback").ipAllowList(List.of("127.0.0.1", "::1")));
        ok(() -> Api.as(here).me().getMe());
    }

    @Test
    void aKeyWithoutTheScopeIsRefusedNamingIt() {
        String askOnly = Tenants.key(admin, "ask");
        Problem problem = refused(403, () -> Api.as(askOnly).audit().listAuditEvents(null, null, null, null, null, null));
        assertTrue(problem.getDetail().contains("audit:read"), problem.getDetail());
        String everyScope = Tenants.key(admin, "ask", "documents:read", "documents:write", "usage:read", "audit:read");
        refused(403, () -> Api.as(everyScope).keys().listKeys());
    }

    @Test
    void aKeyInTheQueryStringIsRefused() {
        // A credential in the URL is not something the client can be made to send: raw requests.
        String secret = Tenants.key(admin, "ask");
        HttpResponse<String> response = STACK.get("/api/v1/me?api_key=" + secret, null);
        assertEquals(400, response.statusCode());
        assertEquals("https://fincopilot.io/problems/key-in-url", Stack.json(response).asJsonObject().getString("type"));
        assertEquals(400, STACK.get("/api/v1/me?key=" + secret, secret).statusCode());
    }

    @Test
    void unknownAndWrongKeysGetTheSameAnswer() {
        String secret = Tenants.key(admin, "ask");
        String wrongSecret = secret.substring(0, secret.length() - 4) + "AAAA";
        String unknownPrefix = "fc_live_zzzzzzzzzzzz_" + secret.substring(secret.lastIndexOf('_') + 1);
        Problem wrong = refused(401, () -> Api.as(wrongSecret).me().getMe());
        Problem unknown = refused(401, () -> Api.as(unknownPrefix).me().getMe());
        assertEquals(wrong.getDetail(), unknown.getDetail());
        assertEquals("invalid-key", refusal(401, () -> Api.as("fc_live_short").me().getMe()));
    }

    @Test
    void badKeyRequestsAreRefusedWithReasons() {
        Map<NewKey, String> keys = new LinkedHashMap<>();
        keys.put(Tenants.newKey("everything").name("x"), "everything");
        keys.put(Tenants.newKey("keys:manage").name("x"), "keys:manage");
        keys.put(Tenants.newKey().name("x"), "scopes");
        keys.put(Tenants.newKey("ask").name(""), "name");
        keys.put(Tenants.newKey("ask").name("x").rateLimitPerMinute(999999), "plan");
        keys.put(Tenants.newKey("ask").name("x").expiresAt(OffsetDateTime.parse("2001-01-01T00:00:00Z")), "future");
        keys.put(Tenants.newKey("ask").name("x").ipAllowList(List.of("example.com")), "IP address");
        keys.forEach((key, reason) -> {
            Problem problem = refused(400, () -> Api.as(admin).keys().createKey(key));
            String said = problem.getDetail() + " " + problem.getErrors();
            assertTrue(said.contains(reason), key + " -> " + said);
        });
        // Not a date at all: the typed client cannot send it.
        HttpResponse<String> response = STACK.postJson("/api/v1/keys", admin,
                "{\"name\":\"x\",\"scopes\":[\"ask\"],\"expiresAt\":\"tomorrow\"}");
        assertEquals(400, response.statusCode(), response.body());
        assertTrue(response.body().contains("body"), response.body());
        String key = Tenants.key(admin, "ask");
        refused(401, () -> Api.as(admin).me().getMe(Map.of("X-API-Key", key))); // two credentials at once
    }
}
