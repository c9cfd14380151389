package io.fincopilot.security;

import io.fincopilot.tenancy.entity.TenantId;
import java.io.Serializable;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

/**
 * Who is calling, as established from a verified credential. The tenant comes from here and from
 * nowhere else: never from a header, a path or a body.
 */
public record Caller(String subject, String username, String email, TenantId tenant, Set<Role> roles,
        Kind kind) implements Serializable {

    public enum Kind { PERSON, SERVICE_ACCOUNT }

    public Caller {
        roles = roles.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(roles));
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

    public Set<String> roleNames() {
        return roles.stream().map(Role::claim).collect(java.util.stream.Collectors.toUnmodifiableSet());
    }
}
