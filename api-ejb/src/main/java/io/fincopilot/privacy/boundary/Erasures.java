package io.fincopilot.privacy.boundary;

import io.fincopilot.audit.boundary.AuditTrail;
import io.fincopilot.audit.entity.Act;
import io.fincopilot.audit.entity.AuditEvent;
import io.fincopilot.documents.control.DocumentObjects;
import io.fincopilot.documents.control.IngestionQueue;
import io.fincopilot.persistence.Constraints;
import io.fincopilot.persistence.NativeValues;
import io.fincopilot.platform.problem.ProblemException;
import io.fincopilot.privacy.control.OrganizationErasure;
import io.fincopilot.security.Caller;
import io.fincopilot.security.CredentialCache;
import io.fincopilot.security.Permission;
import io.fincopilot.security.Role;
import io.fincopilot.tenancy.control.KeycloakDirectory;
import io.fincopilot.tenancy.entity.Organization;
import io.fincopilot.tenancy.entity.OrganizationStatus;
import io.fincopilot.tenancy.entity.Person;
import io.fincopilot.tenancy.entity.TenantId;
import io.fincopilot.tenancy.entity.TenantPartition;
import jakarta.annotation.Nullable;
import jakarta.annotation.Resource;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * Erasure (decision 76). A tenant admin erases a person of their organization: the Keycloak account,
 * the membership and the keys the person made go, and their name and e-mail leave every row the
 * organization keeps; the audit trail keeps their acts under their pseudonym, whose membership row is
 * left without name or e-mail, so its chain still verifies. A platform admin erases a closed
 * organization: {@link OrganizationErasure} takes everything of it in the background and keeps a
 * report of what it then finds left.
 */
@Stateless
public class Erasures {

    /** An erasure and, once it has run, the report of what was found left. */
    public record Erasure(UUID id, @Schema(enumeration = {"person", "organization"}) String kind, UUID organization,
            @Nullable @Schema(description = "The membership erased: the person's pseudonym is p:<this id>") UUID person,
            @Schema(enumeration = {"running", "done", "failed"}) String status,
            @Nullable @Schema(description = "The step under way, or the step that failed") String step,
            @Schema(description = "Who asked, as the audit trail names them") String requestedBy, Instant requestedAt,
            @Nullable Instant finishedAt, @Nullable String failure,
            @Nullable @Schema(description = "The report, a JSON document, exactly the bytes its SHA-256 covers") String report,
            @Nullable @Schema(description = "SHA-256 of the report, hex; the platform's audit chain records it") String reportSha256,
            @Nullable @Schema(description = "When what is left was last checked") Instant verifiedAt) {
    }

    private static final String COLUMNS = "id, kind, tenant_id, person_id, status, step, requested_by, requested_at, "
            + "finished_at, failure, report, report_sha256, verified_at";

    @PersistenceContext(unitName = "fincopilot")
    EntityManager em;

    @Inject
    KeycloakDirectory keycloak;

    @Inject
    DocumentObjects objects;

    @Inject
    IngestionQueue queue;

    @Inject
    OrganizationErasure organizations;

    @Inject
    AuditTrail audit;

    @Inject
    CredentialCache credentials;

    @Resource
    TransactionSynchronizationRegistry transactions;

    /**
     * Erases a person of the organization, now. Their account goes first (so they can sign in no more),
     * then in one transaction: their keys and the organization's export archives (which hold their name),
     * their name wherever the organization's rows hold it, and their membership's name and e-mail.
     */
    @RolesAllowed(Permission.PRIVACY_MANAGE_NAME)
    public Erasure erasePerson(TenantId tenant, UUID personId, Caller by, String sourceIp) {
        // The organization's row first: erasures of its people, and export requests (which take it shared), wait
        // for each other, so two admins cannot erase each other and no export starts reading the name meanwhile.
        em.createNativeQuery("select count(*) from (select 1 from organizations where id = ?1 for update) o")
                .setParameter(1, tenant.value()).getSingleResult();
        Person person = TenantPartition.bind(em, tenant).find(Person.class, personId, LockModeType.PESSIMISTIC_WRITE);
        if (person == null || "erased".equals(person.status())) {
            throw ProblemException.notFound("person " + personId);
        }
        if (personId.equals(by.person())) {
            throw ProblemException.conflict("you cannot erase yourself; another tenant admin can");
        }
        if (!person.removed() && Role.TENANT_ADMIN.claim().equals(person.role()) && otherAdmins(tenant, personId) == 0) {
            throw ProblemException.conflict("this is the organization's last tenant admin; make someone else tenant admin first");
        }
        if (!em.createNativeQuery("select 1 from privacy_exports where tenant_id = ?1 and status in ('QUEUED', 'BUILDING')")
                .setParameter(1, tenant.value()).getResultList().isEmpty()) {
            throw ProblemException.conflict("an export of the organization is being built and would hold the person's name; "
                    + "erase when it has finished");
        }
        keycloak.deletePerson(person.keycloakUserId());
        String name = person.username();
        String pseudonym = Caller.pseudonym(personId);
        // A username freed by a removal can be given to someone new: each membership owns the rows written under
        // the name from the time it began until the next membership of that name began.
        Instant[] window = window(tenant, person);
        Map<String, Object> rewritten = new LinkedHashMap<>();
        int keys = em.createNativeQuery("delete from api_keys where tenant_id = ?1 and created_by = ?2 "
                + "and created_at >= ?3 and created_at < ?4").setParameter(1, tenant.value()).setParameter(2, name)
                .setParameter(3, NativeValues.timestamptz(window[0])).setParameter(4, NativeValues.timestamptz(window[1]))
                .executeUpdate();
        for (String column : List.of("documents.created_by.created_at", "document_versions.created_by.created_at",
                "questions.asked_by.asked_at", "api_keys.revoked_by.revoked_at", "privacy_exports.requested_by.requested_at")) {
            String[] c = column.split("\\.");
            int n = em.createNativeQuery("update " + c[0] + " set " + c[1] + " = ?3 where tenant_id = ?1 and " + c[1] + " = ?2 "
                    + "and " + c[2] + " >= ?4 and " + c[2] + " < ?5")
                    .setParameter(1, tenant.value()).setParameter(2, name).setParameter(3, pseudonym)
                    .setParameter(4, NativeValues.timestamptz(window[0])).setParameter(5, NativeValues.timestamptz(window[1]))
                    .executeUpdate();
            rewritten.put(c[0] + "." + c[1], (long) n);
        }
        int archives = 0;
        for (Object key : em.createNativeQuery("update privacy_exports set status = 'EXPIRED', expires_at = now() "
                + "where tenant_id = ?1 and status = 'READY' returning object_key").setParameter(1, tenant.value()).getResultList()) {
            archives += objects.deleteObject((String) key);
        }
        em.createNativeQuery("update people set username = ?2, email = null, status = 'ERASED', role = 'none', "
                + "keycloak_user_id = null where id = ?1").setParameter(1, personId).setParameter(2, pseudonym).executeUpdate();
        credentials.forgetTenant(transactions, tenant);
        String report = Json.createObjectBuilder()
                .add("kind", "person").add("organization", tenant.value().toString()).add("person", pseudonym)
                .add("keycloakAccount", "deleted").add("keysDeleted", keys)
                .add("exportArchivesDeleted", archives)
                .add("nameReplacedByPseudonym", Json.createObjectBuilder(rewritten))
                .add("membership", "kept without name or e-mail: the pseudonym's tombstone, which refuses its tokens")
                .build().toString();
        UUID id = UUID.randomUUID();
        Instant now = Instant.now(Clock.systemUTC());
        String sha256 = OrganizationErasure.sha256(report);
        em.createNativeQuery("insert into erasures (id, kind, tenant_id, person_id, status, requested_by, requested_at, "
                + "finished_at, verified_at, report, report_sha256) values (?1, 'PERSON', ?2, ?3, 'DONE', ?4, ?5, ?5, ?5, ?6, ?7)")
                .setParameter(1, id).setParameter(2, tenant.value()).setParameter(3, personId).setParameter(4, by.actor())
                .setParameter(5, NativeValues.timestamptz(now)).setParameter(6, report).setParameter(7, sha256).executeUpdate();
        audit.record(tenant.value(), new Act(by.actor(), by.kind().name().toLowerCase(Locale.ROOT), "privacy.person-erased",
                Caller.personTarget(person.id()), sourceIp, Act.Outcome.SUCCESS,
                Map.of("erasure", id.toString(), "reportSha256", sha256, "keysDeleted", keys)));
        return get("where id = ?1", id);
    }

    /** A person who can be erased: a member, or a former member whose name the organization still keeps. */
    public record Erasable(UUID id, String username, @Nullable String email, String status) {
    }

    /** Everyone of the organization whose name it still keeps: members and removed members, by username. */
    @RolesAllowed(Permission.PRIVACY_MANAGE_NAME)
    public List<Erasable> erasable(TenantId tenant) {
        List<?> rows = em.createNativeQuery("select id, username, email, status from people where tenant_id = ?1 "
                + "and status <> 'ERASED' order by username").setParameter(1, tenant.value()).getResultList();
        return rows.stream().map(r -> (Object[]) r).map(r -> new Erasable(NativeValues.uuid(r[0]), (String) r[1],
                (String) r[2], ((String) r[3]).toLowerCase(Locale.ROOT))).toList();
    }

    /** The organization's erasures of people, newest first. */
    @RolesAllowed(Permission.PRIVACY_MANAGE_NAME)
    public List<Erasure> ofOrganization(TenantId tenant) {
        return read("where tenant_id = ?1 and kind = 'PERSON' order by requested_at desc limit 100", tenant.value());
    }

    /** One of the organization's erasures; another's is not found, as if it did not exist. */
    @RolesAllowed(Permission.PRIVACY_MANAGE_NAME)
    public Erasure ofOrganization(TenantId tenant, UUID id) {
        return read("where tenant_id = ?1 and kind = 'PERSON' and id = ?2", tenant.value(), id).stream().findFirst()
                .orElseThrow(() -> ProblemException.notFound("erasure " + id));
    }

    /**
     * Starts the erasure of a closed organization (409 before it is closed, or while another erasure of
     * it runs or has succeeded). Recorded on the platform's chain first: the database erases no chain
     * that the platform's chain does not account for.
     */
    @RolesAllowed(Role.PLATFORM_ADMIN_NAME)
    public Erasure eraseOrganization(TenantId tenant, Caller by, String sourceIp) {
        Organization organization = em.find(Organization.class, tenant.value(), LockModeType.PESSIMISTIC_WRITE);
        List<?> failed = em.createNativeQuery("select id from erasures where tenant_id = ?1 and kind = 'ORGANIZATION' "
                + "and status = 'FAILED' order by requested_at desc limit 1 for update").setParameter(1, tenant.value()).getResultList();
        // Asked again, an erasure under way or done is a conflict, whether or not its rows are gone yet.
        if (!em.createNativeQuery("select 1 from erasures where tenant_id = ?1 and kind = 'ORGANIZATION' and status <> 'FAILED'")
                .setParameter(1, tenant.value()).getResultList().isEmpty()) {
            throw ProblemException.conflict("the organization's erasure is under way or done");
        }
        if (organization == null && failed.isEmpty()) {
            throw ProblemException.notFound("organization " + tenant);
        }
        if (organization != null && organization.status() != OrganizationStatus.CLOSED) {
            throw ProblemException.conflict("only a closed organization can be erased; close it first");
        }
        if (organization != null && !em.createNativeQuery("select 1 from privacy_exports where tenant_id = ?1 "
                + "and status in ('QUEUED', 'BUILDING')").setParameter(1, tenant.value()).getResultList().isEmpty()) {
            throw ProblemException.conflict("an export of the organization is being built; erase it when the export has finished");
        }
        if (!failed.isEmpty()) {
            // Every step is safe to run again, and the accounts to delete were recorded the first time.
            UUID id = NativeValues.uuid(failed.get(0));
            em.createNativeQuery("update erasures set status = 'RUNNING', step = 'queued', failure = null where id = ?1")
                    .setParameter(1, id).executeUpdate();
            audit.record(AuditEvent.PLATFORM_CHAIN, new Act(by.actor(), by.kind().name().toLowerCase(Locale.ROOT),
                    "organization.erasure-resumed", "organization:" + tenant.value(), sourceIp, Act.Outcome.SUCCESS,
                    Map.of("erasure", id.toString())));
            queue.enqueueErasure(id);
            return get("where id = ?1", id);
        }
        Set<String> accounts = new LinkedHashSet<>();
        if (organization.keycloakGroupId() != null) {
            accounts.addAll(keycloak.groupMembers(organization.keycloakGroupId()));
        }
        for (Object account : em.createNativeQuery("select coalesce(keycloak_user_id, subject) from people "
                + "where tenant_id = ?1 and status <> 'ERASED'").setParameter(1, tenant.value()).getResultList()) {
            accounts.add((String) account);
        }
        UUID id = UUID.randomUUID();
        try {
            em.createNativeQuery("insert into erasures (id, kind, tenant_id, status, step, requested_by, requested_at, "
                    + "keycloak_group, keycloak_users) values (?1, 'ORGANIZATION', ?2, 'RUNNING', 'queued', ?3, ?4, ?5, ?6)")
                    .setParameter(1, id).setParameter(2, tenant.value()).setParameter(3, by.actor())
                    .setParameter(4, NativeValues.timestamptz(Instant.now(Clock.systemUTC())))
                    .setParameter(5, organization.keycloakGroupId()).setParameter(6, String.join(",", accounts))
                    .executeUpdate();
            em.flush();
        } catch (PersistenceException e) {
            if (Constraints.isUniqueViolation(e, "erasures_one_organization")) {
                throw ProblemException.conflict("the organization's erasure is under way or done");
            }
            throw e;
        }
        audit.record(AuditEvent.PLATFORM_CHAIN, new Act(by.actor(), by.kind().name().toLowerCase(Locale.ROOT),
                "organization.erasure-started", "organization:" + tenant.value(), sourceIp, Act.Outcome.SUCCESS,
                Map.of("erasure", id.toString(), "accounts", accounts.size())));
        queue.enqueueErasure(id);
        return get("where id = ?1", id);
    }

    /** Every erasure, of people and organizations, newest first. */
    @RolesAllowed({Role.PLATFORM_ADMIN_NAME, Role.SUPPORT_NAME})
    public List<Erasure> all() {
        return read("order by requested_at desc limit 200");
    }

    @RolesAllowed({Role.PLATFORM_ADMIN_NAME, Role.SUPPORT_NAME})
    public Erasure get(UUID id) {
        return get("where id = ?1", id);
    }

    /**
     * Checks again what is left of an erased organization, keeps the new report and records its SHA-256
     * on the platform's chain (409 while the erasure runs).
     */
    @RolesAllowed(Role.PLATFORM_ADMIN_NAME)
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public Erasure verify(UUID id, Caller by, String sourceIp) {
        Erasure erasure = get(id);
        if (!"organization".equals(erasure.kind())) {
            throw ProblemException.conflict("a person's erasure is checked as it runs; only an organization's is checked again");
        }
        if ("running".equals(erasure.status())) {
            throw ProblemException.conflict("the erasure is still running");
        }
        organizations.verify(id);
        return get(id);
    }

    /**
     * When the person's rows may have been written: from the start of their membership, if an earlier membership had
     * the same username (else from the beginning), until a later one of that username began (else for ever).
     */
    private Instant[] window(TenantId tenant, Person person) {
        Instant from = Instant.parse("0001-01-01T00:00:00Z");
        Instant to = Instant.parse("9999-12-31T00:00:00Z");
        for (Object row : em.createNativeQuery("select first_seen_at from people where tenant_id = ?1 and username = ?2 "
                + "and id <> ?3").setParameter(1, tenant.value()).setParameter(2, person.username())
                .setParameter(3, person.id()).getResultList()) {
            Instant other = NativeValues.instant(row);
            if (other.isAfter(person.firstSeenAt())) {
                to = other.isBefore(to) ? other : to;
            } else {
                from = person.firstSeenAt();
            }
        }
        return new Instant[] {from, to};
    }

    private long otherAdmins(TenantId tenant, UUID personId) {
        return ((Number) em.createNativeQuery("select count(*) from people where tenant_id = ?1 and id <> ?2 "
                + "and status = 'ACTIVE' and role = ?3").setParameter(1, tenant.value()).setParameter(2, personId)
                .setParameter(3, Role.TENANT_ADMIN.claim()).getSingleResult()).longValue();
    }

    private Erasure get(String where, UUID id) {
        return read(where, id).stream().findFirst().orElseThrow(() -> ProblemException.notFound("erasure " + id));
    }

    private List<Erasure> read(String where, Object... params) {
        var query = em.createNativeQuery("select " + COLUMNS + " from erasures " + where);
        for (int i = 0; i < params.length; i++) {
            query.setParameter(i + 1, params[i]);
        }
        List<?> rows = query.getResultList();
        return rows.stream().map(r -> (Object[]) r).map(row -> new Erasure(NativeValues.uuid(row[0]),
                ((String) row[1]).toLowerCase(Locale.ROOT), NativeValues.uuid(row[2]),
                row[3] == null ? null : NativeValues.uuid(row[3]), ((String) row[4]).toLowerCase(Locale.ROOT),
                (String) row[5], (String) row[6], NativeValues.instant(row[7]), NativeValues.instant(row[8]),
                (String) row[9], (String) row[10], row[11] == null ? null : ((String) row[11]).strip(),
                NativeValues.instant(row[12]))).toList();
    }
}
