package io.fincopilot.security;

import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.jwk.source.JWKSourceBuilder;
import com.nimbusds.jose.proc.SecurityContext;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.MalformedURLException;
import java.time.Duration;

/** The application's verifier of Keycloak access tokens, with the realm's keys fetched and cached. */
@ApplicationScoped
public class TokenVerifier {

    @Inject
    KeycloakSettings keycloak;

    private AccessTokenVerifier verifier;

    @PostConstruct
    void init() {
        JWKSource<SecurityContext> keys;
        try {
            // Kept for five minutes and refreshed ahead of time; while Keycloak cannot be reached the
            // last keys it published stay good for a day, so tokens it issued keep verifying (decision 77).
            keys = JWKSourceBuilder.<SecurityContext>create(keycloak.jwksUri().toURL())
                    .retrying(true)
                    .refreshAheadCache(true)
                    .outageTolerant(Duration.ofDays(1).toMillis())
                    .build();
        } catch (MalformedURLException e) {
            throw new IllegalStateException("bad Keycloak JWKS URL " + keycloak.jwksUri(), e);
        }
        verifier = new AccessTokenVerifier(keycloak.issuer(), keycloak.audience(), keycloak.tenantClaim(), keys);
    }

    public Caller verify(String token) throws InvalidCredentialException {
        return verifier.verify(token);
    }
}
