package io.fincopilot.documents.control;

import io.fincopilot.audit.boundary.AuditTrail;
import io.fincopilot.audit.entity.Act;
import io.fincopilot.billing.control.Quotas;
import io.fincopilot.documents.entity.Document;
import io.fincopilot.documents.entity.DocumentVersion;
import io.fincopilot.platform.problem.Problem;
import io.fincopilot.platform.problem.ProblemException;
import io.fincopilot.security.Caller;
import io.fincopilot.tenancy.entity.TenantId;
import io.fincopilot.tenancy.entity.TenantPartition;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The PostgreSQL steps of an upload, each in a transaction of its own (decision 48): reserve (the
 * idempotency key, the duplicate check and the version's row, {@code UPLOADING}) before the object
 * is written; confirm ({@code QUEUED}, usage, audit, the idempotency key's answer) after it; abandon
 * when the object could not be written.
 */
@ApplicationScoped
public class UploadLedger {

    /** What the upload is: the caller's words and the bytes' facts. */
    public record Intent(UUID document, String title, String fileName, List<String> tags, String mediaType,
            long size, String sha256, String idempotencyKey) {
    }

    /** A version row waiting for its object. */
    public record Reservation(UUID document, int version, String objectKey, boolean newDocument) {
    }

    /** The first answer to an earlier request with the same Idempotency-Key and the same bytes. */
    public static final class Replay extends RuntimeException {
        private final UUID document;
        private final int version;
        private final int status;

        Replay(UUID document, int version, int status) {
            super(null, null, false, false);
            this.document = document;
            this.version = version;
            this.status = status;
        }

        public UUID document() {
            return document;
        }

        public int version() {
            return version;
        }

        public int status() {
            return status;
        }
    }

    @PersistenceContext(unitName = "fincopilot")
    EntityManager em;

    @Inject
    AuditTrail audit;

    @Inject
    IngestionQueue queue;

    @Inject
    Quotas quotas;

    /**
     * Writes the version's row before its object exists; throws {@link Replay} for a retry of a
     * finished request, and a problem for a key reused with other bytes, a key still in use, bytes
     * the tenant already holds, or bytes its plan's quota refuses.
     */
    @Transactional(TxType.REQUIRES_NEW)
    public Reservation reserve(TenantId tenant, Caller by, Intent intent) {
        EntityManager tenantEm = TenantPartition.bind(em, tenant);
        Instant now = Instant.now(Clock.systemUTC());
        if (intent.idempotencyKey() != null) {
            claimKey(tenant, intent, now);
        }
        List<DocumentVersion> same = tenantEm.createNamedQuery(DocumentVersion.BY_SHA256, DocumentVersion.class)
                .setParameter("sha256", intent.sha256()).getResultList();
        if (!same.isEmpty()) {
            DocumentVersion holder = same.get(0);
            throw new ProblemException(Problem.of(409, "duplicate-document", "Already uploaded",
                    "these bytes are already held by document " + holder.documentId() + " (version " + holder.version() + ")")
                    .with("document", holder.documentId().toString())
                    .with("version", jakarta.json.Json.createValue(holder.version())));
        }
        quotas.requireUpload(tenant, intent.size());
        boolean created = intent.document() == null;
        Document document;
        int version;
        if (created) {
            document = new Document(UUID.randomUUID(), intent.title(), intent.fileName(), intent.tags(), by.username(), now);
            tenantEm.persist(document);
            version = 1;
        } else {
            document = tenantEm.find(Document.class, intent.document(), LockModeType.PESSIMISTIC_WRITE);
            if (document == null) {
                throw ProblemException.notFound("document " + intent.document());
            }
            version = document.nextVersion(intent.fileName(), now);
        }
        String key = DocumentObjects.key(tenant, document.id(), version);
        tenantEm.persist(new DocumentVersion(document.id(), version, intent.fileName() == null ? document.fileName()
                : intent.fileName(), intent.mediaType(), intent.size(), intent.sha256(), key, by.username(), now));
        try {
            tenantEm.flush();
        } catch (jakarta.persistence.PersistenceException e) {
            // The unique index on the tenant's SHA-256s: the same bytes arrived at the same moment.
            throw new ProblemException(Problem.of(409, "duplicate-document", "Already uploaded",
                    "these bytes are being uploaded to this organization by another request"));
        }
        return new Reservation(document.id(), version, key, created);
    }

    /** The object is stored: the version is acknowledged, counted, audited, and its key's answer kept. */
    @Transactional(TxType.REQUIRES_NEW)
    public void confirm(TenantId tenant, Reservation reservation, String objectVersion, Intent intent, Caller by,
            String sourceIp) {
        EntityManager tenantEm = TenantPartition.bind(em, tenant);
        // Locked: the reaper (or a delete of the document) either removed the row before, or waits and then finds it confirmed.
        DocumentVersion version = version(tenantEm, reservation);
        if (version != null) {
            tenantEm.lock(version, LockModeType.PESSIMISTIC_WRITE);
            tenantEm.refresh(version);
        }
        if (version == null || version.status() != io.fincopilot.documents.entity.VersionStatus.UPLOADING) {
            throw new ProblemException(Problem.of(503, "upload-expired", "Upload took too long",
                    "the upload was not confirmed in time and was discarded; send it again"));
        }
        version.stored(objectVersion);
        queue.enqueue(tenant, reservation.document(), reservation.version());
        Instant now = Instant.now(Clock.systemUTC());
        em.createNativeQuery("insert into usage_events (id, tenant_id, kind, quantity, document_id, version, occurred_at) "
                + "values (?1, ?2, 'BYTES_STORED', ?3, ?4, ?5, ?6) on conflict do nothing")
                .setParameter(1, UUID.randomUUID()).setParameter(2, tenant.value()).setParameter(3, intent.size())
                .setParameter(4, reservation.document()).setParameter(5, reservation.version())
                .setParameter(6, io.fincopilot.persistence.NativeValues.timestamptz(now)).executeUpdate();
        if (intent.idempotencyKey() != null) {
            em.createNativeQuery("update idempotency_keys set status_code = 201, document_id = ?1, version = ?2 "
                    + "where tenant_id = ?3 and idempotency_key = ?4")
                    .setParameter(1, reservation.document()).setParameter(2, reservation.version())
                    .setParameter(3, tenant.value()).setParameter(4, intent.idempotencyKey()).executeUpdate();
        }
        audit.record(tenant.value(), new Act(by.actor(), by.kind().name().toLowerCase(),
                reservation.newDocument() ? "document.uploaded" : "document.version-uploaded",
                "document:" + reservation.document(), sourceIp, Act.Outcome.SUCCESS,
                Map.of("version", reservation.version(), "sha256", intent.sha256(), "bytes", intent.size(),
                        "type", intent.mediaType())));
    }

    /**
     * The object could not be written: the request leaves nothing behind (the reaper catches a crash
     * here). Answers whether the version was still unconfirmed and is now gone; a version whose
     * confirmation committed after all (its answer lost) is kept, with its object and its key.
     */
    @Transactional(TxType.REQUIRES_NEW)
    public boolean abandon(TenantId tenant, Reservation reservation, String idempotencyKey) {
        EntityManager tenantEm = TenantPartition.bind(em, tenant);
        DocumentVersion version = version(tenantEm, reservation);
        if (version != null && version.status() != io.fincopilot.documents.entity.VersionStatus.UPLOADING) {
            return false;
        }
        if (version != null) {
            tenantEm.remove(version);
            if (reservation.newDocument()) {
                Document document = tenantEm.find(Document.class, reservation.document());
                if (document != null) {
                    tenantEm.remove(document);
                }
            }
        }
        forgetKey(tenant, idempotencyKey);
        return true;
    }

    /** A request that failed before its version was reserved gives its idempotency key back. */
    @Transactional(TxType.REQUIRES_NEW)
    public void forgetKey(TenantId tenant, String idempotencyKey) {
        if (idempotencyKey != null) {
            em.createNativeQuery("delete from idempotency_keys where tenant_id = ?1 and idempotency_key = ?2 "
                    + "and status_code is null").setParameter(1, tenant.value()).setParameter(2, idempotencyKey)
                    .executeUpdate();
        }
    }

    private void claimKey(TenantId tenant, Intent intent, Instant now) {
        int claimed = em.createNativeQuery("insert into idempotency_keys (tenant_id, idempotency_key, sha256, created_at) "
                + "values (?1, ?2, ?3, ?4) on conflict (tenant_id, idempotency_key) do update "
                + "set sha256 = excluded.sha256, created_at = excluded.created_at, status_code = null, "
                + "document_id = null, version = null where idempotency_keys.created_at < ?5")
                .setParameter(1, tenant.value()).setParameter(2, intent.idempotencyKey()).setParameter(3, intent.sha256())
                .setParameter(4, io.fincopilot.persistence.NativeValues.timestamptz(now))
                .setParameter(5, io.fincopilot.persistence.NativeValues.timestamptz(now.minus(java.time.Duration.ofHours(24)))).executeUpdate();
        if (claimed == 1) {
            return;
        }
        Object[] earlier = (Object[]) em.createNativeQuery("select sha256, status_code, document_id, version "
                + "from idempotency_keys where tenant_id = ?1 and idempotency_key = ?2")
                .setParameter(1, tenant.value()).setParameter(2, intent.idempotencyKey()).getSingleResult();
        boolean sameTarget = earlier[2] == null || (intent.document() == null ? ((Number) earlier[3]).intValue() == 1
                : intent.document().equals(io.fincopilot.persistence.NativeValues.uuid(earlier[2])));
        if (!intent.sha256().equals(earlier[0]) || !sameTarget) {
            throw new ProblemException(Problem.of(422, "idempotency-key-reused", "Idempotency-Key reused",
                    "this Idempotency-Key was used within 24 hours for other content or another document; use a new key for a new upload"));
        }
        if (earlier[1] == null) {
            throw new ProblemException(Problem.of(409, "idempotency-key-in-use", "Request in progress",
                    "a request with this Idempotency-Key is still running; retry in a few seconds"));
        }
        throw new Replay(io.fincopilot.persistence.NativeValues.uuid(earlier[2]), ((Number) earlier[3]).intValue(),
                ((Number) earlier[1]).intValue());
    }

    private static DocumentVersion version(EntityManager tenantEm, Reservation reservation) {
        return tenantEm.createQuery("select v from DocumentVersion v where v.documentId = :d and v.version = :n",
                DocumentVersion.class).setParameter("d", reservation.document()).setParameter("n", reservation.version())
                .getResultStream().findFirst().orElse(null);
    }
}
