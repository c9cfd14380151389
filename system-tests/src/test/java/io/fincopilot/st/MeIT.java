package io.fincopilot.st;

import static io.fincopilot.st.Api.ok;
import static io.fincopilot.st.Api.refused;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import io.fincopilot.client.model.Me;
import io.fincopilot.client.model.Problem;
import io.fincopilot.client.model.TenantView;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** GET /api/v1/me: who the platform thinks the caller is, for each kind of credential. */
class MeIT {

    private final Stack stack = Stack.get();

    @Test
    void aPersonWithAPasswordGrantTokenSeesSubjectTenantAndRole() {
        Me me = ok(() -> Api.as(stack.accessToken(stack.env("DEMO_TENANT_ADMIN"))).me().getMe());
        assertEquals(stack.env("DEMO_TENANT_ADMIN"), me.getUsername());
        assertEquals(Me.KindEnum.PERSON, me.getKind());
        assertFalse(me.getSubject().isBlank());
        assertEquals(List.of("tenant-admin"), me.getRoles());
        TenantView tenant = me.getTenant();
        assertEquals(UUID.fromString(stack.env("DEMO_TENANT")), tenant.getId());
        assertEquals(stack.env("DEMO_TENANT_SLUG"), tenant.getSlug());
        assertEquals(TenantView.StatusEnum.ACTIVE, tenant.getStatus());
    }

    @Test
    void aServiceAccountWithClientCredentialsSeesItsTenant() {
        Me me = ok(() -> Api.as(stack.clientCredentialsToken()).me().getMe());
        assertEquals(Me.KindEnum.SERVICE_ACCOUNT, me.getKind());
        assertEquals(UUID.fromString(stack.env("DEMO_TENANT")), me.getTenant().getId());
    }

    @Test
    void aPlatformAdminHasNoTenant() {
        Me me = ok(() -> Api.as(stack.accessToken(stack.env("DEMO_PLATFORM_ADMIN"))).me().getMe());
        assertNull(me.getTenant());
        assertTrue(me.getRoles().contains("platform-admin"), me.getRoles().toString());
    }

    @Test
    void withoutACredentialTheAnswerIs401Problem() {
        assertUnauthorized(null);
    }

    @Test
    void aTokenSignedByAnotherKeyIsRefused() throws Exception {
        SignedJWT real = SignedJWT.parse(stack.accessToken(stack.env("DEMO_TENANT_ADMIN")));
        RSAKey attacker = new RSAKeyGenerator(2048).keyID(real.getHeader().getKeyID()).generate();
        SignedJWT forged = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256)
                .keyID(real.getHeader().getKeyID()).build(), real.getJWTClaimsSet());
        forged.sign(new RSASSASigner(attacker));
        assertUnauthorized(forged.serialize());
    }

    @Test
    void anUnsignedTokenIsRefused() throws Exception {
        JWTClaimsSet claims = SignedJWT.parse(stack.accessToken(stack.env("DEMO_TENANT_ADMIN"))).getJWTClaimsSet();
        assertUnauthorized(new PlainJWT(claims).serialize());
    }

    @Test
    void anIdTokenIsNotAnAccessToken() {
        String idToken = stack.passwordGrant(stack.env("DEMO_TENANT_ADMIN"), stack.env("DEMO_PASSWORD"), "openid")
                .getString("id_token");
        assertUnauthorized(idToken);
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
        assertUnauthorized(Stack.json(token).asJsonObject().getString("access_token"));
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
        assertUnauthorized(Stack.json(token).asJsonObject().getString("access_token"));
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
            ok(() -> Api.as(token).me().getMe()); // valid while fresh
            Thread.sleep(14_000);
            Problem expired = assertUnauthorized(token);
            assertTrue(expired.getDetail().toLowerCase().contains("expired"), expired.getDetail());
        } finally {
            String id = Stack.json(keycloak.call("GET", "/clients?clientId=" + clientId, null)).asJsonArray()
                    .getJsonObject(0).getString("id");
            keycloak.call("DELETE", "/clients/" + id, null);
        }
    }

    @Test
    void garbageIsRefused() {
        assertUnauthorized("not-a-token");
    }

    private static Problem assertUnauthorized(String credential) {
        Problem problem = refused(401, () -> (credential == null ? Api.anonymous() : Api.as(credential)).me().getMe());
        assertEquals(401, problem.getStatus());
        assertFalse(problem.getDetail().isBlank());
        return problem;
    }
}
