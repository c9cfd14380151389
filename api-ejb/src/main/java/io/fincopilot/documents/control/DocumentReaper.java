package io.fincopilot.documents.control;

import io.fincopilot.platform.outage.Outages;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Cleans up after uploads that never finished (decision 48): a version row still {@code UPLOADING}
 * after the grace period loses its object and its row; an object older than the grace period with
 * no row is deleted; Idempotency-Keys older than 24 hours are forgotten. Every instance runs it;
 * each step is safe to run twice.
 */
@Singleton
@Startup
@DependsOn("SchemaMigrations")
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
// Runs on the container's scheduler, with no caller; nothing on the web reaches it.
@PermitAll
public class DocumentReaper {

    /** What one pass removed. */
    public record Pass(int unconfirmedVersions, int orphanObjects, int expiredKeys) {
    }

    private static final Logger LOG = Logger.getLogger(DocumentReaper.class.getName());

    /** Stored objects whose rows are looked up in one query. */
    private static final int CHECKED_AT_ONCE = 500;

    @Resource
    ManagedScheduledExecutorService scheduler;

    @Inject
    UploadReaping reaping;

    @Inject
    DocumentObjects objects;

    @Inject
    @ConfigProperty(name = "fincopilot.documents.upload-grace", defaultValue = "PT15M")
    Duration grace;

    @Inject
    @ConfigProperty(name = "fincopilot.documents.reaper-interval", defaultValue = "PT5M")
    Duration interval;

    private ScheduledFuture<?> task;

    @PostConstruct
    void start() {
        task = scheduler.scheduleAtFixedRate(this::scheduledPass, interval.toMillis(), interval.toMillis(),
                TimeUnit.MILLISECONDS);
    }

    @PreDestroy
    void stop() {
        if (task != null) {
            task.cancel(false);
        }
    }

    private void scheduledPass() {
        try {
            Pass pass = reap(Instant.now().minus(grace));
            if (pass.unconfirmedVersions() + pass.orphanObjects() > 0) {
                LOG.info(() -> "reaper: " + pass);
            }
        } catch (RuntimeException e) {
            Outages.log(LOG, "the upload reaper's pass failed; the next one tries again", e);
        }
    }

    /** One pass over what is older than {@code before}. */
    public Pass reap(Instant before) {
        int versions = 0;
        for (UploadReaping.Unconfirmed stale : reaping.unconfirmed(before)) {
            // The row first: an upload confirming right now keeps its row, and then its object too.
            if (reaping.forget(stale) == 1) {
                objects.deleteObject(stale.objectKey());
                versions++;
            }
        }
        int[] orphans = {0};
        objects.forEachStored(CHECKED_AT_ONCE, stored -> {
            for (DocumentObjects.Stored orphan : reaping.withoutRow(
                    stored.stream().filter(s -> s.lastModified().isBefore(before)).toList())) {
                objects.deleteObject(orphan.key());
                orphans[0]++;
            }
        });
        return new Pass(versions, orphans[0], reaping.expireKeys(before));
    }
}
