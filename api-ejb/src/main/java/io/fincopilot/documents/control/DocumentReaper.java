package io.fincopilot.documents.control;

import static io.fincopilot.persistence.NativeValues.timestamptz;
import static io.fincopilot.persistence.NativeValues.uuid;

import io.fincopilot.tenancy.entity.TenantId;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionManagement;
import jakarta.ejb.TransactionManagementType;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.UserTransaction;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
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
@TransactionManagement(TransactionManagementType.BEAN)
// Runs on the container's scheduler, with no caller; nothing on the web reaches it.
@PermitAll
public class DocumentReaper {

    /** What one pass removed. */
    public record Pass(int unconfirmedVersions, int orphanObjects, int expiredKeys) {
    }

    private static final Logger LOG = Logger.getLogger(DocumentReaper.class.getName());

    @Resource
    ManagedScheduledExecutorService scheduler;

    @Resource
    UserTransaction transaction;

    @PersistenceContext(unitName = "fincopilot")
    EntityManager em;

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
            LOG.log(Level.WARNING, "the upload reaper's pass failed; the next one tries again", e);
        }
    }

    /** One pass over what is older than {@code before}. */
    public Pass reap(Instant before) {
        int versions = 0;
        List<?> stale = em.createNativeQuery("select tenant_id, document_id, version, object_key from document_versions "
                + "where status = 'UPLOADING' and created_at < ?1").setParameter(1, timestamptz(before)).getResultList();
        for (Object row : stale) {
            Object[] r = (Object[]) row;
            objects.deleteObject((String) r[3]);
            versions += inTransaction(() -> forgetVersion(uuid(r[0]), uuid(r[1]), ((Number) r[2]).intValue()));
        }
        int[] orphans = {0};
        objects.forEachStored(stored -> {
            if (stored.lastModified().isBefore(before) && !hasRow(stored.tenant(), stored.document(), stored.version())) {
                objects.deleteObject(stored.key());
                orphans[0]++;
            }
        });
        int keys = inTransaction(() -> em.createNativeQuery("delete from idempotency_keys where created_at < ?1 "
                + "or (status_code is null and created_at < ?2)")
                .setParameter(1, timestamptz(Instant.now().minus(Duration.ofHours(24))))
                .setParameter(2, timestamptz(before)).executeUpdate());
        return new Pass(versions, orphans[0], keys);
    }

    private int forgetVersion(UUID tenant, UUID document, int version) {
        int removed = em.createNativeQuery("delete from document_versions where tenant_id = ?1 and document_id = ?2 "
                + "and version = ?3 and status = 'UPLOADING'").setParameter(1, tenant).setParameter(2, document)
                .setParameter(3, version).executeUpdate();
        em.createNativeQuery("delete from documents d where d.tenant_id = ?1 and d.id = ?2 "
                + "and not exists (select 1 from document_versions v where v.document_id = d.id)")
                .setParameter(1, tenant).setParameter(2, document).executeUpdate();
        return removed;
    }

    private boolean hasRow(TenantId tenant, UUID document, int version) {
        return !em.createNativeQuery("select 1 from document_versions where tenant_id = ?1 and document_id = ?2 "
                + "and version = ?3").setParameter(1, tenant.value()).setParameter(2, document).setParameter(3, version)
                .getResultList().isEmpty();
    }

    private int inTransaction(java.util.function.IntSupplier work) {
        try {
            transaction.begin();
            int n = work.getAsInt();
            transaction.commit();
            return n;
        } catch (Exception e) {
            try {
                transaction.rollback();
            } catch (Exception ignored) {
                // the transaction is already gone
            }
            throw new IllegalStateException("the reaper's step failed", e);
        }
    }
}
