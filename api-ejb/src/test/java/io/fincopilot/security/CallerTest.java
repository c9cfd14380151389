package io.fincopilot.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fincopilot.tenancy.entity.TenantId;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Role precedence: a person whose token carries several roles acts with the highest tenant role. */
class CallerTest {

    private static final TenantId TENANT = TenantId.parse("3f2504e0-4f89-11d3-9a0c-0305e82c3301");

    private static Caller person(Role... roles) {
        return Caller.fromToken("sub-1", "ana", "ana@example.com", TENANT, Set.of(roles), Caller.Kind.PERSON,
                Instant.parse("2026-11-22T12:00:00Z"));
    }

    @Test
    void tenantAdminOutranksAnalystWhichOutranksViewer() {
        assertEquals(Optional.of(Role.TENANT_ADMIN), person(Role.VIEWER, Role.TENANT_ADMIN).tenantRole());
        assertEquals(Optional.of(Role.TENANT_ADMIN), person(Role.ANALYST, Role.TENANT_ADMIN, Role.VIEWER).tenantRole());
        assertEquals(Optional.of(Role.ANALYST), person(Role.VIEWER, Role.ANALYST).tenantRole());
        assertEquals(Optional.of(Role.VIEWER), person(Role.VIEWER).tenantRole());
    }

    @Test
    void staffRolesAreNoTenantRole() {
        assertEquals(Optional.empty(), person(Role.PLATFORM_ADMIN, Role.SUPPORT, Role.BILLING).tenantRole());
        assertEquals(Optional.of(Role.VIEWER), person(Role.PLATFORM_ADMIN, Role.VIEWER).tenantRole());
    }

    @Test
    void permissionsAreThoseOfTheHighestRole() {
        assertEquals(Permission.of(Role.TENANT_ADMIN), person(Role.VIEWER, Role.TENANT_ADMIN).permissions());
        assertEquals(Permission.of(Role.ANALYST), person(Role.VIEWER, Role.ANALYST).permissions());
        assertEquals(Set.of(Permission.DOCUMENTS_READ, Permission.ASK), person(Role.VIEWER).permissions());
        assertEquals(Set.of(), person(Role.PLATFORM_ADMIN, Role.SUPPORT).permissions(), "staff hold no tenant permission");
    }

    @Test
    void theRolesNestSoNoLowerRoleAddsAPermission() {
        assertTrue(Permission.of(Role.ANALYST).containsAll(Permission.of(Role.VIEWER)));
        assertTrue(Permission.of(Role.TENANT_ADMIN).containsAll(Permission.of(Role.ANALYST)));
    }

    @Test
    void theMembershipsRoleReplacesEveryTenantRoleAndKeepsStaffRoles() {
        Caller replaced = person(Role.TENANT_ADMIN, Role.ANALYST, Role.SUPPORT).withTenantRole(Role.VIEWER);
        assertEquals(Set.of(Role.VIEWER, Role.SUPPORT), replaced.roles());
        assertEquals(Set.of(Permission.DOCUMENTS_READ, Permission.ASK), replaced.permissions());
        assertEquals(Optional.of(Role.VIEWER), replaced.tenantRole());
    }

    @Test
    void aMembershipWithoutRoleLeavesNoTenantPermission() {
        Caller none = person(Role.TENANT_ADMIN, Role.BILLING).withoutTenantRole();
        assertEquals(Set.of(Role.BILLING), none.roles());
        assertEquals(Set.of(), none.permissions());
    }

    @Test
    void theContainerSeesRolesPermissionsAndAuthenticated() {
        assertEquals(Set.of("analyst", "viewer", "documents:read", "documents:write", "ask", "usage:read",
                Permission.AUTHENTICATED), person(Role.ANALYST, Role.VIEWER).groups());
    }
}
