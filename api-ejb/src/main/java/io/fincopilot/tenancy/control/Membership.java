package io.fincopilot.tenancy.control;

import io.fincopilot.platform.problem.Problem;
import io.fincopilot.platform.problem.ProblemException;
import io.fincopilot.security.Caller;
import io.fincopilot.security.Role;
import io.fincopilot.tenancy.entity.Person;
import java.time.Instant;

/**
 * A person's request held against their membership (docs/decisions.md, entry 17): a removed person
 * is refused, and the membership's role wins over the token's unless the token was issued after the
 * last role change made through FinCopilot; then someone changed the role in Keycloak directly, and
 * the mirror follows the token.
 */
public final class Membership {

    /** The role a person's mirror records when their token carries no tenant role. */
    public static final String NO_ROLE = "none";

    private Membership() {
    }

    /** The tenant role a token carries, the highest where it carries several. */
    public static String tokenRole(Caller caller) {
        return caller.tenantRole().map(Role::claim).orElse(NO_ROLE);
    }

    /** Admits a person already mirrored, noting the visit; answers the caller with the role that applies now. */
    public static Caller admit(Person person, Caller verified, Instant now) {
        Caller caller = verified.withPerson(person.id());
        if (person.removed()) {
            throw new ProblemException(Problem.of(401, "membership-removed", "Membership removed",
                    "you are no longer a member of this organization"));
        }
        person.seen(now);
        boolean tokenIsNewer = person.roleChangedAt() == null
                || caller.issuedAt() != null && caller.issuedAt().isAfter(person.roleChangedAt());
        if (tokenIsNewer) {
            String tokenRole = tokenRole(caller);
            if (!tokenRole.equals(person.role())) {
                person.roleFromToken(tokenRole);
            }
            return caller;
        }
        return Role.fromClaim(person.role()).map(caller::withTenantRole).orElse(caller.withoutTenantRole());
    }
}
