package io.fincopilot.tenancy.boundary;

import io.fincopilot.platform.problem.Problem;
import io.fincopilot.platform.problem.ProblemException;
import io.fincopilot.security.Caller;
import io.fincopilot.security.Role;
import io.fincopilot.tenancy.entity.Person;
import io.fincopilot.tenancy.entity.TenantId;
import io.fincopilot.tenancy.entity.TenantPartition;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The mirror of a tenant's Keycloak membership. It is what every request of a person is checked
 * against: a removed person is refused and a role changed here applies at once, even while the
 * person still holds a token issued before the change.
 */
@Stateless
public class People {

    @PersistenceContext(unitName = "fincopilot")
    EntityManager em;

    /** Checks a person's membership on a request, and answers the caller with the current role. */
    public Caller admit(TenantId tenant, Caller caller) {
        TenantPartition.bind(em, tenant);
        Instant now = Instant.now(Clock.systemUTC());
        String tokenRole = caller.tenantRole().map(Role::claim).orElse("none");
        Optional<Person> existing = bySubject(caller.subject());
        if (existing.isEmpty()) {
            em.persist(new Person(caller.subject(), caller.username(), caller.email(), tokenRole, now));
            return caller;
        }
        Person person = existing.get();
        if (person.removed()) {
            throw new ProblemException(Problem.of(401, "membership-removed", "Membership removed",
                    "you are no longer a member of this organization"));
        }
        person.seen(now);
        boolean tokenIsNewer = person.roleChangedAt() == null
                || caller.issuedAt() != null && caller.issuedAt().isAfter(person.roleChangedAt());
        if (tokenIsNewer) {
            if (!tokenRole.equals(person.role())) {
                person.roleFromToken(tokenRole);
            }
            return caller;
        }
        return Role.fromClaim(person.role()).map(caller::withTenantRole).orElse(caller.withoutTenantRole());
    }

    public List<Person> all(TenantId tenant) {
        return TenantPartition.bind(em, tenant).createNamedQuery(Person.ALL, Person.class).getResultList();
    }

    public Person get(TenantId tenant, UUID id) {
        Person person = TenantPartition.bind(em, tenant).find(Person.class, id);
        if (person == null || person.removed()) {
            throw ProblemException.notFound("person " + id);
        }
        return person;
    }

    private Optional<Person> bySubject(String subject) {
        return em.createNamedQuery(Person.BY_SUBJECT, Person.class).setParameter("subject", subject)
                .getResultList().stream().findFirst();
    }
}
