package io.fincopilot.tenancy.control;

import io.fincopilot.platform.problem.ProblemException;
import io.fincopilot.tenancy.entity.Organization;
import io.fincopilot.tenancy.entity.OrganizationStatus;
import java.time.Instant;

/**
 * An organization's moves between active, suspended and closed, as a service makes them: the
 * organization decides which moves it allows (active and suspended alternate, either may close, closed
 * is final), a refused move is a 409 that names both statuses, and each move has its audit action.
 */
public final class OrganizationLifecycle {

    private OrganizationLifecycle() {
    }

    /** Moves the organization to {@code target} and answers the action the audit trail records for it. */
    public static String move(Organization organization, OrganizationStatus target, Instant now) {
        try {
            organization.changeStatus(target, now);
        } catch (IllegalStateException e) {
            throw ProblemException.conflict(e.getMessage());
        }
        return switch (target) {
            case ACTIVE -> "organization.resumed";
            case SUSPENDED -> "organization.suspended";
            case CLOSED -> "organization.closed";
        };
    }
}
