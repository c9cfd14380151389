package io.fincopilot.security;

import io.fincopilot.tenancy.entity.TenantId;
import java.io.Serializable;
import java.time.Instant;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Who is calling, as established from a verified credential. The tenant comes from here and from
 * nowhere else: never from a header, a path or a body.
 *
 * @param subject     Keycloak's user id, or the API key's id
 * @param username    the person's username, {@code service-account-...}, or {@code key:<prefix>}
 * @param issuedAt    when the credential was issued (tokens), to order it against role changes
 * @param permissions what the caller may do on the tenant API (from roles, or the key's scopes)
 * @param person      the person's membership id in the tenant once admitted (their audit pseudonym), else null
 */
public record Caller(String subject, String username, String email, TenantId tenant, Set<Role> roles,
        Set<Permission> permissions, Kind kind, Instant issuedAt, UUID person) implements Serializable {

    public enum Kind { PERSON, SERVICE_ACCOUNT, API_KEY }

    public static final String PSEUDONYM_PREFIX = "p:";

    public Caller {
        roles = roles.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(roles));
        permissions = permissions.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(permissions));
    }

    /** A caller from a token: permissions follow from the roles. */
    public static Caller fromToken(String subject, String username, String email, TenantId tenant, Set<Role> roles,
            Kind kind, Instant issuedAt) {
        EnumSet<Permission> permissions = EnumSet.noneOf(Permission.class);
        roles.forEach(r -> permissions.addAll(Permission.of(r)));
        return new Caller(subject, username, email, tenant, roles, permissions, kind, issuedAt, null);
    }

    /** The same caller, known as the given membership of its tenant. */
    public Caller withPerson(UUID membership) {
        return new Caller(subject, username, email, tenant, roles, permissions, kind, issuedAt, membership);
    }

    public Optional<TenantId> tenantId() {
        return Optional.ofNullable(tenant);
    }

    public boolean has(Role role) {
        return roles.contains(role);
    }

    /** The tenant role that decides what the person may do in the tenant console. */
    public Optional<Role> tenantRole() {
        return roles.stream().filter(Role::tenantRole).min(Comparator.naturalOrder());
    }

    /** The same caller with its tenant role replaced (the membership's current role wins over the token's). */
    public Caller withTenantRole(Role role) {
        Set<Role> newRoles = roles.stream().filter(r -> !r.tenantRole()).collect(Collectors.toCollection(HashSet::new));
        newRoles.add(role);
        return fromToken(subject, username, email, tenant, newRoles, kind, issuedAt).withPerson(person);
    }

    /** The same caller with no tenant role at all (a membership without one). */
    public Caller withoutTenantRole() {
        Set<Role> newRoles = roles.stream().filter(r -> !r.tenantRole()).collect(Collectors.toSet());
        return fromToken(subject, username, email, tenant, newRoles, kind, issuedAt).withPerson(person);
    }

    public Set<String> roleNames() {
        return roles.stream().map(Role::claim).collect(Collectors.toUnmodifiableSet());
    }

    /** The groups the container sees: roles, permissions, and {@value Permission#AUTHENTICATED}. */
    public Set<String> groups() {
        Set<String> groups = new HashSet<>(roleNames());
        permissions.forEach(p -> groups.add(p.scope()));
        groups.add(Permission.AUTHENTICATED);
        return Set.copyOf(groups);
    }

    /**
     * How the audit trail names this caller: a member of the tenant by the pseudonym {@code p:<membership id>}
     * (decision 76: erasing the person erases what maps it to a name, and the chain still verifies); keys,
     * service accounts and platform staff by their username.
     */
    public String actor() {
        return person == null ? username : pseudonym(person);
    }

    /** How the audit trail names a member acted on: by pseudonym, never by name (decision 76). */
    public static String personTarget(UUID membership) {
        return "person:" + pseudonym(membership);
    }

    /** The audit trail's name for a member of a tenant. */
    public static String pseudonym(UUID membership) {
        return PSEUDONYM_PREFIX + membership;
    }
}
