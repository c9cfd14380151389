package io.fincopilot.privacy.control;

import io.fincopilot.platform.outage.Outages;
import io.fincopilot.tenancy.entity.TenantId;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Every {@code fincopilot.privacy.sweep-interval} (a minute by default), on every instance: drops from
 * this instance's memory the organizations that were erased (decision 76), deletes the export archives
 * whose time is up (decision 73), and deletes erased organizations' invoices once their legal retention
 * has passed. Each part is safe to run on several instances at once.
 */
@Singleton
@Startup
@DependsOn("SchemaMigrations")
public class PrivacySweep {

    private static final Logger LOG = Logger.getLogger(PrivacySweep.class.getName());

    @Resource
    ManagedScheduledExecutorService scheduler;

    @Inject
    ExportJob exports;

    @Inject
    OrganizationErasure erasures;

    @Inject
    TenantMemories memories;

    @Inject
    @ConfigProperty(name = "fincopilot.privacy.sweep-interval", defaultValue = "PT1M")
    Duration interval;

    private ScheduledFuture<?> task;

    @PostConstruct
    void start() {
        task = scheduler.scheduleWithFixedDelay(this::sweep, interval.toMillis(), interval.toMillis(), TimeUnit.MILLISECONDS);
    }

    @PreDestroy
    void stop() {
        if (task != null) {
            task.cancel(false);
        }
    }

    private void sweep() {
        try {
            Set<TenantId> forgotten = memories.sweep();
            if (!forgotten.isEmpty()) {
                LOG.info(() -> "dropped from memory the erased organizations " + forgotten);
            }
        } catch (RuntimeException e) {
            Outages.log(LOG, "looking for erased organizations in memory failed; the next turn tries again", e);
        }
        try {
            int expired = exports.expire();
            if (expired > 0) {
                LOG.info(() -> expired + " export archives expired and were deleted");
            }
        } catch (RuntimeException e) {
            Outages.log(LOG, "expiring export archives failed; the next turn tries again", e);
        }
        try {
            int invoices = erasures.expireInvoices();
            if (invoices > 0) {
                LOG.info(() -> invoices + " invoices of erased organizations passed their retention and were deleted");
            }
        } catch (RuntimeException e) {
            Outages.log(LOG, "deleting invoices past their retention failed; the next turn tries again", e);
        }
    }
}
