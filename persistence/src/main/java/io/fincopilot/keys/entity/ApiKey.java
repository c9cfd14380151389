package io.fincopilot.keys.entity;

import io.fincopilot.tenancy.entity.TenantPartition;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.eclipse.persistence.annotations.Multitenant;
import org.eclipse.persistence.annotations.MultitenantType;
import org.eclipse.persistence.annotations.TenantDiscriminatorColumn;

/** An API key of a tenant. The secret itself is never stored: only its SHA-256. */
@Entity
@Table(name = "api_keys")
@Multitenant(MultitenantType.SINGLE_TABLE)
@TenantDiscriminatorColumn(name = "tenant_id", contextProperty = TenantPartition.CONTEXT_PROPERTY)
@NamedQuery(name = ApiKey.ALL, query = "select k from ApiKey k order by k.createdAt desc")
public class ApiKey implements java.io.Serializable {

    public static final String ALL = "ApiKey.all";

    public enum Status { ACTIVE, EXPIRED, REVOKED }

    @Id
    private UUID id;

    @Column(nullable = false, length = 16, updatable = false)
    private String prefix;

    @Column(name = "secret_hash", nullable = false, length = 64, updatable = false)
    private String secretHash;

    @Column(nullable = false, length = 100)
    private String name;

    /** Space-separated scopes. */
    @Column(nullable = false, length = 400)
    private String scopes;

    /** Comma-separated addresses or CIDR ranges; empty means any. */
    @Column(name = "ip_allow_list", length = 2000)
    private String ipAllowList;

    @Column(name = "rate_limit_per_minute")
    private Integer rateLimitPerMinute;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    @Column(name = "created_by", nullable = false, updatable = false)
    private String createdBy;

    @Column(name = "expires_at")
    private Instant expiresAt;

    @Column(name = "last_used_at")
    private Instant lastUsedAt;

    @Column(name = "revoked_at")
    private Instant revokedAt;

    @Column(name = "revoked_by")
    private String revokedBy;

    protected ApiKey() {
    }

    public ApiKey(String prefix, String secretHash, String name, Set<String> scopes, List<String> ipAllowList,
            Integer rateLimitPerMinute, Instant expiresAt, String createdBy, Instant now) {
        this.id = UUID.randomUUID();
        this.prefix = prefix;
        this.secretHash = secretHash;
        this.name = name;
        this.scopes = String.join(" ", scopes);
        this.ipAllowList = ipAllowList == null || ipAllowList.isEmpty() ? null : String.join(",", ipAllowList);
        this.rateLimitPerMinute = rateLimitPerMinute;
        this.expiresAt = expiresAt;
        this.createdBy = createdBy;
        this.createdAt = now;
    }

    /** Revokes the key; a key revoked once stays revoked. Answers whether this call revoked it. */
    public boolean revoke(String by, Instant now) {
        if (revokedAt != null) {
            return false;
        }
        revokedAt = now;
        revokedBy = by;
        return true;
    }

    public Status status(Instant now) {
        if (revokedAt != null) {
            return Status.REVOKED;
        }
        return expiresAt != null && !now.isBefore(expiresAt) ? Status.EXPIRED : Status.ACTIVE;
    }

    public UUID id() {
        return id;
    }

    public String prefix() {
        return prefix;
    }

    public String name() {
        return name;
    }

    public Set<String> scopes() {
        return new LinkedHashSet<>(Arrays.asList(scopes.split(" ")));
    }

    public List<String> ipAllowList() {
        return ipAllowList == null ? List.of() : Arrays.asList(ipAllowList.split(","));
    }

    public Integer rateLimitPerMinute() {
        return rateLimitPerMinute;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public String createdBy() {
        return createdBy;
    }

    public Instant expiresAt() {
        return expiresAt;
    }

    public Instant lastUsedAt() {
        return lastUsedAt;
    }

    public Instant revokedAt() {
        return revokedAt;
    }
}
