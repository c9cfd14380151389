package io.fincopilot.privacy.control;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.inject.Inject;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/** Every ten minutes, deletes the export archives whose time is up (decision 73); every instance may. */
@Singleton
@Startup
@DependsOn("SchemaMigrations")
public class ExportExpiry {

    private static final Logger LOG = Logger.getLogger(ExportExpiry.class.getName());

    @Resource
    ManagedScheduledExecutorService scheduler;

    @Inject
    ExportJob exports;

    private ScheduledFuture<?> task;

    @PostConstruct
    void start() {
        task = scheduler.scheduleWithFixedDelay(this::expire, 2, 10, TimeUnit.MINUTES);
    }

    @PreDestroy
    void stop() {
        if (task != null) {
            task.cancel(false);
        }
    }

    private void expire() {
        try {
            int expired = exports.expire();
            if (expired > 0) {
                LOG.info(() -> expired + " export archives expired and were deleted");
            }
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "expiring export archives failed; the next turn tries again", e);
        }
    }
}
