package io.fincopilot.security;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * Whether Keycloak answers, looked at before a browser is sent there to sign in. One look (two
 * seconds at most) is kept for five seconds, so a console outage page costs Keycloak nothing.
 */
@ApplicationScoped
public class SignInProbe {

    private static final long KEPT_NANOS = Duration.ofSeconds(5).toNanos();

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    @Inject
    KeycloakSettings keycloak;

    private record Look(boolean reachable, long at) {
    }

    private volatile Look last;

    public boolean reachable() {
        Look look = last;
        if (look == null || System.nanoTime() - look.at() > KEPT_NANOS) {
            look = new Look(answers(keycloak.jwksUri()), System.nanoTime());
            last = look;
        }
        return look.reachable();
    }

    private boolean answers(URI uri) {
        try {
            return http.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(2)).build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
