package io.fincopilot.platform.health;

import io.fincopilot.platform.PlatformMetrics;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * What the alert rules need that only a look elsewhere can tell, as gauges: the readiness checks
 * ({@code fincopilot_dependency_ready}) and the background queue's backlog
 * ({@code fincopilot_queue_oldest_due_seconds}, {@code fincopilot_queue_due_jobs}). They are looked
 * at every five seconds by a task of their own, never during a scrape: a dependency that hangs
 * must not make {@code /metrics} itself time out (the instance would look down and the dependency's
 * own alert would never fire). Also makes the counters the alerts read exist at zero from the start.
 */
@Singleton
@Startup
@PermitAll
public class HealthGauges {

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

    @Resource(lookup = "jdbc/fincopilot")
    DataSource dataSource;

    @Resource
    ManagedScheduledExecutorService scheduler;

    private final Map<String, Boolean> ready = new ConcurrentHashMap<>();
    private volatile double oldestDueSeconds = Double.NaN;
    private volatile double dueJobs = Double.NaN;
    private ScheduledFuture<?> task;

    @PostConstruct
    void register() {
        metrics.startAtZero();
        metrics.readiness("database", () -> ready.getOrDefault("database", false));
        metrics.readiness("storage", () -> ready.getOrDefault("storage", false));
        metrics.readiness("identity", () -> ready.getOrDefault("identity", false));
        metrics.queue(() -> oldestDueSeconds, () -> dueJobs);
        task = scheduler.scheduleWithFixedDelay(this::look, 0, 5, TimeUnit.SECONDS);
    }

    @PreDestroy
    void stop() {
        if (task != null) {
            task.cancel(false);
        }
    }

    private void look() {
        ready.put("database", up(database));
        ready.put("storage", up(storage));
        ready.put("identity", up(keycloak));
        try (Connection connection = dataSource.getConnection();
                PreparedStatement query = connection.prepareStatement("select coalesce(extract(epoch from now() "
                        + "- min(execution_time)), 0), count(*) from scheduled_tasks where picked = false "
                        + "and execution_time <= now()");
                ResultSet rows = query.executeQuery()) {
            rows.next();
            oldestDueSeconds = rows.getDouble(1);
            dueJobs = rows.getLong(2);
        } catch (SQLException | RuntimeException e) {
            oldestDueSeconds = Double.NaN;
            dueJobs = Double.NaN;
        }
    }

    private static boolean up(HealthCheck check) {
        try {
            return check.call().getStatus() == HealthCheckResponse.Status.UP;
        } catch (RuntimeException e) {
            return false;
        }
    }
}
