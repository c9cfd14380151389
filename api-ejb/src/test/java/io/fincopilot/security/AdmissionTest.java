package io.fincopilot.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fincopilot.platform.problem.Problem;
import io.fincopilot.platform.problem.ProblemException;
import io.fincopilot.tenancy.boundary.Organizations.Standing;
import io.fincopilot.tenancy.entity.OrganizationStatus;
import io.fincopilot.tenancy.entity.TenantId;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** What admission decides from the rows it read: the organization's standing, and an API key's own row. */
class AdmissionTest {

    private static final TenantId TENANT = TenantId.parse("3f2504e0-4f89-11d3-9a0c-0305e82c3301");
    private static final Instant NOW = Instant.parse("2026-11-22T12:00:00Z");
    private static final Standing ACTIVE = new Standing(OrganizationStatus.ACTIVE, "acme", "Acme", "pro", 120);

    private static Problem refusal(Optional<Standing> standing) {
        return assertThrows(ProblemException.class, () -> Admission.admissible(standing)).problem();
    }

    private static Admission.StoredKey key(String scopes, String ipAllowList, Instant expiresAt, Integer ownLimit) {
        return new Admission.StoredKey(UUID.fromString("00000000-0000-0000-0000-0000000000aa"), TENANT, "hash", scopes,
                ipAllowList, expiresAt, false, ownLimit, null, ACTIVE);
    }

    @Test
    void anActiveOrganizationIsAdmittedWithItsPlansLimit() {
        assertEquals(ACTIVE, Admission.admissible(Optional.of(ACTIVE)));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"SUSPENDED, tenant-suspended, is suspended", "CLOSED, tenant-closed, is closed"})
    void aSuspendedOrClosedOrganizationIsRefusedWith403SayingWhy(OrganizationStatus status, String type, String why) {
        Problem problem = refusal(Optional.of(new Standing(status, "acme", "Acme", "pro", 120)));
        assertEquals(403, problem.status());
        assertTrue(problem.type().endsWith("/" + type), problem.type());
        assertTrue(problem.detail().contains("'acme' " + why), problem.detail());
    }

    @Test
    void aCredentialNamingNoKnownOrganizationIsUnauthenticated() {
        Problem problem = refusal(Optional.empty());
        assertEquals(401, problem.status());
        assertTrue(problem.type().endsWith("/unknown-tenant"), problem.type());
    }

    @Test
    void aKeyExpiresAtTheInstantItsExpiryNames() {
        assertFalse(key("ask", null, null, null).expired(NOW), "a key without expiry never expires");
        assertFalse(key("ask", null, NOW.plusMillis(1), null).expired(NOW));
        assertTrue(key("ask", null, NOW, null).expired(NOW));
        assertTrue(key("ask", null, NOW.minusSeconds(1), null).expired(NOW));
    }

    @Test
    void aKeysAllowListIsHeldAgainstTheConnectionsAddress() {
        assertTrue(key("ask", null, null, null).allows("198.51.100.9"), "no list: any address");
        Admission.StoredKey listed = key("ask", "203.0.113.7,10.0.0.0/8", null, null);
        assertTrue(listed.allows("203.0.113.7"));
        assertTrue(listed.allows("10.1.2.3"));
        assertFalse(listed.allows("198.51.100.9"));
    }

    @Test
    void aKeysOwnLimitCanOnlyBeLowerThanItsPlans() {
        assertEquals(120, key("ask", null, null, null).limitPerMinute(), "no own limit: the plan's");
        assertEquals(30, key("ask", null, null, 30).limitPerMinute());
        assertEquals(120, key("ask", null, null, 500).limitPerMinute(), "a higher own limit gives no more");
    }

    @Test
    void aKeyIsACallerWithItsScopesAsPermissionsAndNoRole() {
        Caller caller = key("documents:read ask", null, null, null).caller("key:abc");
        assertEquals(Set.of(Permission.DOCUMENTS_READ, Permission.ASK), caller.permissions());
        assertEquals(Set.of(), caller.roles());
        assertEquals(Caller.Kind.API_KEY, caller.kind());
        assertEquals(TENANT, caller.tenant());
        assertEquals("key:abc", caller.actor());
        assertEquals("00000000-0000-0000-0000-0000000000aa", caller.subject());
        assertNull(caller.issuedAt());
        assertEquals(Set.of("documents:read", "ask", Permission.AUTHENTICATED), caller.groups());
    }

    @Test
    void aKeyNeverManagesKeysOrPeopleWhateverItsRowSays() {
        Caller caller = key("keys:manage people:manage audit:read retired:scope", null, null, null).caller("key:abc");
        assertEquals(EnumSet.of(Permission.AUDIT_READ), EnumSet.copyOf(caller.permissions()));
    }
}
