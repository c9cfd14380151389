package io.fincopilot.tenancy.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fincopilot.platform.problem.Problem;
import io.fincopilot.platform.problem.ProblemException;
import io.fincopilot.tenancy.entity.Organization;
import io.fincopilot.tenancy.entity.OrganizationStatus;
import io.fincopilot.tenancy.entity.Slug;
import java.time.Instant;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Every move of the status matrix: active and suspended alternate, either may close, closed is final. */
class OrganizationLifecycleTest {

    private static final Instant NOW = Instant.parse("2026-11-22T12:00:00Z");

    private static Organization in(OrganizationStatus status) {
        Organization organization = new Organization(new Slug("acme"), "Acme", "standard", NOW.minusSeconds(3600));
        if (status != OrganizationStatus.ACTIVE) {
            organization.changeStatus(status, NOW.minusSeconds(60));
        }
        assertEquals(status, organization.status());
        return organization;
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
        "ACTIVE,    SUSPENDED, organization.suspended",
        "ACTIVE,    CLOSED,    organization.closed",
        "SUSPENDED, ACTIVE,    organization.resumed",
        "SUSPENDED, CLOSED,    organization.closed",
    })
    void allowedMovesChangeTheStatusAndNameTheirAuditAction(OrganizationStatus from, OrganizationStatus to,
            String action) {
        Organization organization = in(from);
        assertEquals(action, OrganizationLifecycle.move(organization, to, NOW));
        assertEquals(to, organization.status());
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
        "ACTIVE,    ACTIVE",
        "SUSPENDED, SUSPENDED",
        "CLOSED,    ACTIVE",
        "CLOSED,    SUSPENDED",
        "CLOSED,    CLOSED",
    })
    void refusedMovesAreConflictsThatNameBothStatusesAndChangeNothing(OrganizationStatus from, OrganizationStatus to) {
        Organization organization = in(from);
        Problem problem = assertThrows(ProblemException.class,
                () -> OrganizationLifecycle.move(organization, to, NOW)).problem();
        assertEquals(409, problem.status());
        assertTrue(problem.type().endsWith("/conflict"), problem.type());
        assertEquals("an organization that is " + from.name().toLowerCase() + " cannot become "
                + to.name().toLowerCase(), problem.detail());
        assertEquals(from, organization.status());
    }
}
