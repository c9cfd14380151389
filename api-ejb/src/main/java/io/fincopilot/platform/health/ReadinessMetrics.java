package io.fincopilot.platform.health;

import io.fincopilot.platform.PlatformMetrics;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.inject.Inject;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * The readiness checks as gauges ({@code fincopilot_dependency_ready}), for the alert rules: Prometheus
 * reads {@code /metrics}, not {@code /health}. A check's answer is kept for five seconds, so a scrape
 * costs PostgreSQL, S3 and Keycloak one look each at most.
 */
@Singleton
@Startup
@PermitAll
public class ReadinessMetrics {

    private static final long KEPT_NANOS = 5_000_000_000L;

    @Inject
    @Readiness
    DatabaseReadiness database;

    @Inject
    @Readiness
    StorageReadiness storage;

    @Inject
    @Readiness
    KeycloakReadiness keycloak;

    @Inject
    PlatformMetrics metrics;

    private record Look(boolean up, long at) {
    }

    private final Map<String, Look> looks = new ConcurrentHashMap<>();

    @PostConstruct
    void register() {
        metrics.readiness("database", () -> up("database", database));
        metrics.readiness("storage", () -> up("storage", storage));
        metrics.readiness("identity", () -> up("identity", keycloak));
    }

    private boolean up(String name, HealthCheck check) {
        Look look = looks.get(name);
        if (look == null || System.nanoTime() - look.at() > KEPT_NANOS) {
            boolean up;
            try {
                up = check.call().getStatus() == HealthCheckResponse.Status.UP;
            } catch (RuntimeException e) {
                up = false;
            }
            look = new Look(up, System.nanoTime());
            looks.put(name, look);
        }
        return look.up();
    }
}
