package io.fincopilot.audit.control;

import static io.fincopilot.persistence.NativeValues.uuid;

import io.fincopilot.audit.entity.AuditDigest;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.logging.Logger;

/**
 * Writes the next digest of every chain head. Only committed heads are read, and the digest goes
 * out in a transaction of its own holding an advisory lock, so instances never write two at once
 * and a digest never records an append that later rolls back.
 */
@Stateless
public class DigestWriter {

    private static final Logger LOG = Logger.getLogger(DigestWriter.class.getName());
    private static final long LOCK = 0x6175646974L; // "audit"

    @PersistenceContext(unitName = "fincopilot")
    EntityManager em;

    @Inject
    DigestStore store;

    @Inject
    AuditSettings settings;

    /** Writes a digest; unless forced, only when the latest is older than half the interval. */
    // The schedule calls it with no caller at all; AuditDigests.writeNow, which admits platform admins only, forces one.
    @PermitAll
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public Optional<AuditDigest> write(boolean force) {
        if (force) {
            em.createNativeQuery("select 1 from (select pg_advisory_xact_lock(?1)) l").setParameter(1, LOCK).getSingleResult();
        } else if (!Boolean.TRUE.equals(em.createNativeQuery("select pg_try_advisory_xact_lock(?1)")
                .setParameter(1, LOCK).getSingleResult())) {
            return Optional.empty();
        }
        DigestEvidence previous = store.latest();
        if (previous.problem() != null) {
            throw new IllegalStateException("not writing a digest over one that does not verify: " + previous.problem());
        }
        Instant now = Instant.now(Clock.systemUTC()).truncatedTo(ChronoUnit.MILLIS);
        if (previous.digest() != null) {
            Instant last = previous.digest().writtenAt();
            if (!force && last.isAfter(now.minus(settings.digestInterval().dividedBy(2)))) {
                return Optional.empty();
            }
            now = now.isAfter(last) ? now : last.plusMillis(1);
        }
        List<DigestSuccession.Current> current = new ArrayList<>();
        for (Object row : em.createNativeQuery("select tenant_id, last_sequence, last_hash from audit_heads").getResultList()) {
            Object[] c = (Object[]) row;
            current.add(new DigestSuccession.Current(uuid(c[0]), ((Number) c[1]).longValue(), ((String) c[2]).trim()));
        }
        List<AuditDigest.Head> heads = DigestSuccession.next(previous.digest(), current,
                previous.digest() == null ? legacyReach() : Map.of(), this::hashAt, ErasedChains.read(em), LOG::severe);
        AuditDigest digest = new AuditDigest(now, previous.key(), previous.sha256(), heads);
        store.put(digest);
        LOG.info(() -> "audit digest " + digest.key() + " written (" + heads.size() + " chains)");
        return Optional.of(digest);
    }

    /** How far each chain's unkeyed events reach: read once, for the first digest (trust on first use, at the upgrade). */
    private Map<UUID, Long> legacyReach() {
        Map<UUID, Long> reach = new HashMap<>();
        for (Object row : em.createNativeQuery("select tenant_id, max(sequence) from audit_events where key_id = ?1 "
                + "group by tenant_id").setParameter(1, ChainKeys.LEGACY).getResultList()) {
            Object[] c = (Object[]) row;
            reach.put(uuid(c[0]), ((Number) c[1]).longValue());
        }
        return reach;
    }

    private Optional<String> hashAt(UUID tenant, long sequence) {
        List<?> hash = em.createNativeQuery("select hash from audit_events where tenant_id = ?1 and sequence = ?2")
                .setParameter(1, tenant).setParameter(2, sequence).getResultList();
        return hash.isEmpty() ? Optional.empty() : Optional.of(((String) hash.get(0)).trim());
    }
}
