package io.fincopilot.audit.control;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.Timeout;
import jakarta.ejb.TimerConfig;
import jakarta.ejb.TimerService;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Writes a digest of every chain head every {@code fincopilot.audit.digest-interval}, and once at
 * start. The timer is not persistent: each
 * instance runs its own, and {@link DigestWriter} lets one write per half interval. Deployment fails
 * here, early and clearly, when the audit keys are missing.
 */
@Singleton
@Startup
@DependsOn("SchemaMigrations")
public class DigestSchedule {

    private static final Logger LOG = Logger.getLogger(DigestSchedule.class.getName());
    private static final Duration FIRST = Duration.ofSeconds(20);

    @Resource
    TimerService timers;

    @Inject
    AuditSettings settings;

    @Inject
    DigestWriter writer;

    @PostConstruct
    void start() {
        ChainKeys keys = settings.keys();
        LOG.info(() -> "audit keys " + keys + "; a digest every " + settings.digestInterval());
        // Before the first request: an upgraded database gets its first digest (which fixes how far
        // its unkeyed events reach) before anyone could rewrite them.
        writeDigest();
        Duration interval = settings.digestInterval();
        timers.createIntervalTimer(FIRST.compareTo(interval) < 0 ? FIRST.toMillis() : interval.toMillis(),
                interval.toMillis(), new TimerConfig(null, false));
    }

    @Timeout
    void writeDigest() {
        try {
            writer.write(false);
        } catch (RuntimeException e) {
            LOG.log(Level.SEVERE, "the audit digest was not written", e);
        }
    }
}
