package io.fincopilot.keys.boundary;

import io.fincopilot.audit.boundary.AuditTrail;
import io.fincopilot.audit.entity.Act;
import io.fincopilot.keys.control.IpAllowList;
import io.fincopilot.keys.control.KeySecret;
import io.fincopilot.keys.entity.ApiKey;
import io.fincopilot.platform.problem.ProblemException;
import io.fincopilot.security.Caller;
import io.fincopilot.security.Permission;
import io.fincopilot.tenancy.boundary.Organizations;
import io.fincopilot.tenancy.entity.TenantId;
import io.fincopilot.tenancy.entity.TenantPartition;
import io.fincopilot.security.Role;
import jakarta.annotation.security.RolesAllowed;
import io.fincopilot.security.CredentialCache;
import jakarta.annotation.Resource;
import jakarta.ejb.Stateless;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

/** A tenant's API keys: created (the secret shown once), listed, revoked. */
@Stateless
public class ApiKeys {

    /** A key just made, with the one copy of its secret there will ever be. */
    public record CreatedKey(ApiKey key, String secret) {
    }

    @PersistenceContext(unitName = "fincopilot")
    EntityManager em;

    @Inject
    AuditTrail audit;

    @Inject
    Organizations organizations;

    @Inject
    CredentialCache credentials;

    @Resource
    TransactionSynchronizationRegistry transactions;

    @RolesAllowed(Permission.KEYS_MANAGE_NAME)
    public CreatedKey create(TenantId tenant, Caller by, String sourceIp, NewKey request) {
        Set<String> scopes = scopes(request.scopes());
        List<String> ipAllowList = request.ipAllowList() == null ? List.of()
                : request.ipAllowList().stream().map(String::trim).toList();
        for (String entry : ipAllowList) {
            try {
                IpAllowList.validate(entry);
            } catch (IllegalArgumentException e) {
                throw ProblemException.badRequest("ipAllowList: " + e.getMessage());
            }
        }
        Instant now = Instant.now(Clock.systemUTC());
        if (request.expiresAt() != null && !request.expiresAt().isAfter(now)) {
            throw ProblemException.badRequest("expiresAt must be in the future");
        }
        int planLimit = organizations.standing(tenant).orElseThrow().rateLimitPerMinute();
        if (request.rateLimitPerMinute() != null && request.rateLimitPerMinute() > planLimit) {
            throw ProblemException.badRequest("rateLimitPerMinute may only lower the plan's limit of " + planLimit);
        }
        KeySecret secret = KeySecret.generate();
        ApiKey key = new ApiKey(secret.prefix(), secret.hash(), request.name().trim(), scopes, ipAllowList,
                request.rateLimitPerMinute(), request.expiresAt(), by.username(), now);
        TenantPartition.bind(em, tenant).persist(key);
        audit.record(tenant.value(), act(by, sourceIp, "key.created", key,
                Map.of("name", key.name(), "scopes", String.join(" ", scopes))));
        return new CreatedKey(key, secret.token());
    }

    @RolesAllowed(Permission.KEYS_MANAGE_NAME)
    public List<ApiKey> all(TenantId tenant) {
        return TenantPartition.bind(em, tenant).createNamedQuery(ApiKey.ALL, ApiKey.class).getResultList();
    }

    @RolesAllowed(Permission.KEYS_MANAGE_NAME)
    public ApiKey get(TenantId tenant, UUID id) {
        ApiKey key = TenantPartition.bind(em, tenant).find(ApiKey.class, id);
        if (key == null) {
            throw ProblemException.notFound("API key " + id);
        }
        return key;
    }

    /** Revokes a key at once; revoking a revoked key changes nothing. */
    @RolesAllowed(Permission.KEYS_MANAGE_NAME)
    public ApiKey revoke(TenantId tenant, UUID id, Caller by, String sourceIp) {
        ApiKey key = get(tenant, id);
        credentials.forgetKey(transactions, key.prefix());
        if (key.revoke(by.username(), Instant.now(Clock.systemUTC()))) {
            audit.record(tenant.value(), act(by, sourceIp, "key.revoked", key, Map.of("name", key.name())));
        }
        return key;
    }

    /** A tenant's keys as support sees them (never a secret: only hashes are stored); the look is audited. */
    @RolesAllowed({Role.PLATFORM_ADMIN_NAME, Role.SUPPORT_NAME})
    public List<ApiKey> lookUp(TenantId tenant, Caller by, String sourceIp) {
        if (organizations.standing(tenant).isEmpty()) {
            throw ProblemException.notFound("organization " + tenant);
        }
        audit.record(tenant.value(), new Act(by.actor(), by.kind().name().toLowerCase(), "support.keys-viewed",
                "organization:" + tenant, sourceIp, Act.Outcome.SUCCESS, Map.of()));
        return all(tenant);
    }

    private static Set<String> scopes(Set<String> requested) {
        Set<String> unknown = new TreeSet<>();
        Set<String> scopes = new LinkedHashSet<>();
        for (String scope : requested) {
            Permission.fromScope(scope.trim()).filter(Permission::grantableToKeys)
                    .ifPresentOrElse(p -> scopes.add(p.scope()), () -> unknown.add(scope));
        }
        if (!unknown.isEmpty()) {
            throw ProblemException.badRequest("unknown or non-grantable scopes " + unknown + "; keys may have "
                    + Permission.keyScopes().stream().map(Permission::scope).toList());
        }
        return scopes;
    }

    private static Act act(Caller by, String sourceIp, String action, ApiKey key, Map<String, ?> details) {
        return new Act(by.actor(), by.kind().name().toLowerCase(), action, "key:" + key.prefix(), sourceIp,
                Act.Outcome.SUCCESS, details);
    }
}
