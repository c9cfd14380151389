package io.fincopilot.tenancy.boundary;

import io.fincopilot.persistence.NativeValues;
import io.fincopilot.platform.problem.ProblemException;
import io.fincopilot.security.Caller;
import io.fincopilot.security.Role;
import io.fincopilot.tenancy.entity.Person;
import io.fincopilot.tenancy.entity.TenantId;
import io.fincopilot.tenancy.entity.TenantPartition;
import io.fincopilot.audit.boundary.AuditTrail;
import io.fincopilot.audit.entity.Act;
import io.fincopilot.tenancy.control.KeycloakDirectory;
import io.fincopilot.tenancy.control.Membership;
import io.fincopilot.tenancy.control.UndoOnRollback;
import io.fincopilot.tenancy.entity.Organization;
import io.fincopilot.security.Permission;
import jakarta.annotation.Resource;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.util.Map;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
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

    /** A person just invited, with the one-time password they log in with first. */
    public record Invited(Person person, String temporaryPassword) {
    }

    @PersistenceContext(unitName = "fincopilot")
    EntityManager em;

    @Inject
    KeycloakDirectory keycloak;

    @Inject
    AuditTrail audit;

    @Resource
    TransactionSynchronizationRegistry transactions;

    @RolesAllowed(Permission.PEOPLE_MANAGE_NAME)
    public Invited invite(TenantId tenant, NewPerson request, Caller by, String sourceIp) {
        Organization organization = em.find(Organization.class, tenant.value());
        KeycloakDirectory.Invitee invitee = request.invitee(organization.slug(), Role.VIEWER);
        // The login carries this organization's slug, so only one of its own people can hold it.
        if (keycloak.usernameTaken(invitee.username())) {
            throw ProblemException.conflict("the organization already has a person with the username '"
                    + request.username() + "'");
        }
        KeycloakDirectory.NewAccount account = keycloak.createPerson(tenant, organization.keycloakGroupId(), invitee);
        UndoOnRollback.register(transactions, () -> keycloak.deleteQuietly(account.userId()));
        Person person = Person.invited(account.userId(), invitee.username(), invitee.email(), invitee.role().claim(),
                Instant.now(Clock.systemUTC()));
        TenantPartition.bind(em, tenant).persist(person);
        audit.record(tenant.value(), act(by, sourceIp, "person.invited", person, Map.of("role", person.role())));
        return new Invited(person, account.temporaryPassword());
    }

    @RolesAllowed(Permission.PEOPLE_MANAGE_NAME)
    public Person changeRole(TenantId tenant, UUID id, Role role, Caller by, String sourceIp) {
        if (!role.tenantRole()) {
            throw ProblemException.badRequest("role must be tenant-admin, analyst or viewer");
        }
        Person person = get(tenant, id);
        String previous = person.role();
        if (previous.equals(role.claim())) {
            return person;
        }
        if (Role.TENANT_ADMIN.claim().equals(previous)) {
            requireAnotherAdmin(tenant, person);
        }
        person.changeRole(role.claim(), Instant.now(Clock.systemUTC()));
        keycloak.setTenantRole(person.keycloakUserId(), role);
        UndoOnRollback.register(transactions, () -> Role.fromClaim(previous)
                .ifPresent(r -> keycloak.setTenantRoleQuietly(person.keycloakUserId(), r)));
        audit.record(tenant.value(), act(by, sourceIp, "person.role-changed", person,
                Map.of("from", previous, "to", role.claim())));
        return person;
    }

    @RolesAllowed(Permission.PEOPLE_MANAGE_NAME)
    public Person remove(TenantId tenant, UUID id, Caller by, String sourceIp) {
        Person person = get(tenant, id);
        if (Role.TENANT_ADMIN.claim().equals(person.role())) {
            requireAnotherAdmin(tenant, person);
        }
        person.remove(Instant.now(Clock.systemUTC()));
        em.flush();
        keycloak.deletePerson(person.keycloakUserId());
        audit.record(tenant.value(), act(by, sourceIp, "person.removed", person, Map.of("role", person.role())));
        return person;
    }

    /** An organization must keep at least one tenant admin, or nobody could manage it. */
    private void requireAnotherAdmin(TenantId tenant, Person leaving) {
        boolean another = all(tenant).stream()
                .anyMatch(p -> !p.id().equals(leaving.id()) && Role.TENANT_ADMIN.claim().equals(p.role()));
        if (!another) {
            throw ProblemException.conflict("this is the organization's last tenant admin; make someone else "
                    + "tenant admin first");
        }
    }

    private static Act act(Caller by, String sourceIp, String action, Person person, Map<String, ?> details) {
        return new Act(by.actor(), by.kind().name().toLowerCase(), action, Caller.personTarget(person.id()), sourceIp,
                Act.Outcome.SUCCESS, details);
    }

    /** Checks a person's membership on a request, and answers the caller with the current role. */
    // Admission calls it for every person's request, before the container knows the caller.
    @PermitAll
    public Caller admit(TenantId tenant, Caller caller) {
        TenantPartition.bind(em, tenant);
        Instant now = Instant.now(Clock.systemUTC());
        Optional<Person> existing = bySubject(caller.subject());
        if (existing.isEmpty()) {
            return caller.withPerson(firstSeen(tenant, caller, Membership.tokenRole(caller), now));
        }
        return Membership.admit(existing.get(), caller, now);
    }

    /**
     * Mirrors a person seen for the first time. Parallel first requests of the same person race to
     * insert; the unique (tenant, subject) constraint lets one win and the others do nothing. Answers
     * the winner's id.
     */
    private UUID firstSeen(TenantId tenant, Caller caller, String role, Instant now) {
        Person person = new Person(caller.subject(), caller.username(), caller.email(), role, now);
        OffsetDateTime at = NativeValues.timestamptz(now);
        em.createNativeQuery("insert into people (id, tenant_id, subject, username, email, role, first_seen_at, "
                + "last_seen_at, status) values (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, 'ACTIVE') "
                + "on conflict (tenant_id, subject) do nothing")
                .setParameter(1, person.id()).setParameter(2, tenant.value()).setParameter(3, person.subject())
                .setParameter(4, person.username()).setParameter(5, person.email()).setParameter(6, role)
                .setParameter(7, at).setParameter(8, at).executeUpdate();
        return NativeValues.uuid(em.createNativeQuery("select id from people where tenant_id = ?1 and subject = ?2")
                .setParameter(1, tenant.value()).setParameter(2, person.subject()).getSingleResult());
    }

    @RolesAllowed(Permission.PEOPLE_MANAGE_NAME)
    public List<Person> all(TenantId tenant) {
        return TenantPartition.bind(em, tenant).createNamedQuery(Person.ALL, Person.class).getResultList();
    }

    @RolesAllowed(Permission.PEOPLE_MANAGE_NAME)
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
