package io.fincopilot.security;

import io.fincopilot.platform.outage.Dependency;
import io.fincopilot.platform.outage.DependencyUnavailable;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.KeySourceException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.BadJOSEException;
import com.nimbusds.jose.proc.DefaultJOSEObjectTypeVerifier;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.proc.BadJWTException;
import com.nimbusds.jwt.proc.DefaultJWTClaimsVerifier;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import io.fincopilot.tenancy.entity.TenantId;
import java.text.ParseException;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Verifies Keycloak access tokens: RS256 signature against the realm's keys, issuer, audience,
 * expiry, and that the token is an access token (Keycloak's {@code typ} claim {@code Bearer}), not
 * an ID or refresh token. Roles come from {@code realm_access.roles} or a flat {@code roles} claim.
 */
public class AccessTokenVerifier {

    private static final String ACCESS_TOKEN_TYPE = "Bearer";
    /** Tolerated difference between Keycloak's clock and ours (both NTP-synchronized in production). */
    public static final int MAX_CLOCK_SKEW_SECONDS = 10;

    private final DefaultJWTProcessor<SecurityContext> processor = new DefaultJWTProcessor<>();
    private final String tenantClaim;

    public AccessTokenVerifier(String issuer, String audience, String tenantClaim, JWKSource<SecurityContext> keys) {
        this.tenantClaim = tenantClaim;
        processor.setJWSTypeVerifier(new DefaultJOSEObjectTypeVerifier<>(JOSEObjectType.JWT, null));
        processor.setJWSKeySelector(new JWSVerificationKeySelector<>(
                Set.of(JWSAlgorithm.RS256, JWSAlgorithm.PS256, JWSAlgorithm.ES256), keys));
        DefaultJWTClaimsVerifier<SecurityContext> claims = new DefaultJWTClaimsVerifier<>(
                Set.of(audience),
                new JWTClaimsSet.Builder().issuer(issuer).claim("typ", ACCESS_TOKEN_TYPE).build(),
                Set.of("sub", "exp", "iat"),
                Set.of());
        claims.setMaxClockSkew(MAX_CLOCK_SKEW_SECONDS);
        processor.setJWTClaimsSetVerifier(claims);
    }

    public Caller verify(String token) throws InvalidCredentialException {
        JWTClaimsSet claims;
        try {
            claims = processor.process(token, null);
        } catch (BadJWTException e) {
            throw new InvalidCredentialException("access token rejected: " + e.getMessage(), e);
        } catch (ParseException | BadJOSEException e) {
            throw new InvalidCredentialException("access token is malformed or its signature is invalid", e);
        } catch (com.nimbusds.jose.jwk.source.RateLimitReachedException e) {
            // Unknown key ids asked for faster than the keys may be fetched again: the token's fault.
            throw new InvalidCredentialException("access token is signed by an unknown key", e);
        } catch (KeySourceException e) {
            // Keycloak's keys could not be fetched (never fetched since this instance started, or an
            // unknown key id while Keycloak is away): not the caller's fault, a 503 (decision 77).
            throw new DependencyUnavailable(Dependency.IDENTITY, e);
        } catch (JOSEException e) {
            throw new InvalidCredentialException("access token could not be verified", e);
        }
        return toCaller(claims);
    }

    private Caller toCaller(JWTClaimsSet claims) throws InvalidCredentialException {
        try {
            String username = claims.getStringClaim("preferred_username");
            boolean serviceAccount = username != null && username.startsWith("service-account-");
            return Caller.fromToken(claims.getSubject(),
                    username == null ? claims.getSubject() : username,
                    claims.getStringClaim("email"),
                    tenant(claims),
                    roles(claims),
                    serviceAccount ? Caller.Kind.SERVICE_ACCOUNT : Caller.Kind.PERSON,
                    claims.getIssueTime() == null ? null : claims.getIssueTime().toInstant());
        } catch (ParseException e) {
            throw new InvalidCredentialException("access token has malformed claims", e);
        }
    }

    private TenantId tenant(JWTClaimsSet claims) throws InvalidCredentialException {
        Object value = claims.getClaim(tenantClaim);
        if (value == null) {
            return null;
        }
        try {
            return TenantId.parse(value.toString());
        } catch (IllegalArgumentException e) {
            throw new InvalidCredentialException("access token carries a malformed tenant", e);
        }
    }

    static Set<Role> roles(JWTClaimsSet claims) {
        EnumSet<Role> roles = EnumSet.noneOf(Role.class);
        addRoles(roles, claims.getClaim("roles"));
        if (claims.getClaim("realm_access") instanceof Map<?, ?> realmAccess) {
            addRoles(roles, realmAccess.get("roles"));
        }
        return roles;
    }

    private static void addRoles(EnumSet<Role> roles, Object claim) {
        Collection<?> names = claim instanceof Collection<?> c ? c : claim == null ? List.of() : List.of(claim);
        names.forEach(name -> Role.fromClaim(String.valueOf(name)).ifPresent(roles::add));
    }
}
