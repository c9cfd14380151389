package io.fincopilot.tenancy.boundary;

import io.fincopilot.audit.boundary.AuditTrail;
import io.fincopilot.audit.entity.Act;
import io.fincopilot.persistence.Constraints;
import io.fincopilot.platform.problem.ProblemException;
import io.fincopilot.security.Caller;
import io.fincopilot.security.CredentialCache;
import io.fincopilot.security.Role;
import io.fincopilot.tenancy.control.KeycloakDirectory;
import io.fincopilot.tenancy.control.OrganizationLifecycle;
import io.fincopilot.tenancy.control.UndoOnRollback;
import io.fincopilot.tenancy.entity.Organization;
import io.fincopilot.tenancy.entity.OrganizationStatus;
import io.fincopilot.tenancy.entity.Person;
import io.fincopilot.tenancy.entity.Slug;
import io.fincopilot.tenancy.entity.TenantId;
import io.fincopilot.tenancy.entity.TenantPartition;
import io.fincopilot.security.Permission;
import jakarta.annotation.Resource;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The platform's organizations (tenants) and their lifecycle. Creating one also makes its group
 * and first tenant admin in Keycloak; if any step fails, the transaction rolls back and what was
 * made in Keycloak is deleted again.
 */
@Stateless
public class Organizations {

    /** What every request of a tenant needs to know about its organization: whether it may come in, and its plan's limit. */
    public record Standing(OrganizationStatus status, String slug, String name, String plan, int rateLimitPerMinute) {
    }

    /** An organization just made, with its first admin's one-time password. */
    public record Created(Organization organization, String adminUsername, String adminTemporaryPassword) {
    }

    @PersistenceContext(unitName = "fincopilot")
    EntityManager em;

    @Inject
    AuditTrail audit;

    @Inject
    KeycloakDirectory keycloak;

    @Resource
    TransactionSynchronizationRegistry transactions;

    @Inject
    CredentialCache credentials;

    @Inject
    io.fincopilot.answers.control.AnswerProviders answerProviders;

    @RolesAllowed({Role.PLATFORM_ADMIN_NAME, Role.SUPPORT_NAME, Role.BILLING_NAME})
    public List<Organization> all() {
        return em.createNamedQuery(Organization.ALL, Organization.class).getResultList();
    }

    /** One organization, for staff; a support person's look is itself audited, on that tenant's chain. */
    @RolesAllowed({Role.PLATFORM_ADMIN_NAME, Role.SUPPORT_NAME, Role.BILLING_NAME})
    public Organization get(TenantId id, Caller by, String sourceIp) {
        Organization organization = find(id).orElseThrow(() -> ProblemException.notFound("organization " + id));
        if (by.has(Role.SUPPORT)) {
            audit.record(id.value(), act(by, sourceIp, "support.organization-viewed", organization, Map.of()));
        }
        return organization;
    }

    /** The caller's own organization, and never another: the tenant comes from the verified credential. */
    @RolesAllowed(Permission.AUTHENTICATED)
    public Optional<Organization> ofCaller(Caller caller) {
        return caller.tenantId().flatMap(this::find);
    }

    private Optional<Organization> find(TenantId id) {
        return Optional.ofNullable(em.find(Organization.class, id.value()));
    }

    /** One indexed read, on every request: the status and the plan's rate limit. */
    // Admission reads it before the caller is logged in, and services of every role read their own tenant's.
    @PermitAll
    public Optional<Standing> standing(TenantId id) {
        List<?> rows = em.createNativeQuery("select o.status, o.slug, o.name, o.plan, p.rate_limit_per_minute from organizations o "
                + "join plans p on p.code = o.plan where o.id = ?1").setParameter(1, id.value()).getResultList();
        return rows.stream().findFirst().map(r -> (Object[]) r).map(row -> new Standing(
                OrganizationStatus.valueOf((String) row[0]), (String) row[1], (String) row[2], (String) row[3],
                ((Number) row[4]).intValue()));
    }

    @RolesAllowed(Role.PLATFORM_ADMIN_NAME)
    public Created create(NewOrganization request, Caller by, String sourceIp) {
        Slug slug = request.validSlug();
        if (em.createNativeQuery("select 1 from plans where code = ?1").setParameter(1, request.plan())
                .getResultList().isEmpty()) {
            throw ProblemException.badRequest("plan '" + request.plan() + "' does not exist");
        }
        if (!em.createNamedQuery(Organization.BY_SLUG, Organization.class).setParameter("slug", slug.value())
                .getResultList().isEmpty()) {
            throw ProblemException.conflict("an organization with slug '" + slug + "' already exists");
        }
        KeycloakDirectory.Invitee admin = request.admin().invitee(slug, Role.TENANT_ADMIN);
        if (keycloak.usernameTaken(admin.username())) { // left behind by an organization of the same slug
            throw ProblemException.conflict("Keycloak already has an account '" + admin.username() + "'");
        }
        Instant now = Instant.now(Clock.systemUTC());
        Organization organization = new Organization(slug, request.name().trim(), request.plan(), now);
        try {
            em.persist(organization);
            em.flush();
        } catch (PersistenceException e) {
            // Lost a race with a concurrent create of the same slug: the unique constraint decides.
            if (Constraints.isUniqueViolation(e, "organizations_slug_key")) {
                throw ProblemException.conflict("an organization with slug '" + slug + "' already exists");
            }
            throw e;
        }
        String groupId = keycloak.createTenantGroup(slug.value(), organization.id());
        UndoOnRollback.register(transactions, () -> keycloak.deleteGroupQuietly(groupId));
        KeycloakDirectory.NewAccount account = keycloak.createPerson(organization.id(), groupId, admin);
        UndoOnRollback.register(transactions, () -> keycloak.deleteQuietly(account.userId()));
        organization.provisioned(groupId);
        Person firstAdmin = Person.invited(account.userId(), admin.username(), admin.email(), admin.role().claim(), now);
        TenantPartition.bind(em, organization.id()).persist(firstAdmin);
        audit.record(organization.id().value(), act(by, sourceIp, "organization.created", organization,
                Map.of("name", organization.name(), "plan", organization.plan(), "admin", Caller.personTarget(firstAdmin.id()))));
        return new Created(organization, admin.username(), account.temporaryPassword());
    }

    /**
     * Where the organization's questions are answered: one of the providers this platform has
     * configured, or null for the platform's choice. Audited on the organization's chain.
     */
    @RolesAllowed(Role.PLATFORM_ADMIN_NAME)
    public Organization answerWith(TenantId id, AnswerProviderChoice choice, Caller by, String sourceIp) {
        String provider = choice == null || choice.provider() == null || choice.provider().isBlank() ? null : choice.provider().strip();
        if (provider != null && !answerProviders.available().contains(provider)) {
            throw ProblemException.badRequest("provider must be one this platform has configured: "
                    + String.join(", ", answerProviders.available()) + " (or null for the platform's)");
        }
        Organization organization = Optional.ofNullable(em.find(Organization.class, id.value(), LockModeType.PESSIMISTIC_WRITE))
                .orElseThrow(() -> ProblemException.notFound("organization " + id));
        organization.answerWith(provider);
        audit.record(id.value(), act(by, sourceIp, "organization.answer-provider-set", organization,
                Map.of("provider", provider == null ? "platform default" : provider)));
        return organization;
    }

    /**
     * Moves the organization to another plan: its limits and quotas apply from its next request (on
     * every instance within a second), and the month's invoice shows each plan for the days it
     * applied. Audited on the organization's chain.
     */
    @RolesAllowed(Role.PLATFORM_ADMIN_NAME)
    public Organization changePlan(TenantId id, PlanChoice choice, Caller by, String sourceIp) {
        String plan = choice.plan().strip().toLowerCase(java.util.Locale.ROOT);
        if (em.createNativeQuery("select 1 from plans where code = ?1").setParameter(1, plan).getResultList().isEmpty()) {
            throw ProblemException.badRequest("plan '" + plan + "' does not exist");
        }
        Organization organization = Optional.ofNullable(em.find(Organization.class, id.value(), LockModeType.PESSIMISTIC_WRITE))
                .orElseThrow(() -> ProblemException.notFound("organization " + id));
        String before = organization.plan();
        if (!before.equals(plan)) {
            organization.movePlan(plan);
            audit.record(id.value(), act(by, sourceIp, "organization.plan-changed", organization,
                    Map.of("from", before, "to", plan)));
            credentials.forgetTenant(transactions, id);
        }
        return organization;
    }

    /** Its people and keys are refused until it is resumed; its data stays. */
    @RolesAllowed({Role.PLATFORM_ADMIN_NAME, Role.SUPPORT_NAME})
    public Organization suspend(TenantId id, Caller by, String sourceIp) {
        return changeStatus(id, OrganizationStatus.SUSPENDED, by, sourceIp);
    }

    @RolesAllowed({Role.PLATFORM_ADMIN_NAME, Role.SUPPORT_NAME})
    public Organization resume(TenantId id, Caller by, String sourceIp) {
        return changeStatus(id, OrganizationStatus.ACTIVE, by, sourceIp);
    }

    /** For good: keys revoked, accounts disabled, data kept. */
    @RolesAllowed(Role.PLATFORM_ADMIN_NAME)
    public Organization close(TenantId id, Caller by, String sourceIp) {
        return changeStatus(id, OrganizationStatus.CLOSED, by, sourceIp);
    }

    private Organization changeStatus(TenantId id, OrganizationStatus target, Caller by, String sourceIp) {
        // Read and locked in PostgreSQL, never from the shared cache: concurrent moves see each other.
        Organization organization = Optional.ofNullable(em.find(Organization.class, id.value(),
                LockModeType.PESSIMISTIC_WRITE)).orElseThrow(() -> ProblemException.notFound("organization " + id));
        String action = OrganizationLifecycle.move(organization, target, Instant.now(Clock.systemUTC()));
        if (target == OrganizationStatus.CLOSED) {
            revokeAccess(organization);
        }
        audit.record(id.value(), act(by, sourceIp, action, organization, Map.of()));
        credentials.forgetTenant(transactions, id);
        return organization;
    }

    /** A closed organization's keys are revoked and its people's accounts disabled; its data stays. */
    private void revokeAccess(Organization organization) {
        em.createNativeQuery("update api_keys set revoked_at = now(), revoked_by = 'organization closed' "
                + "where tenant_id = ?1 and revoked_at is null").setParameter(1, organization.id().value()).executeUpdate();
        if (organization.keycloakGroupId() != null) {
            for (String userId : keycloak.groupMembers(organization.keycloakGroupId())) {
                keycloak.setEnabled(userId, false);
                UndoOnRollback.register(transactions, () -> keycloak.setEnabledQuietly(userId, true));
            }
        }
    }

    private static Act act(Caller by, String sourceIp, String action, Organization organization, Map<String, ?> details) {
        return new Act(by.actor(), by.kind().name().toLowerCase(), action, "organization:" + organization.slug(),
                sourceIp, Act.Outcome.SUCCESS, details);
    }
}
