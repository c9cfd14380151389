package io.fincopilot.tenancy.boundary;

import io.fincopilot.persistence.Constraints;
import io.fincopilot.platform.problem.ProblemException;
import io.fincopilot.tenancy.entity.Organization;
import io.fincopilot.tenancy.entity.Slug;
import io.fincopilot.tenancy.entity.TenantId;
import io.fincopilot.audit.boundary.AuditTrail;
import io.fincopilot.audit.entity.Act;
import io.fincopilot.security.Caller;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.util.Map;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.PersistenceException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** The platform's organizations (tenants). */
@Stateless
public class Organizations {

    @PersistenceContext(unitName = "fincopilot")
    EntityManager em;

    @Inject
    AuditTrail audit;

    public List<Organization> all() {
        return em.createNamedQuery(Organization.ALL, Organization.class).getResultList();
    }

    public Optional<Organization> find(TenantId id) {
        return Optional.ofNullable(em.find(Organization.class, id.value()));
    }

    public Organization create(NewOrganization request, Caller by, String sourceIp) {
        Slug slug = request.validSlug();
        boolean taken = !em.createNamedQuery(Organization.BY_SLUG, Organization.class)
                .setParameter("slug", slug.value()).getResultList().isEmpty();
        if (taken) {
            throw ProblemException.conflict("an organization with slug '" + slug + "' already exists");
        }
        Organization organization = new Organization(slug, request.name().trim(), request.plan(),
                Instant.now(Clock.systemUTC()));
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
        audit.record(organization.id().value(), new Act(by.actor(), by.kind().name().toLowerCase(),
                "organization.created", "organization:" + slug, sourceIp, Act.Outcome.SUCCESS,
                Map.of("name", organization.name(), "plan", organization.plan())));
        return organization;
    }
}
