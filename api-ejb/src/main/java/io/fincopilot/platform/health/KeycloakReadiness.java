package io.fincopilot.platform.health;

import com.nimbusds.jose.jwk.JWKSet;
import io.fincopilot.security.KeycloakSettings;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.text.ParseException;
import java.time.Duration;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Ready only when the realm publishes signing keys, without which no token can be verified. */
@Readiness
@ApplicationScoped
public class KeycloakReadiness implements HealthCheck {

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    @Inject
    KeycloakSettings keycloak;

    @Override
    public HealthCheckResponse call() {
        URI jwks = keycloak.jwksUri();
        try {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(jwks).timeout(Duration.ofSeconds(3)).build(),
                    HttpResponse.BodyHandlers.ofString());
            int keys = response.statusCode() == 200 ? JWKSet.parse(response.body()).getKeys().size() : 0;
            return HealthCheckResponse.named("keycloak").status(keys > 0)
                    .withData("realmKeys", keys).withData("status", response.statusCode()).build();
        } catch (IOException | ParseException e) {
            return HealthCheckResponse.named("keycloak").down().withData("error", String.valueOf(e.getMessage())).build();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return HealthCheckResponse.named("keycloak").down().withData("error", "interrupted").build();
        }
    }
}
