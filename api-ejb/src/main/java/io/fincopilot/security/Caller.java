package io.fincopilot.security;

import io.fincopilot.tenancy.entity.TenantId;
import java.io.Serializable;
import java.time.Instant;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Who is calling, as established from a verified credential. The tenant comes from here and from
 * nowhere else: never from a header, a path or a body.
 *
 * @param subject     Keycloak's user id, or the API key's id
 * @param username    the person's username, {@code service-account-...}, or {@code key:<prefix>}
 * @param issuedAt    when the credential was issued (tokens), to order it against role changes
 * @param permissions what the caller may do on the tenant API (from roles, or the key's scopes)
 */
public record Caller(String subject, String username, String email, TenantId tenant, Set<Role> roles,
        Set<Permission> permissions, Kind kind, Instant issuedAt) implements Serializable {

    public enum Kind { PERSON, SERVICE_ACCOUNT, API_KEY }

    public Caller {
        roles = roles.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(roles));
        permissions = permissions.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(permissions));
    }

    /** A caller from a token: permissions follow from the roles. */
    public static Caller fromToken(String subject, String username, String email, TenantId tenant, Set<Role> roles,
            Kind kind, Instant issuedAt) {
        EnumSet<Permission> permissions = EnumSet.noneOf(Permission.class);
        roles.forEach(r -> permissions.addAll(Permission.of(r)));
        return new Caller(subject, username, email, tenant, roles, permissions, kind, issuedAt);
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
        return fromToken(subject, username, email, tenant, newRoles, kind, issuedAt);
    }

    /** The same caller with no tenant role at all (a membership without one). */
    public Caller withoutTenantRole() {
        Set<Role> newRoles = roles.stream().filter(r -> !r.tenantRole()).collect(Collectors.toSet());
        return fromToken(subject, username, email, tenant, newRoles, kind, issuedAt);
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

    /** How the audit trail names this caller. */
    public String actor() {
        return username;
    }
}
