package io.fincopilot.privacy.control;

import io.fincopilot.audit.boundary.AuditTrail;
import io.fincopilot.audit.entity.Act;
import io.fincopilot.documents.control.DocumentObjects;
import io.fincopilot.persistence.NativeValues;
import io.fincopilot.tenancy.entity.TenantId;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Builds an export in the background (decision 73): the archive is written to a temporary file with
 * its progress recorded after each item, stored in S3 under {@code exports/<organization>/<id>.zip}
 * and kept there for {@code fincopilot.privacy.export-ttl} (seven days by default), after which it is
 * deleted and the export says so. A failure is recorded with its reason; nothing half-built is kept.
 */
@ApplicationScoped
public class ExportJob {

    private static final Logger LOG = Logger.getLogger(ExportJob.class.getName());

    @PersistenceContext(unitName = "fincopilot")
    EntityManager em;

    @Inject
    ExportArchive archive;

    @Inject
    DocumentObjects objects;

    @Inject
    AuditTrail audit;

    @Inject
    ExportJob self;

    @Inject
    @ConfigProperty(name = "fincopilot.privacy.export-ttl", defaultValue = "P7D")
    Duration ttl;

    public static String objectKey(TenantId tenant, UUID export) {
        return DocumentObjects.organizationPrefixes(tenant).get(1) + export + ".zip";
    }

    /** Runs one export to its end: ready, or failed with a reason. Never throws. */
    public void run(UUID id) {
        Object[] export = self.start(id);
        if (export == null) {
            return;
        }
        TenantId tenant = new TenantId(NativeValues.uuid(export[0]));
        Path file = null;
        try {
            file = Files.createTempFile("fincopilot-export-", ".zip");
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            try (OutputStream out = new DigestOutputStream(Files.newOutputStream(file), sha256)) {
                archive.write(tenant, (String) export[1], out, done -> self.progress(id, done));
            }
            String digest = HexFormat.of().formatHex(sha256.digest());
            String key = objectKey(tenant, id);
            objects.put(key, file, "application/zip", digest);
            self.ready(id, tenant, key, Files.size(file), digest);
        } catch (IOException | RuntimeException | NoSuchAlgorithmException e) {
            LOG.log(Level.WARNING, "export " + id + " failed", e);
            self.failed(id, tenant, e.getClass().getSimpleName() + ": " + e.getMessage());
        } finally {
            if (file != null) {
                try {
                    Files.deleteIfExists(file);
                } catch (IOException e) {
                    LOG.log(Level.WARNING, "the export's temporary file " + file + " stays", e);
                }
            }
        }
    }

    /** Marks the export as being built; answers its organization and name, or null when it is not queued. */
    @Transactional(TxType.REQUIRES_NEW)
    public Object[] start(UUID id) {
        List<?> rows = em.createNativeQuery("update privacy_exports e set status = 'BUILDING' from organizations o "
                + "where e.id = ?1 and e.status = 'QUEUED' and o.id = e.tenant_id returning e.tenant_id, o.name")
                .setParameter(1, id).getResultList();
        if (rows.isEmpty()) {
            return null;
        }
        Object[] export = (Object[]) rows.get(0);
        int items = archive.items(new TenantId(NativeValues.uuid(export[0])));
        em.createNativeQuery("update privacy_exports set items_total = ?2 where id = ?1").setParameter(1, id)
                .setParameter(2, items).executeUpdate();
        return export;
    }

    @Transactional(TxType.REQUIRES_NEW)
    public void progress(UUID id, int done) {
        em.createNativeQuery("update privacy_exports set items_done = ?2 where id = ?1").setParameter(1, id)
                .setParameter(2, done).executeUpdate();
    }

    @Transactional(TxType.REQUIRES_NEW)
    public void ready(UUID id, TenantId tenant, String key, long size, String sha256) {
        Instant now = Instant.now();
        em.createNativeQuery("update privacy_exports set status = 'READY', object_key = ?2, size_bytes = ?3, sha256 = ?4, "
                + "ready_at = ?5, expires_at = ?6, items_done = coalesce(items_total, items_done) where id = ?1")
                .setParameter(1, id).setParameter(2, key).setParameter(3, size).setParameter(4, sha256)
                .setParameter(5, NativeValues.timestamptz(now)).setParameter(6, NativeValues.timestamptz(now.plus(ttl)))
                .executeUpdate();
        audit.record(tenant.value(), new Act("privacy", "system", "privacy.export-ready", "export:" + id, null,
                Act.Outcome.SUCCESS, Map.of("bytes", String.valueOf(size), "sha256", sha256, "expiresAt", now.plus(ttl).toString())));
    }

    @Transactional(TxType.REQUIRES_NEW)
    public void failed(UUID id, TenantId tenant, String reason) {
        String readable = reason.length() > 1000 ? reason.substring(0, 1000) : reason;
        em.createNativeQuery("update privacy_exports set status = 'FAILED', failure = ?2 where id = ?1").setParameter(1, id)
                .setParameter(2, readable).executeUpdate();
        audit.record(tenant.value(), new Act("privacy", "system", "privacy.export-failed", "export:" + id, null,
                Act.Outcome.FAILURE, Map.of()));
    }

    /** Deletes the archives whose time is up; answers how many. */
    public int expire() {
        int expired = 0;
        for (Object r : self.due()) {
            Object[] row = (Object[]) r;
            UUID id = NativeValues.uuid(row[0]);
            objects.deleteObject((String) row[1]);
            self.expired(id);
            expired++;
        }
        return expired;
    }

    @Transactional(TxType.REQUIRES_NEW)
    public List<?> due() {
        return em.createNativeQuery("select id, object_key from privacy_exports where status = 'READY' and expires_at < ?1")
                .setParameter(1, NativeValues.timestamptz(Instant.now())).getResultList();
    }

    @Transactional(TxType.REQUIRES_NEW)
    public void expired(UUID id) {
        em.createNativeQuery("update privacy_exports set status = 'EXPIRED' where id = ?1 and status = 'READY'")
                .setParameter(1, id).executeUpdate();
    }
}
