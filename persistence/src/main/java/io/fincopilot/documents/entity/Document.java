package io.fincopilot.documents.entity;

import io.fincopilot.tenancy.entity.TenantPartition;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.eclipse.persistence.annotations.Multitenant;
import org.eclipse.persistence.annotations.MultitenantType;
import org.eclipse.persistence.annotations.TenantDiscriminatorColumn;

/** A document of a tenant: a title, tags, and the versions of its bytes (see {@link DocumentVersion}). */
@Entity
@Table(name = "documents")
@Multitenant(MultitenantType.SINGLE_TABLE)
@TenantDiscriminatorColumn(name = "tenant_id", contextProperty = TenantPartition.CONTEXT_PROPERTY)
public class Document implements java.io.Serializable {

    @Id
    private UUID id;

    @Column(nullable = false, length = 300)
    private String title;

    @Column(name = "file_name", nullable = false, length = 255)
    private String fileName;

    /** ",a,b," (see V4__documents.sql). */
    @Column(nullable = false, length = 900)
    private String tags;

    @Column(name = "latest_version", nullable = false)
    private int latestVersion;

    @Column(name = "ready_version")
    private Integer readyVersion;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    @Column(name = "created_by", nullable = false, updatable = false)
    private String createdBy;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    // What the document is: detected at ingestion (written there in SQL), or as a person set it.
    @Column(length = 200)
    private String company;

    @Column(length = 12)
    private String ticker;

    @Column(length = 20)
    private String form;

    @Column(name = "fiscal_year")
    private Integer fiscalYear;

    @Column(name = "fiscal_quarter")
    private Integer fiscalQuarter;

    @Column(name = "period_end")
    private java.time.LocalDate periodEnd;

    @Column(name = "profile_edited", nullable = false)
    private boolean profileEdited;

    protected Document() {
    }

    public Document(UUID id, String title, String fileName, List<String> tags, String createdBy, Instant now) {
        this.id = id;
        this.title = title;
        this.fileName = fileName;
        this.tags = encodeTags(tags);
        this.latestVersion = 1;
        this.createdBy = createdBy;
        this.createdAt = now;
        this.updatedAt = now;
    }

    /** Tags as stored: ",a,b,", so that {@code tags like '%,a,%'} finds one. */
    public static String encodeTags(List<String> tags) {
        return "," + String.join(",", tags) + (tags.isEmpty() ? "" : ",");
    }

    /** A new version is coming: its number. */
    public int nextVersion(String fileName, Instant now) {
        this.latestVersion++;
        this.fileName = fileName;
        this.updatedAt = now;
        return latestVersion;
    }

    public UUID id() {
        return id;
    }

    public String title() {
        return title;
    }

    public String fileName() {
        return fileName;
    }

    public List<String> tags() {
        return Arrays.stream(tags.split(",")).filter(t -> !t.isEmpty()).toList();
    }

    public int latestVersion() {
        return latestVersion;
    }

    public Integer readyVersion() {
        return readyVersion;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public String createdBy() {
        return createdBy;
    }

    public Instant updatedAt() {
        return updatedAt;
    }

    public String company() {
        return company;
    }

    public String ticker() {
        return ticker;
    }

    /** TEN_K, TEN_Q, EIGHT_K, ANNUAL_REPORT or OTHER; null until the document was first read. */
    public String form() {
        return form;
    }

    public Integer fiscalYear() {
        return fiscalYear;
    }

    public Integer fiscalQuarter() {
        return fiscalQuarter;
    }

    public java.time.LocalDate periodEnd() {
        return periodEnd;
    }

    /** Whether a person set the profile: ingestion of a later version then leaves it alone. */
    public boolean profileEdited() {
        return profileEdited;
    }

    /** A person's profile: kept over what ingestion detects from now on. */
    public void editProfile(String company, String ticker, String form, Integer fiscalYear, Integer fiscalQuarter,
            java.time.LocalDate periodEnd, Instant now) {
        this.company = company;
        this.ticker = ticker;
        this.form = form;
        this.fiscalYear = fiscalYear;
        this.fiscalQuarter = fiscalQuarter;
        this.periodEnd = periodEnd;
        this.profileEdited = true;
        this.updatedAt = now;
    }
}
