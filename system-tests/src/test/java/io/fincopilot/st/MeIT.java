package io.fincopilot.st;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import jakarta.json.JsonObject;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.Test;

/** GET /api/v1/me: who the platform thinks the caller is, for each kind of credential. */
class MeIT {

    private final Stack stack = Stack.get();

    @Test
    void aPersonWithAPasswordGrantTokenSeesSubjectTenantAndRole() {
        HttpResponse<String> response = stack.get("/api/v1/me", stack.accessToken(stack.env("DEMO_TENANT_ADMIN")));
        assertEquals(200, response.statusCode(), response.body());
        JsonObject me = Stack.json(response).asJsonObject();
        assertEquals(stack.env("DEMO_TENANT_ADMIN"), me.getString("username"));
        assertEquals("person", me.getString("kind"));
        assertFalse(me.getString("subject").isBlank());
        assertEquals(List.of("tenant-admin"), me.getJsonArray("roles").getValuesAs(v -> v.toString().replace("\"", "")));
        JsonObject tenant = me.getJsonObject("tenant");
        assertEquals(stack.env("DEMO_TENANT"), tenant.getString("id"));
        assertEquals(stack.env("DEMO_TENANT_SLUG"), tenant.getString("slug"));
        assertEquals("active", tenant.getString("status"));
    }

    @Test
    void aServiceAccountWithClientCredentialsSeesItsTenant() {
        HttpResponse<String> response = stack.get("/api/v1/me", stack.clientCredentialsToken());
        assertEquals(200, response.statusCode(), response.body());
        JsonObject me = Stack.json(response).asJsonObject();
        assertEquals("service_account", me.getString("kind"));
        assertEquals(stack.env("DEMO_TENANT"), me.getJsonObject("tenant").getString("id"));
    }

    @Test
    void aPlatformAdminHasNoTenant() {
        HttpResponse<String> response = stack.get("/api/v1/me", stack.accessToken(stack.env("DEMO_PLATFORM_ADMIN")));
        assertEquals(200, response.statusCode(), response.body());
        JsonObject me = Stack.json(response).asJsonObject();
        assertTrue(!me.containsKey("tenant") || me.isNull("tenant"));
        assertTrue(me.getJsonArray("roles").toString().contains("platform-admin"));
    }

    @Test
    void withoutACredentialTheAnswerIs401Problem() {
        assertUnauthorized(stack.get("/api/v1/me", null));
    }

    @Test
    void aTokenSignedByAnotherKeyIsRefused() throws Exception {
        SignedJWT real = SignedJWT.parse(stack.accessToken(stack.env("DEMO_TENANT_ADMIN")));
        RSAKey attacker = new RSAKeyGenerator(2048).keyID(real.getHeader().getKeyID()).generate();
        SignedJWT forged = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256)
                .keyID(real.getHeader().getKeyID()).build(), real.getJWTClaimsSet());
        forged.sign(new RSASSASigner(attacker));
        assertUnauthorized(stack.get("/api/v1/me", forged.serialize()));
    }

    @Test
    void anUnsignedTokenIsRefused() throws Exception {
        JWTClaimsSet claims = SignedJWT.parse(stack.accessToken(stack.env("DEMO_TENANT_ADMIN"))).getJWTClaimsSet();
        assertUnauthorized(stack.get("/api/v1/me", new PlainJWT(claims).serialize()));
    }

    @Test
    void anIdTokenIsNotAnAccessToken() {
        String idToken = stack.passwordGrant(stack.env("DEMO_TENANT_ADMIN"), stack.env("DEMO_PASSWORD"), "openid")
                .getString("id_token");
        assertUnauthorized(stack.get("/api/v1/me", idToken));
    }

    @Test
    void aTokenForAnotherAudienceIsRefused() {
        // Keycloak's own admin-cli client in the same realm: a genuine token, but not issued for this API.
        String body = "grant_type=password&client_id=admin-cli&username=" + stack.env("DEMO_TENANT_ADMIN")
                + "&password=" + java.net.URLEncoder.encode(stack.env("DEMO_PASSWORD"), java.nio.charset.StandardCharsets.UTF_8);
        HttpResponse<String> token = stack.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(stack.tokenEndpoint()))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString(body)));
        assertEquals(200, token.statusCode(), token.body());
        assertUnauthorized(stack.get("/api/v1/me", Stack.json(token).asJsonObject().getString("access_token")));
    }

    @Test
    void aTokenFromAnotherIssuerIsRefused() {
        // The master realm's admin: a genuine Keycloak token, from another issuer and signed by another key.
        String body = "grant_type=password&client_id=admin-cli&username=admin&password="
                + java.net.URLEncoder.encode(stack.secret("KEYCLOAK_ADMIN_PASSWORD"), java.nio.charset.StandardCharsets.UTF_8);
        HttpResponse<String> token = stack.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(
                stack.env("KEYCLOAK_URL") + "/realms/master/protocol/openid-connect/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString(body)));
        assertEquals(200, token.statusCode(), token.body());
        assertUnauthorized(stack.get("/api/v1/me", Stack.json(token).asJsonObject().getString("access_token")));
    }

    @Test
    void anExpiredTokenIsRefused() throws InterruptedException {
        // A client of the test's own whose tokens live two seconds; then past the verifier's 10 s of clock skew.
        KeycloakAdmin keycloak = new KeycloakAdmin(stack);
        String clientId = Tenants.unique("short-lived");
        HttpResponse<String> created = keycloak.call("POST", "/clients", "{\"clientId\":\"" + clientId + "\",\"publicClient\":true,"
                + "\"directAccessGrantsEnabled\":true,\"standardFlowEnabled\":false,\"attributes\":{\"access.token.lifespan\":\"2\"},"
                + "\"protocolMappers\":[{\"name\":\"aud\",\"protocol\":\"openid-connect\",\"protocolMapper\":\"oidc-audience-mapper\","
                + "\"config\":{\"included.custom.audience\":\"fincopilot-api\",\"access.token.claim\":\"true\"}}]}");
        assertEquals(201, created.statusCode(), created.body());
        try {
            String body = "grant_type=password&client_id=" + clientId + "&username=" + stack.env("DEMO_TENANT_ADMIN")
                    + "&password=" + java.net.URLEncoder.encode(stack.env("DEMO_PASSWORD"), java.nio.charset.StandardCharsets.UTF_8);
            String token = Stack.json(stack.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(stack.tokenEndpoint()))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(java.net.http.HttpRequest.BodyPublishers.ofString(body)))).asJsonObject().getString("access_token");
            assertEquals(200, stack.get("/api/v1/me", token).statusCode(), "valid while fresh");
            Thread.sleep(14_000);
            HttpResponse<String> expired = stack.get("/api/v1/me", token);
            assertUnauthorized(expired);
            assertTrue(expired.body().toLowerCase().contains("expired"), expired.body());
        } finally {
            String id = Stack.json(keycloak.call("GET", "/clients?clientId=" + clientId, null)).asJsonArray()
                    .getJsonObject(0).getString("id");
            keycloak.call("DELETE", "/clients/" + id, null);
        }
    }

    @Test
    void garbageIsRefused() {
        assertUnauthorized(stack.get("/api/v1/me", "not-a-token"));
    }

    private static void assertUnauthorized(HttpResponse<String> response) {
        assertEquals(401, response.statusCode(), response.body());
        assertTrue(response.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json"));
        JsonObject problem = Stack.json(response).asJsonObject();
        assertEquals(401, problem.getInt("status"));
        assertFalse(problem.getString("detail").isBlank());
    }
}
