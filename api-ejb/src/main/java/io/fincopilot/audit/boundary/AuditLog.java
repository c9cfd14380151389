package io.fincopilot.audit.boundary;

import static io.fincopilot.persistence.NativeValues.instant;
import static io.fincopilot.persistence.NativeValues.timestamptz;
import static io.fincopilot.persistence.NativeValues.uuid;

import io.fincopilot.audit.control.AuditSettings;
import io.fincopilot.audit.control.ChainVerifier;
import io.fincopilot.audit.control.DigestEvidence;
import io.fincopilot.audit.control.DigestStore;
import io.fincopilot.audit.control.ErasedChains;
import io.fincopilot.audit.entity.AuditEntry;
import io.fincopilot.audit.entity.AuditEvent;
import io.fincopilot.audit.entity.AuditQuery;
import io.fincopilot.audit.entity.ChainVerification;
import io.fincopilot.security.Caller;
import io.fincopilot.security.Permission;
import io.fincopilot.security.Role;
import io.fincopilot.tenancy.control.ExistingOrganizations;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.Query;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.List;
import java.util.TreeSet;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;
import io.fincopilot.platform.PlatformMetrics;
import io.fincopilot.platform.outage.DependencyUnavailable;
import software.amazon.awssdk.core.exception.SdkException;

/**
 * Reads and verifies the audit trail. Every statement names {@code tenant_id} itself: the trail is
 * read with native SQL, outside EclipseLink's tenant filter, so the filter is written out here.
 * Verification checks each link under its key and holds the chain against the latest signed digest
 * in the object store, which the database cannot change.
 */
@Stateless
public class AuditLog {

    private static final Logger LOG = Logger.getLogger(AuditLog.class.getName());
    private static final String COLUMNS = "tenant_id, sequence, occurred_at, actor, actor_type, action, target, "
            + "source_ip, outcome, details, key_id, prev_hash, hash";
    private static final int PAGE = 1000;

    @PersistenceContext(unitName = "fincopilot")
    EntityManager em;

    @Inject
    AuditSettings settings;

    @Inject
    DigestStore digests;

    @Inject
    PlatformMetrics metrics;

    /** One tenant's events, newest first. */
    @RolesAllowed(Permission.AUDIT_READ_NAME)
    public List<AuditEntry> find(UUID tenant, AuditQuery query) {
        return named(search(tenant, query));
    }

    /** Every tenant's events (platform staff only), newest first; a null tenant means all. */
    @RolesAllowed({Role.PLATFORM_ADMIN_NAME, Role.SUPPORT_NAME})
    public List<AuditEntry> findAcrossTenants(UUID tenantOrNull, AuditQuery query) {
        return named(search(tenantOrNull, query));
    }

    /**
     * The events with the names behind their pseudonyms (decision 76), read from the membership rows of
     * each event's own tenant; an erased member's row has no name left.
     */
    private List<AuditEntry> named(List<AuditEvent> events) {
        Set<UUID> ids = new HashSet<>();
        for (AuditEvent e : events) {
            pseudonym(e.actor()).ifPresent(ids::add);
            personTarget(e.target()).ifPresent(ids::add);
        }
        Map<String, String> names = new HashMap<>();
        if (!ids.isEmpty()) {
            String array = ids.stream().map(UUID::toString).collect(Collectors.joining(",", "{", "}"));
            for (Object row : em.createNativeQuery("select tenant_id, id, username from people "
                    + "where id = any(cast(?1 as uuid[])) and status <> 'ERASED'").setParameter(1, array).getResultList()) {
                Object[] c = (Object[]) row;
                names.put(uuid(c[0]) + "/" + uuid(c[1]), (String) c[2]);
            }
        }
        return events.stream().map(e -> new AuditEntry(e,
                pseudonym(e.actor()).map(id -> names.get(e.tenant() + "/" + id)).orElse(null),
                personTarget(e.target()).map(id -> names.get(e.tenant() + "/" + id)).orElse(null))).toList();
    }

    /**
     * An actor filter as the trail may keep it: a member's username becomes the pseudonyms of the members
     * with that username (in the tenant, or in any where none is given); anything else stays as it is.
     */
    @RolesAllowed({Role.PLATFORM_ADMIN_NAME, Role.SUPPORT_NAME})
    public String withoutNames(UUID tenantOrNull, String actor) {
        Query query = em.createNativeQuery("select id from people where username = ?1"
                + (tenantOrNull == null ? "" : " and tenant_id = ?2") + " order by id").setParameter(1, actor);
        if (tenantOrNull != null) {
            query.setParameter(2, tenantOrNull);
        }
        List<?> ids = query.getResultList();
        if (!ids.isEmpty()) {
            return ids.stream().map(id -> Caller.pseudonym(uuid(id))).collect(Collectors.joining(" "));
        }
        // What names no member now may name an erased one: kept only when it is plainly not a person's name.
        boolean notAPerson = actor.startsWith(Caller.PSEUDONYM_PREFIX) || actor.startsWith("key:")
                || actor.startsWith("service-account-");
        return notAPerson ? actor : "(a name of no current member)";
    }

    /** Whether the chain belongs to an organization that still exists (an erased one's is gone, decision 76). */
    @RolesAllowed({Role.PLATFORM_ADMIN_NAME, Role.SUPPORT_NAME})
    public boolean organizationExists(UUID tenant) {
        return ExistingOrganizations.among(em, Set.of(tenant)).contains(tenant);
    }

    private static Optional<UUID> pseudonym(String actor) {
        if (actor == null || !actor.startsWith(Caller.PSEUDONYM_PREFIX)) {
            return Optional.empty();
        }
        try {
            return Optional.of(UUID.fromString(actor.substring(Caller.PSEUDONYM_PREFIX.length())));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private static Optional<UUID> personTarget(String target) {
        return target != null && target.startsWith("person:") ? pseudonym(target.substring("person:".length()))
                : Optional.empty();
    }

    @RolesAllowed(Permission.AUDIT_READ_NAME)
    public ChainVerification verify(UUID tenant) {
        return verify(tenant, evidence());
    }

    /** Verifies every chain there is, the platform's own included, and every chain the latest digest saw. */
    @RolesAllowed({Role.PLATFORM_ADMIN_NAME, Role.SUPPORT_NAME})
    public List<ChainVerification> verifyAll() {
        return verifyEveryChain();
    }

    /**
     * The schedule's verification of every chain ({@code ChainWatch}, which runs with no caller at
     * all): it answers only how many chains are broken and logs which, so the alert on
     * {@code fincopilot_audit_verifications_total{result="broken"}} needs nobody to ask.
     */
    @PermitAll
    public long verifyAllOnSchedule() {
        long broken = 0;
        for (ChainVerification v : verifyEveryChain()) {
            if (!v.valid()) {
                broken++;
                LOG.severe("audit chain " + v.tenant() + " does not verify from sequence " + v.firstBrokenSequence()
                        + ": " + v.reason());
            }
        }
        return broken;
    }

    private List<ChainVerification> verifyEveryChain() {
        DigestEvidence evidence = evidence();
        TreeSet<UUID> tenants = new TreeSet<>();
        for (Object tenant : em.createNativeQuery("select tenant_id from audit_heads").getResultList()) {
            tenants.add(uuid(tenant));
        }
        if (evidence.digest() != null) {
            evidence.digest().chains().forEach(h -> tenants.add(h.tenant()));
        }
        Set<UUID> withHead = new HashSet<>();
        for (Object tenant : em.createNativeQuery("select tenant_id from audit_heads").getResultList()) {
            withHead.add(uuid(tenant));
        }
        Map<UUID, Long> erased = ErasedChains.read(em);
        List<ChainVerification> verdicts = new ArrayList<>();
        for (UUID tenant : tenants) {
            long recorded = evidence.head(tenant).map(h -> h.lastSequence()).orElse(0L);
            if (!withHead.contains(tenant) && erased.getOrDefault(tenant, -1L) >= recorded) {
                verdicts.add(ChainVerification.erased(tenant, erased.get(tenant), evidence.key()));
            } else {
                verdicts.add(verify(tenant, evidence));
            }
        }
        return verdicts;
    }

    private DigestEvidence evidence() {
        try {
            return digests.latest();
        } catch (SdkException | DependencyUnavailable e) {
            LOG.log(Level.WARNING, "the audit digests cannot be read", e);
            return DigestEvidence.untrusted(null, "the signed digests cannot be read from the object store, so "
                    + "missing events cannot be ruled out");
        }
    }

    private ChainVerification verify(UUID tenant, DigestEvidence evidence) {
        ChainVerification verdict = verifyChain(tenant, evidence);
        metrics.auditVerified(verdict.valid());
        return verdict;
    }

    private ChainVerification verifyChain(UUID tenant, DigestEvidence evidence) {
        ChainVerifier verifier = new ChainVerifier(tenant, settings.keys(), evidence);
        long after = 0;
        List<AuditEvent> page;
        do {
            page = rows(em.createNativeQuery("select " + COLUMNS + " from audit_events where tenant_id = ?1 "
                    + "and sequence > ?2 order by sequence limit " + PAGE)
                    .setParameter(1, tenant).setParameter(2, after));
            for (AuditEvent event : page) {
                if (!verifier.accept(event)) {
                    return verifier.finish(0);
                }
                after = event.sequence();
            }
        } while (page.size() == PAGE);
        List<?> head = em.createNativeQuery("select last_sequence from audit_heads where tenant_id = ?1")
                .setParameter(1, tenant).getResultList();
        return verifier.finish(head.isEmpty() ? 0 : ((Number) head.get(0)).longValue());
    }

    private List<AuditEvent> search(UUID tenant, AuditQuery q) {
        StringBuilder sql = new StringBuilder("select " + COLUMNS + " from audit_events where true");
        List<Object> params = new ArrayList<>();
        if (tenant != null) {
            params.add(tenant);
            sql.append(" and tenant_id = ?").append(params.size());
        }
        if (q.actor() != null) {
            // By the actor as stored, or by a member's username: their events carry their pseudonym.
            params.add(q.actor());
            sql.append(" and (actor = ?").append(params.size()).append(" or actor in (select '")
                    .append(Caller.PSEUDONYM_PREFIX).append("' || p.id from people p where p.username = ?")
                    .append(params.size()).append(" and p.tenant_id = audit_events.tenant_id and p.status <> 'ERASED'))");
        }
        if (q.action() != null) {
            params.add(q.action());
            sql.append(" and action = ?").append(params.size());
        }
        if (q.from() != null) {
            params.add(timestamptz(q.from()));
            sql.append(" and occurred_at >= ?").append(params.size());
        }
        if (q.to() != null) {
            params.add(timestamptz(q.to()));
            sql.append(" and occurred_at < ?").append(params.size());
        }
        sql.append(" order by occurred_at desc, sequence desc limit ").append(q.limit()).append(" offset ").append(q.offset());
        Query query = em.createNativeQuery(sql.toString());
        for (int i = 0; i < params.size(); i++) {
            query.setParameter(i + 1, params.get(i));
        }
        return rows(query);
    }

    private static List<AuditEvent> rows(Query query) {
        List<AuditEvent> events = new ArrayList<>();
        for (Object row : query.getResultList()) {
            Object[] c = (Object[]) row;
            events.add(new AuditEvent(uuid(c[0]), ((Number) c[1]).longValue(), instant(c[2]), (String) c[3],
                    (String) c[4], (String) c[5], (String) c[6], (String) c[7], (String) c[8], (String) c[9],
                    (String) c[10], ((String) c[11]).trim(), ((String) c[12]).trim()));
        }
        return events;
    }
}
