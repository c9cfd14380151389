package io.fincopilot.documents.boundary;

import io.fincopilot.audit.boundary.AuditTrail;
import io.fincopilot.audit.entity.Act;
import io.fincopilot.billing.control.Quotas;
import io.fincopilot.documents.control.DocumentObjects;
import io.fincopilot.documents.control.SpooledUpload;
import io.fincopilot.documents.control.UploadFaults;
import io.fincopilot.documents.control.UploadLedger;
import io.fincopilot.documents.control.UploadType;
import io.fincopilot.documents.entity.Document;
import io.fincopilot.documents.entity.DocumentVersion;
import io.fincopilot.documents.entity.VersionStatus;
import io.fincopilot.platform.problem.ProblemException;
import io.fincopilot.security.Caller;
import io.fincopilot.security.Permission;
import io.fincopilot.security.Role;
import io.fincopilot.tenancy.boundary.Organizations;
import io.fincopilot.tenancy.entity.TenantId;
import io.fincopilot.tenancy.entity.TenantPartition;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.regex.Pattern;

/**
 * A tenant's documents: uploaded (durably in S3 and PostgreSQL before the answer), listed, read,
 * downloaded and deleted. The upload protocol is in decision 48.
 */
@Stateless
public class Documents {

    /** What the tenant's plan allows one document. */
    public record Limits(long maxBytes, int maxPages) {
    }

    private static final Logger LOG = Logger.getLogger(Documents.class.getName());
    private static final Pattern TAG = Pattern.compile("[a-z0-9][a-z0-9._-]{0,39}");
    private static final String CONFIRMED = "v.status <> io.fincopilot.documents.entity.VersionStatus.UPLOADING";

    @PersistenceContext(unitName = "fincopilot")
    EntityManager em;

    @Inject
    UploadLedger ledger;

    @Inject
    DocumentObjects objects;

    @Inject
    Organizations organizations;

    @Inject
    AuditTrail audit;

    @Inject
    UploadFaults faults;

    @Inject
    Quotas quotas;

    @jakarta.annotation.Resource
    TransactionSynchronizationRegistry transactions;

    /**
     * What the plan allows one document. Unless the upload is a retry (with an Idempotency-Key, whose
     * first answer may have to be replayed), a quota the plan has already used refuses it here, before
     * its bytes are read.
     */
    @RolesAllowed(Permission.DOCUMENTS_WRITE_NAME)
    public Limits limits(TenantId tenant, boolean retry) {
        if (!retry) {
            quotas.requireUpload(tenant, 0);
        }
        Object[] row = (Object[]) em.createNativeQuery("select p.max_upload_bytes, p.max_pages_per_document "
                + "from organizations o join plans p on p.code = o.plan where o.id = ?1")
                .setParameter(1, tenant.value()).getSingleResult();
        return new Limits(((Number) row[0]).longValue(), ((Number) row[1]).intValue());
    }

    /**
     * Stores a new document ({@code document} null) or a new version of one. The answer comes only
     * once the bytes are in S3 and the version's row is confirmed in PostgreSQL; each step runs in a
     * transaction of its own, so this method runs in none.
     */
    @RolesAllowed(Permission.DOCUMENTS_WRITE_NAME)
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public Uploaded upload(TenantId tenant, Caller by, String sourceIp, UUID document, Upload upload,
            SpooledUpload bytes) {
        String type = UploadType.of(bytes.head(), upload.fileName(), upload.declaredType());
        String fileName = fileName(upload.fileName(), type);
        String title = upload.title() == null || upload.title().isBlank() ? fileName : upload.title().strip();
        if (title.length() > 300 || title.chars().anyMatch(c -> c < 0x20 || c == 0x7f)) {
            throw ProblemException.badRequest("title: at most 300 printable characters");
        }
        UploadLedger.Intent intent = new UploadLedger.Intent(document, title, fileName, tags(upload.tags()), type,
                bytes.size(), bytes.sha256(), idempotencyKey(upload.idempotencyKey()));
        faults.at(UploadFaults.Step.BEFORE_RESERVE, upload.fault());
        UploadLedger.Reservation reservation;
        try {
            reservation = ledger.reserve(tenant, by, intent);
        } catch (UploadLedger.Replay replay) {
            return new Uploaded(details(tenant, replay.document()), replay.version(), replay.status(), true);
        }
        try {
            faults.at(UploadFaults.Step.AFTER_RESERVE, upload.fault());
            String objectVersion = objects.put(reservation.objectKey(), bytes.file(), type, bytes.sha256());
            faults.at(UploadFaults.Step.AFTER_PUT, upload.fault());
            ledger.confirm(tenant, reservation, objectVersion, intent, by, sourceIp);
        } catch (RuntimeException e) {
            abandon(tenant, reservation, intent.idempotencyKey(), e);
            throw e;
        }
        faults.at(UploadFaults.Step.AFTER_CONFIRM, upload.fault());
        return new Uploaded(details(tenant, reservation.document()), reservation.version(), 201, false);
    }

    /**
     * For support: the organization's documents whose latest version failed, with why (never their
     * content); the look is audited in the organization's trail.
     */
    @RolesAllowed({Role.PLATFORM_ADMIN_NAME, Role.SUPPORT_NAME})
    public List<DocumentDetails> failedFor(TenantId tenant, Caller by, String sourceIp) {
        if (organizations.standing(tenant).isEmpty()) {
            throw ProblemException.notFound("organization " + tenant);
        }
        audit.record(tenant.value(), new Act(by.actor(), by.kind().name().toLowerCase(), "support.failed-documents-viewed",
                "organization:" + tenant, sourceIp, Act.Outcome.SUCCESS, Map.of()));
        return list(tenant, new DocumentQuery(io.fincopilot.documents.entity.IngestionStatus.FAILED, null, null, 0, 200));
    }

    /** Whether a new version may be sent to this document: it must exist (checked before the bytes are read). */
    @RolesAllowed(Permission.DOCUMENTS_WRITE_NAME)
    public void requireDocument(TenantId tenant, UUID id) {
        details(tenant, id);
    }

    @RolesAllowed(Permission.DOCUMENTS_READ_NAME)
    public List<DocumentDetails> list(TenantId tenant, DocumentQuery query) {
        StringBuilder jpql = new StringBuilder("select d from Document d where exists (select v from DocumentVersion v "
                + "where v.documentId = d.id and " + CONFIRMED);
        if (query.status() != null) {
            jpql.append(" and v.status = :status" + switch (query.status()) {
                case EXTRACTING -> " and v.pagesTotal is null";
                case EMBEDDING -> " and v.pagesTotal is not null";
                default -> "";
            } + " and v.version = (select max(w.version) from DocumentVersion w "
                    + "where w.documentId = d.id and w.status <> io.fincopilot.documents.entity.VersionStatus.UPLOADING)");
        }
        jpql.append(")");
        if (query.tag() != null) {
            jpql.append(" and d.tags like :tag");
        }
        if (query.title() != null) {
            jpql.append(" and lower(d.title) like :title");
        }
        jpql.append(" order by d.createdAt desc, d.id");
        TypedQuery<Document> found = TenantPartition.bind(em, tenant).createQuery(jpql.toString(), Document.class)
                .setFirstResult(query.offset()).setMaxResults(query.limit());
        if (query.status() != null) {
            found.setParameter("status", switch (query.status()) {
                case QUEUED -> VersionStatus.QUEUED;
                case EXTRACTING, EMBEDDING -> VersionStatus.PROCESSING;
                case READY -> VersionStatus.READY;
                case FAILED -> VersionStatus.FAILED;
            });
        }
        if (query.tag() != null) {
            found.setParameter("tag", "%," + query.tag() + ",%");
        }
        if (query.title() != null) {
            found.setParameter("title", "%" + query.title().toLowerCase().replace("\\", "\\\\").replace("%", "\\%")
                    .replace("_", "\\_") + "%");
        }
        List<Document> documents = found.getResultList();
        if (documents.isEmpty()) {
            return List.of();
        }
        Map<UUID, List<DocumentVersion>> versions = TenantPartition.bind(em, tenant)
                .createQuery("select v from DocumentVersion v where v.documentId in :ids and " + CONFIRMED
                        + " order by v.version desc", DocumentVersion.class)
                .setParameter("ids", documents.stream().map(Document::id).toList()).getResultStream()
                .collect(java.util.stream.Collectors.groupingBy(DocumentVersion::documentId));
        return documents.stream().map(d -> new DocumentDetails(d, versions.getOrDefault(d.id(), List.of())))
                .filter(d -> !d.versions().isEmpty()).toList();
    }

    @RolesAllowed(Permission.DOCUMENTS_READ_NAME)
    public DocumentDetails get(TenantId tenant, UUID id) {
        return details(tenant, id);
    }

    /** How a version (by default the one answers come from, else the latest) was cut into chunks. */
    @RolesAllowed(Permission.DOCUMENTS_READ_NAME)
    public List<ChunkView> chunks(TenantId tenant, UUID id, Integer version, int offset, int limit) {
        DocumentDetails details = details(tenant, id);
        int wanted = chosen(details, version).version();
        List<?> rows = em.createNativeQuery("select seq, page, heading, table_header, text, tokens, model, embedding is not null "
                + "from chunks where tenant_id = ?1 and document_id = ?2 and version = ?3 order by seq offset ?4 limit ?5")
                .setParameter(1, tenant.value()).setParameter(2, id).setParameter(3, wanted).setParameter(4, offset)
                .setParameter(5, limit).getResultList();
        return rows.stream().map(r -> (Object[]) r).map(r -> new ChunkView(((Number) r[0]).intValue(),
                ((Number) r[1]).intValue(), (String) r[2], (String) r[3], (String) r[4], ((Number) r[5]).intValue(),
                (String) r[6], (Boolean) r[7])).toList();
    }

    /** The original bytes of the current (ready, else latest) or of a given version; every download is audited. */
    @RolesAllowed(Permission.DOCUMENTS_READ_NAME)
    public StoredContent content(TenantId tenant, UUID id, Integer version, Caller by, String sourceIp) {
        DocumentDetails details = details(tenant, id);
        DocumentVersion v = chosen(details, version);
        int wanted = v.version();
        audit.record(tenant.value(), new Act(by.actor(), by.kind().name().toLowerCase(), "document.downloaded",
                "document:" + id, sourceIp, Act.Outcome.SUCCESS, Map.of("version", wanted)));
        return new StoredContent(objects.open(v.objectKey(), v.objectVersion()), v.mediaType(), v.sizeBytes(),
                v.fileName().orElse(details.document().fileName()), wanted, v.sha256());
    }

    /**
     * Deletes the document: its rows first (it is gone for every reader at once), then, once that has
     * committed, every object version and delete marker in S3. Objects left by a failure there are
     * found by the reaper, which lists object versions.
     */
    @RolesAllowed(Permission.DOCUMENTS_WRITE_NAME)
    public void delete(TenantId tenant, UUID id, Caller by, String sourceIp) {
        EntityManager tenantEm = TenantPartition.bind(em, tenant);
        Document document = tenantEm.find(Document.class, id, jakarta.persistence.LockModeType.PESSIMISTIC_WRITE);
        if (document == null) {
            throw ProblemException.notFound("document " + id);
        }
        tenantEm.createQuery("delete from DocumentVersion v where v.documentId = :d").setParameter("d", id).executeUpdate();
        tenantEm.remove(document);
        audit.record(tenant.value(), new Act(by.actor(), by.kind().name().toLowerCase(), "document.deleted",
                "document:" + id, sourceIp, Act.Outcome.SUCCESS, Map.of("title", document.title())));
        tenantEm.flush();
        // The objects go once the rows are gone for good: a rolled-back delete keeps its document whole.
        transactions.registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {
                // not committed yet
            }

            @Override
            public void afterCompletion(int status) {
                if (status != Status.STATUS_COMMITTED) {
                    return;
                }
                try {
                    objects.deleteDocument(tenant, id);
                } catch (RuntimeException e) {
                    LOG.log(Level.WARNING, "document " + id + " deleted; its objects are left for the reaper", e);
                }
            }
        });
    }

    /** The version asked for; by default the one answers come from, else the latest. */
    private static DocumentVersion chosen(DocumentDetails details, Integer version) {
        int wanted = version != null ? version
                : details.document().readyVersion() != null ? details.document().readyVersion() : details.latest().version();
        return details.versions().stream().filter(v -> v.version() == wanted).findFirst().orElseThrow(() ->
                ProblemException.notFound("version " + wanted + " of document " + details.document().id()));
    }

    private DocumentDetails details(TenantId tenant, UUID id) {
        EntityManager tenantEm = TenantPartition.bind(em, tenant);
        Document document = tenantEm.find(Document.class, id);
        List<DocumentVersion> versions = document == null ? List.of()
                : tenantEm.createNamedQuery(DocumentVersion.OF_DOCUMENT, DocumentVersion.class)
                        .setParameter("document", id).getResultList();
        if (versions.isEmpty()) {
            throw ProblemException.notFound("document " + id);
        }
        return new DocumentDetails(document, versions);
    }

    /**
     * Undoes a failed upload: the row and its Idempotency-Key first (so a retry starts afresh even
     * while S3 is down), then whatever of the object S3 kept, but only once the row is gone: a
     * confirmation that committed although its answer was lost keeps its version and its object.
     * What cannot be undone now is the reaper's: an object without its row, or a row left reserved.
     */
    private void abandon(TenantId tenant, UploadLedger.Reservation reservation, String idempotencyKey, RuntimeException cause) {
        try {
            if (!ledger.abandon(tenant, reservation, idempotencyKey)) {
                return;
            }
        } catch (RuntimeException e) {
            cause.addSuppressed(e);
            LOG.log(Level.WARNING, "upload of " + reservation.objectKey() + " failed and its row was not removed; the reaper will", e);
            return;
        }
        try {
            objects.deleteObject(reservation.objectKey());
        } catch (RuntimeException e) {
            cause.addSuppressed(e);
            LOG.log(Level.WARNING, "upload of " + reservation.objectKey() + " failed and its object was not deleted; the reaper will: " + e);
        }
    }

    static List<String> tags(List<String> requested) {
        if (requested == null) {
            return List.of();
        }
        List<String> tags = requested.stream().map(t -> t.strip().toLowerCase()).filter(t -> !t.isEmpty()).distinct().toList();
        if (tags.size() > 20) {
            throw ProblemException.badRequest("tags: at most 20");
        }
        for (String tag : tags) {
            if (!TAG.matcher(tag).matches()) {
                throw ProblemException.badRequest("tags: '" + tag + "' is not a tag (lower-case letters, digits, '.', '_', '-'; at most 40)");
            }
        }
        return tags;
    }

    static String fileName(String given, String type) {
        String name = given == null ? "" : given.replace('\\', '/');
        name = name.substring(name.lastIndexOf('/') + 1).strip();
        if (name.isEmpty()) {
            return "document" + switch (type) {
                case "application/pdf" -> ".pdf";
                case "text/html" -> ".html";
                case "text/csv" -> ".csv";
                default -> ".txt";
            };
        }
        if (name.length() > 255 || name.chars().anyMatch(c -> c < 0x20 || c == 0x7f)) {
            throw ProblemException.badRequest("file name: at most 255 printable characters");
        }
        return name;
    }

    static String idempotencyKey(String key) {
        if (key == null) {
            return null;
        }
        if (key.isBlank() || key.length() > 200 || key.chars().anyMatch(c -> c < 0x21 || c > 0x7e)) {
            throw ProblemException.badRequest("Idempotency-Key: 1 to 200 visible ASCII characters");
        }
        return key;
    }
}
