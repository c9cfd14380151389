package io.fincopilot.audit.control;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Writes a digest of every chain head once at start, before the first request, and then every
 * {@code fincopilot.audit.digest-interval}; verifies every chain every
 * {@code fincopilot.audit.verify-interval} ({@link ChainWatch}). Each instance schedules its own; {@link DigestWriter}
 * lets one write per half interval. Deployment fails here, early and clearly, when the audit keys
 * are missing.
 *
 * <p>A managed scheduled executor rather than an EJB timer: the first EJB timer of a new Payara
 * domain deploys Payara's timer application in the middle of ours, and the WARs then come up
 * without Payara's JAX-RS {@code @RolesAllowed} filter (docs/decisions.md, entry 31).
 */
@Singleton
@Startup
@DependsOn("SchemaMigrations")
public class DigestSchedule {

    private static final Logger LOG = Logger.getLogger(DigestSchedule.class.getName());

    @Resource
    ManagedScheduledExecutorService scheduler;

    @Inject
    AuditSettings settings;

    @Inject
    DigestWriter writer;

    @Inject
    ChainWatch watch;

    private ScheduledFuture<?> task;
    private ScheduledFuture<?> verification;

    @PostConstruct
    void start() {
        ChainKeys keys = settings.keys();
        Duration interval = settings.digestInterval();
        LOG.info(() -> "audit keys " + keys + "; a digest every " + interval);
        // An upgraded database gets its first digest (which fixes how far its unkeyed events reach)
        // before anyone could rewrite them.
        writeDigest();
        task = scheduler.scheduleAtFixedRate(this::writeDigest, interval.toMillis(), interval.toMillis(),
                TimeUnit.MILLISECONDS);
        Duration verifyEvery = settings.verifyInterval();
        // The first a minute after start, so a restart does not put the next one a whole interval away.
        verification = scheduler.scheduleAtFixedRate(watch::verifyAll, Math.min(60_000, verifyEvery.toMillis()),
                verifyEvery.toMillis(), TimeUnit.MILLISECONDS);
    }

    @PreDestroy
    void stop() {
        if (task != null) {
            task.cancel(false);
        }
        if (verification != null) {
            verification.cancel(false);
        }
    }

    private void writeDigest() {
        try {
            writer.write(false);
        } catch (RuntimeException e) {
            LOG.log(Level.SEVERE, "the audit digest was not written", e);
        }
    }
}
