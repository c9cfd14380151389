package io.fincopilot.tenancy.entity;

import jakarta.persistence.Cacheable;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;
import org.eclipse.persistence.annotations.Cache;

/**
 * A tenant. Organizations are the one platform-level table: their id is the tenant id that
 * partitions every other row, so they are not themselves partitioned.
 */
@Entity
@Table(name = "organizations")
// Read on every /me and console page; changes reach other instances' caches within 0.9 s, the
// admission promise (status changes read and lock the row, see Organizations.changeStatus).
@Cacheable
@Cache(expiry = 900)
@NamedQuery(name = Organization.ALL, query = "select o from Organization o order by o.name")
@NamedQuery(name = Organization.BY_SLUG, query = "select o from Organization o where o.slug = :slug")
public class Organization implements java.io.Serializable {

    public static final String ALL = "Organization.all";
    public static final String BY_SLUG = "Organization.bySlug";

    @Id
    private UUID id;

    @Column(nullable = false, unique = true, length = 40)
    private String slug;

    @Column(nullable = false, length = 200)
    private String name;

    @Column(nullable = false, length = 40)
    private String plan;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 20)
    private OrganizationStatus status;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "keycloak_group_id", length = 64)
    private String keycloakGroupId;

    @Column(name = "status_changed_at")
    private Instant statusChangedAt;

    /** The answer provider its questions go to; null for the platform's. */
    @Column(name = "answer_provider", length = 20)
    private String answerProvider;

    protected Organization() {
    }

    public Organization(Slug slug, String name, String plan, Instant createdAt) {
        this.id = TenantId.random().value();
        this.slug = slug.value();
        this.name = name;
        this.plan = plan;
        this.status = OrganizationStatus.ACTIVE;
        this.createdAt = createdAt;
    }

    public void provisioned(String groupId) {
        this.keycloakGroupId = groupId;
    }

    /**
     * Moves the organization to another status: active and suspended alternate, either may close,
     * and a closed organization stays closed.
     */
    public void changeStatus(OrganizationStatus target, Instant now) {
        boolean allowed = switch (target) {
            case SUSPENDED -> status == OrganizationStatus.ACTIVE;
            case ACTIVE -> status == OrganizationStatus.SUSPENDED;
            case CLOSED -> status != OrganizationStatus.CLOSED;
        };
        if (!allowed) {
            throw new IllegalStateException("an organization that is " + status.name().toLowerCase()
                    + " cannot become " + target.name().toLowerCase());
        }
        status = target;
        statusChangedAt = now;
    }

    public String keycloakGroupId() {
        return keycloakGroupId;
    }

    public TenantId id() {
        return new TenantId(id);
    }

    public Slug slug() {
        return new Slug(slug);
    }

    public String name() {
        return name;
    }

    public String plan() {
        return plan;
    }

    public OrganizationStatus status() {
        return status;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public String answerProvider() {
        return answerProvider;
    }

    public void answerWith(String provider) {
        this.answerProvider = provider;
    }

    /** The database records from when the new plan applies (plan_assignments). */
    public void movePlan(String code) {
        this.plan = code;
    }
}
