package io.fincopilot.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class AccessTokenVerifierTest {

    private static final String ISSUER = "http://localhost:8180/realms/fincopilot";
    private static final String TENANT = "7fc40a24-004a-4c69-8290-c5575f5f8941";
    private static RSAKey realmKey;
    private static RSAKey otherKey;
    private static AccessTokenVerifier verifier;

    @BeforeAll
    static void keys() throws Exception {
        realmKey = new RSAKeyGenerator(2048).keyID("realm").generate();
        otherKey = new RSAKeyGenerator(2048).keyID("realm").generate();
        verifier = new AccessTokenVerifier(ISSUER, "fincopilot-api", "tenant_id",
                new ImmutableJWKSet<>(new JWKSet(realmKey.toPublicJWK())));
    }

    private static JWTClaimsSet.Builder accessClaims() {
        Instant now = Instant.now();
        return new JWTClaimsSet.Builder()
                .issuer(ISSUER)
                .subject("user-1")
                .audience(List.of("fincopilot-api", "account"))
                .issueTime(Date.from(now))
                .expirationTime(Date.from(now.plusSeconds(300)))
                .claim("typ", "Bearer")
                .claim("preferred_username", "dana")
                .claim("tenant_id", TENANT)
                .claim("realm_access", Map.of("roles", List.of("offline_access", "analyst")));
    }

    private static String sign(JWTClaimsSet claims, RSAKey key) throws Exception {
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).type(JOSEObjectType.JWT)
                .keyID(key.getKeyID()).build(), claims);
        jwt.sign(new RSASSASigner(key));
        return jwt.serialize();
    }

    @Test
    void acceptsARealmAccessToken() throws Exception {
        Caller caller = verifier.verify(sign(accessClaims().build(), realmKey));
        assertEquals("user-1", caller.subject());
        assertEquals("dana", caller.username());
        assertEquals(TENANT, caller.tenantId().orElseThrow().toString());
        assertEquals(Set.of(Role.ANALYST), caller.roles());
        assertEquals(Caller.Kind.PERSON, caller.kind());
    }

    @Test
    void readsAFlatRolesClaimAndIgnoresUnknownRoles() throws Exception {
        JWTClaimsSet claims = accessClaims().claim("realm_access", null)
                .claim("roles", List.of("tenant-admin", "superuser")).build();
        assertEquals(Set.of(Role.TENANT_ADMIN), verifier.verify(sign(claims, realmKey)).roles());
    }

    @Test
    void aTokenWithoutTenantHasNone() throws Exception {
        Caller caller = verifier.verify(sign(accessClaims().claim("tenant_id", null).build(), realmKey));
        assertNull(caller.tenant());
    }

    @Test
    void refusesAnotherKeysSignature() {
        assertThrows(InvalidCredentialException.class, () -> verifier.verify(sign(accessClaims().build(), otherKey)));
    }

    @Test
    void refusesAnUnsignedToken() {
        assertThrows(InvalidCredentialException.class,
                () -> verifier.verify(new PlainJWT(accessClaims().build()).serialize()));
    }

    @Test
    void refusesAnExpiredToken() {
        Instant past = Instant.now().minusSeconds(3600);
        JWTClaimsSet claims = accessClaims().issueTime(Date.from(past.minusSeconds(300)))
                .expirationTime(Date.from(past)).build();
        InvalidCredentialException e = assertThrows(InvalidCredentialException.class,
                () -> verifier.verify(sign(claims, realmKey)));
        assertTrue(e.getMessage().toLowerCase().contains("expired"), e.getMessage());
    }

    @Test
    void refusesAnotherIssuer() {
        JWTClaimsSet claims = accessClaims().issuer("http://evil.example/realms/fincopilot").build();
        assertThrows(InvalidCredentialException.class, () -> verifier.verify(sign(claims, realmKey)));
    }

    @Test
    void refusesAnotherAudience() {
        JWTClaimsSet claims = accessClaims().audience("account").build();
        assertThrows(InvalidCredentialException.class, () -> verifier.verify(sign(claims, realmKey)));
    }

    @Test
    void refusesAnIdToken() {
        JWTClaimsSet claims = accessClaims().claim("typ", "ID").build();
        assertThrows(InvalidCredentialException.class, () -> verifier.verify(sign(claims, realmKey)));
    }

    @Test
    void refusesAMalformedTenant() {
        JWTClaimsSet claims = accessClaims().claim("tenant_id", "acme").build();
        assertThrows(InvalidCredentialException.class, () -> verifier.verify(sign(claims, realmKey)));
    }

    @Test
    void refusesGarbage() {
        assertThrows(InvalidCredentialException.class, () -> verifier.verify("a.b.c"));
        assertThrows(InvalidCredentialException.class, () -> verifier.verify(""));
    }
}
