package io.fincopilot.tenancy.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fincopilot.platform.problem.Problem;
import io.fincopilot.platform.problem.ProblemException;
import io.fincopilot.security.Caller;
import io.fincopilot.security.Permission;
import io.fincopilot.security.Role;
import io.fincopilot.tenancy.entity.Person;
import io.fincopilot.tenancy.entity.TenantId;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * A person's request against their membership: removed people are refused, and the membership's role
 * wins over the token's unless the token is newer than the last role change made through FinCopilot.
 */
class MembershipTest {

    private static final TenantId TENANT = TenantId.parse("3f2504e0-4f89-11d3-9a0c-0305e82c3301");
    private static final Instant CHANGED = Instant.parse("2026-11-22T12:00:00Z");
    private static final Instant NOW = CHANGED.plusSeconds(3600);

    private static Caller token(Instant issuedAt, Role... roles) {
        return Caller.fromToken("sub-1", "ana", "ana@example.com", TENANT, Set.of(roles), Caller.Kind.PERSON, issuedAt);
    }

    /** A person whose role was last changed through FinCopilot at {@link #CHANGED}. */
    private static Person changedHere(String role) {
        Person person = Person.invited("sub-1", "ana", "ana@example.com", Role.TENANT_ADMIN.claim(), CHANGED.minusSeconds(60));
        person.changeRole(role, CHANGED);
        return person;
    }

    @Test
    void aRemovedPersonIsRefusedEvenWithAFreshToken() {
        Person person = changedHere("analyst");
        person.remove(CHANGED);
        Problem problem = assertThrows(ProblemException.class,
                () -> Membership.admit(person, token(NOW, Role.TENANT_ADMIN), NOW)).problem();
        assertEquals(401, problem.status());
        assertTrue(problem.type().endsWith("/membership-removed"), problem.type());
    }

    @Test
    void aRoleChangedHereWinsOverAnOlderToken() {
        Person person = changedHere("viewer");
        Caller admitted = Membership.admit(person, token(CHANGED.minusSeconds(1), Role.TENANT_ADMIN), NOW);
        assertEquals(Optional.of(Role.VIEWER), admitted.tenantRole());
        assertEquals(Set.of(Permission.DOCUMENTS_READ, Permission.ASK), admitted.permissions());
        assertEquals("viewer", person.role(), "the membership is not rewritten by the stale token");
    }

    @Test
    void aTokenIssuedAtTheVeryInstantOfTheChangeIsNotNewer() {
        Caller admitted = Membership.admit(changedHere("viewer"), token(CHANGED, Role.TENANT_ADMIN), NOW);
        assertEquals(Optional.of(Role.VIEWER), admitted.tenantRole());
    }

    @Test
    void aTokenWithoutIssueTimeCannotOutrankTheMembership() {
        Caller admitted = Membership.admit(changedHere("analyst"), token(null, Role.TENANT_ADMIN), NOW);
        assertEquals(Optional.of(Role.ANALYST), admitted.tenantRole());
    }

    @Test
    void aTokenIssuedAfterTheChangeWinsAndTheMirrorFollowsIt() {
        Person person = changedHere("viewer");
        Caller token = token(CHANGED.plusSeconds(1), Role.ANALYST);
        assertEquals(token.withPerson(person.id()), Membership.admit(person, token, NOW), "the token, known by the membership");
        assertEquals("analyst", person.role(), "someone changed the role in Keycloak directly");
    }

    @Test
    void aMembershipNeverChangedHereFollowsTheToken() {
        Person person = new Person("sub-1", "ana", "ana@example.com", "viewer", CHANGED);
        Caller token = token(null, Role.TENANT_ADMIN, Role.VIEWER);
        assertEquals(token.withPerson(person.id()), Membership.admit(person, token, NOW), "the token, known by the membership");
        assertEquals("tenant-admin", person.role(), "the mirror records the token's highest role");
    }

    @Test
    void anAdmittedPersonIsNamedInTheTrailByTheirMembershipsPseudonym() {
        Person person = changedHere("analyst");
        Caller admitted = Membership.admit(person, token(null, Role.ANALYST), NOW);
        assertEquals(person.id(), admitted.person());
        assertEquals("p:" + person.id(), admitted.actor(), "never their username");
        assertEquals("ana", admitted.username());
    }

    @Test
    void theMembershipsRoleReplacesEveryTenantRoleOfTheTokenAndKeepsStaffRoles() {
        Caller admitted = Membership.admit(changedHere("analyst"),
                token(CHANGED.minusSeconds(1), Role.TENANT_ADMIN, Role.VIEWER, Role.SUPPORT), NOW);
        assertEquals(Set.of(Role.ANALYST, Role.SUPPORT), admitted.roles());
    }

    @Test
    void aMembershipWithoutATenantRoleLeavesTheTokenNone() {
        Caller admitted = Membership.admit(changedHere(Membership.NO_ROLE), token(CHANGED.minusSeconds(1), Role.TENANT_ADMIN),
                NOW);
        assertEquals(Optional.empty(), admitted.tenantRole());
        assertEquals(Set.of(), admitted.permissions());
    }

    @Test
    void aTokenWithoutTenantRoleIsMirroredAsNone() {
        assertEquals(Membership.NO_ROLE, Membership.tokenRole(token(NOW, Role.SUPPORT)));
        assertEquals("analyst", Membership.tokenRole(token(NOW, Role.VIEWER, Role.ANALYST)));
    }

    @Test
    void aVisitIsNotedAtMostOnceAMinute() {
        Person person = new Person("sub-1", "ana", "ana@example.com", "viewer", CHANGED);
        Membership.admit(person, token(null, Role.VIEWER), CHANGED.plusSeconds(60));
        assertEquals(CHANGED, person.lastSeenAt());
        Membership.admit(person, token(null, Role.VIEWER), CHANGED.plusSeconds(61));
        assertEquals(CHANGED.plusSeconds(61), person.lastSeenAt());
    }
}
