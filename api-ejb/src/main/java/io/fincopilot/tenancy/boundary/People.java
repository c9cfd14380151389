package io.fincopilot.tenancy.boundary;

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

/** The mirror of a tenant's Keycloak membership, refreshed whenever a person is seen. */
@Stateless
public class People {

    @PersistenceContext(unitName = "fincopilot")
    EntityManager em;

    /** Records that a person of the tenant was seen with these attributes, and answers the mirror row. */
    public Person seen(TenantId tenant, Caller caller) {
        TenantPartition.bind(em, tenant);
        String role = caller.tenantRole().map(Role::claim).orElse("none");
        Instant now = Instant.now(Clock.systemUTC());
        List<Person> existing = em.createNamedQuery(Person.BY_SUBJECT, Person.class)
                .setParameter("subject", caller.subject()).getResultList();
        if (existing.isEmpty()) {
            Person person = new Person(caller.subject(), caller.username(), caller.email(), role, now);
            em.persist(person);
            return person;
        }
        Person person = existing.get(0);
        person.seen(caller.username(), caller.email(), role, now);
        return person;
    }

    public List<Person> all(TenantId tenant) {
        return TenantPartition.bind(em, tenant).createNamedQuery(Person.ALL, Person.class).getResultList();
    }
}
