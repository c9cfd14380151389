package io.fincopilot.documents.control;

import static io.fincopilot.persistence.NativeValues.timestamptz;
import static io.fincopilot.persistence.NativeValues.uuid;

import io.fincopilot.tenancy.entity.TenantId;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/** The reaper's reads and deletes in PostgreSQL, each in a transaction of its own (see {@link DocumentReaper}). */
@ApplicationScoped
public class UploadReaping {

    /** A version row never confirmed, with the key of its object. */
    public record Unconfirmed(TenantId tenant, UUID document, int version, String objectKey) {
    }

    @PersistenceContext(unitName = "fincopilot")
    EntityManager em;

    @Transactional(TxType.REQUIRES_NEW)
    public List<Unconfirmed> unconfirmed(Instant before) {
        List<?> rows = em.createNativeQuery("select tenant_id, document_id, version, object_key from document_versions "
                + "where status = 'UPLOADING' and created_at < ?1").setParameter(1, timestamptz(before)).getResultList();
        return rows.stream().map(r -> (Object[]) r).map(r -> new Unconfirmed(new TenantId(uuid(r[0])), uuid(r[1]),
                ((Number) r[2]).intValue(), (String) r[3])).toList();
    }

    /** Removes an unconfirmed version's row (and its document when it has no other version). */
    @Transactional(TxType.REQUIRES_NEW)
    public int forget(Unconfirmed version) {
        int removed = em.createNativeQuery("delete from document_versions where tenant_id = ?1 and document_id = ?2 "
                + "and version = ?3 and status = 'UPLOADING'").setParameter(1, version.tenant().value())
                .setParameter(2, version.document()).setParameter(3, version.version()).executeUpdate();
        em.createNativeQuery("delete from documents d where d.tenant_id = ?1 and d.id = ?2 "
                + "and not exists (select 1 from document_versions v where v.document_id = d.id)")
                .setParameter(1, version.tenant().value()).setParameter(2, version.document()).executeUpdate();
        return removed;
    }

    /**
     * Those of the stored objects that no version row names, in one query: a pass over a bucket of a
     * million objects makes two thousand round trips, not a million.
     */
    @Transactional(TxType.REQUIRES_NEW)
    public List<DocumentObjects.Stored> withoutRow(List<DocumentObjects.Stored> stored) {
        if (stored.isEmpty()) {
            return List.of();
        }
        String documents = stored.stream().map(s -> s.document().toString()).distinct()
                .collect(Collectors.joining(",", "{", "}"));
        List<?> rows = em.createNativeQuery("select tenant_id, document_id, version from document_versions "
                + "where document_id = any (cast(?1 as uuid[]))").setParameter(1, documents).getResultList();
        Set<List<Object>> held = rows.stream().map(r -> (Object[]) r)
                .map(r -> List.<Object>of(uuid(r[0]), uuid(r[1]), ((Number) r[2]).intValue())).collect(Collectors.toSet());
        return stored.stream().filter(s -> !held.contains(List.<Object>of(s.tenant().value(), s.document(), s.version())))
                .toList();
    }

    /** Idempotency-Keys older than a day, and keys of requests that never finished. */
    @Transactional(TxType.REQUIRES_NEW)
    public int expireKeys(Instant unfinishedBefore) {
        return em.createNativeQuery("delete from idempotency_keys where created_at < ?1 "
                + "or (status_code is null and created_at < ?2)")
                .setParameter(1, timestamptz(Instant.now().minus(Duration.ofHours(24))))
                .setParameter(2, timestamptz(unfinishedBefore)).executeUpdate();
    }
}
