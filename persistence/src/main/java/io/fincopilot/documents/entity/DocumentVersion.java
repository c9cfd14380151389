package io.fincopilot.documents.entity;

import io.fincopilot.tenancy.entity.TenantPartition;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.eclipse.persistence.annotations.Multitenant;
import org.eclipse.persistence.annotations.MultitenantType;
import org.eclipse.persistence.annotations.TenantDiscriminatorColumn;

/**
 * One upload of a document's bytes: its S3 object, its SHA-256, and how far ingestion got.
 */
@Entity
@Table(name = "document_versions")
@Multitenant(MultitenantType.SINGLE_TABLE)
@TenantDiscriminatorColumn(name = "tenant_id", contextProperty = TenantPartition.CONTEXT_PROPERTY)
@NamedQuery(name = DocumentVersion.OF_DOCUMENT,
        query = "select v from DocumentVersion v where v.documentId = :document and v.status <> "
                + "io.fincopilot.documents.entity.VersionStatus.UPLOADING order by v.version desc")
@NamedQuery(name = DocumentVersion.BY_SHA256, query = "select v from DocumentVersion v where v.sha256 = :sha256 "
        + "and v.status not in (io.fincopilot.documents.entity.VersionStatus.UPLOADING, "
        + "io.fincopilot.documents.entity.VersionStatus.FAILED)")
public class DocumentVersion implements java.io.Serializable {

    public static final String OF_DOCUMENT = "DocumentVersion.ofDocument";
    public static final String BY_SHA256 = "DocumentVersion.bySha256";

    @Id
    private UUID id;

    @Column(name = "document_id", nullable = false, updatable = false)
    private UUID documentId;

    @Column(nullable = false, updatable = false)
    private int version;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 20)
    private VersionStatus status;

    @Column(name = "media_type", nullable = false, length = 100, updatable = false)
    private String mediaType;

    @Column(name = "size_bytes", nullable = false, updatable = false)
    private long sizeBytes;

    @Column(nullable = false, length = 64, updatable = false)
    private String sha256;

    @Column(name = "object_key", nullable = false, length = 300, updatable = false)
    private String objectKey;

    @Column(name = "object_version", length = 300)
    private String objectVersion;

    @Column(name = "pages_total")
    private Integer pagesTotal;

    @Column(name = "pages_done", nullable = false)
    private int pagesDone;

    @Column(name = "failure_code", length = 60)
    private String failureCode;

    @Column(name = "failure_reason", length = 1000)
    private String failureReason;

    @Column(name = "pii_counts", nullable = false, length = 500)
    private String piiCounts;

    /** What extraction noted, one note per line. */
    @Column(nullable = false, length = 1000)
    private String notes;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    @Column(name = "created_by", nullable = false, updatable = false)
    private String createdBy;

    @Column(name = "finished_at")
    private Instant finishedAt;

    /** The name of the file this version was uploaded as; null for versions older than V10. */
    @Column(name = "file_name", length = 255, updatable = false)
    private String fileName;

    protected DocumentVersion() {
    }

    public DocumentVersion(UUID documentId, int version, String fileName, String mediaType, long sizeBytes, String sha256,
            String objectKey, String createdBy, Instant now) {
        this.id = UUID.randomUUID();
        this.fileName = fileName;
        this.documentId = documentId;
        this.version = version;
        this.status = VersionStatus.UPLOADING;
        this.mediaType = mediaType;
        this.sizeBytes = sizeBytes;
        this.sha256 = sha256;
        this.objectKey = objectKey;
        this.piiCounts = "";
        this.notes = "";
        this.createdBy = createdBy;
        this.createdAt = now;
    }

    /** The object is stored: the version is acknowledged and waits for ingestion (which writes the rest in SQL). */
    public void stored(String objectVersion) {
        this.objectVersion = objectVersion;
        this.status = VersionStatus.QUEUED;
    }

    public UUID id() {
        return id;
    }

    public UUID documentId() {
        return documentId;
    }

    public int version() {
        return version;
    }

    public VersionStatus status() {
        return status;
    }

    /** The status as shown: processing is extracting, then embedding. */
    public IngestionStatus ingestionStatus() {
        return IngestionStatus.of(status, pagesTotal);
    }

    public String mediaType() {
        return mediaType;
    }

    public long sizeBytes() {
        return sizeBytes;
    }

    public String sha256() {
        return sha256;
    }

    public String objectKey() {
        return objectKey;
    }

    public String objectVersion() {
        return objectVersion;
    }

    public Integer pagesTotal() {
        return pagesTotal;
    }

    public int pagesDone() {
        return pagesDone;
    }

    public String failureCode() {
        return failureCode;
    }

    public String failureReason() {
        return failureReason;
    }

    /** Masked PII items by kind. */
    public Map<String, Integer> piiCounts() {
        Map<String, Integer> counts = new LinkedHashMap<>();
        for (String pair : piiCounts.split(",")) {
            int eq = pair.indexOf('=');
            if (eq > 0) {
                counts.put(pair.substring(0, eq), Integer.parseInt(pair.substring(eq + 1)));
            }
        }
        return counts;
    }

    public java.util.List<String> notes() {
        return notes.isEmpty() ? java.util.List.of() : java.util.List.of(notes.split("\n"));
    }

    public Instant createdAt() {
        return createdAt;
    }

    public String createdBy() {
        return createdBy;
    }

    public Instant finishedAt() {
        return finishedAt;
    }

    /** The name this version was uploaded as, if it was kept (versions since V10). */
    public java.util.Optional<String> fileName() {
        return java.util.Optional.ofNullable(fileName);
    }
}
