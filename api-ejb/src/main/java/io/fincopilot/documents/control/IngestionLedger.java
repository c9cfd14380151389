package io.fincopilot.documents.control;

import static io.fincopilot.persistence.NativeValues.timestamptz;
import static io.fincopilot.persistence.NativeValues.uuid;

import io.fincopilot.billing.control.Quotas;
import io.fincopilot.ingestion.entity.Chunk;
import io.fincopilot.ingestion.entity.IngestionFailure;
import io.fincopilot.ingestion.entity.PiiCounts;
import io.fincopilot.retrieval.entity.DocumentProfile;
import io.fincopilot.retrieval.entity.PageKind;
import io.fincopilot.tenancy.entity.TenantId;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.Query;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.StringJoiner;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * What ingestion writes, each step in a transaction of its own, always naming the tenant (native
 * SQL is never filtered by EclipseLink): the version's status and progress, its chunks, their
 * embeddings, and at the end the move of the document's answers to the new version.
 */
@ApplicationScoped
public class IngestionLedger {

    /** What a job needs to read the version's original, and what the document is called. */
    public record Job(String objectKey, String objectVersion, String mediaType, int maxPages, String fileName, String title) {
    }

    /** A chunk waiting for its embedding. */
    public record Pending(UUID id, String embeddedText) {
    }

    private static final int ROWS_PER_INSERT = 100;
    private static final int COLUMNS = 13;

    @PersistenceContext(unitName = "fincopilot")
    EntityManager em;

    @Inject
    Quotas quotas;

    /** Marks the version as processing; empty when it is gone (deleted) or already finished. */
    @Transactional(TxType.REQUIRES_NEW)
    public java.util.Optional<Job> start(TenantId tenant, UUID document, int version) {
        List<?> rows = em.createNativeQuery("select v.object_key, v.object_version, v.media_type, p.max_pages_per_document, "
                + "d.file_name, d.title from document_versions v join organizations o on o.id = v.tenant_id "
                + "join plans p on p.code = o.plan join documents d on d.tenant_id = v.tenant_id and d.id = v.document_id "
                + "where v.tenant_id = ?1 and v.document_id = ?2 and v.version = ?3 and v.status in ('QUEUED', 'PROCESSING') "
                + "for update of v").setParameter(1, tenant.value()).setParameter(2, document).setParameter(3, version)
                .getResultList();
        if (rows.isEmpty()) {
            return java.util.Optional.empty();
        }
        Object[] row = (Object[]) rows.get(0);
        version(tenant, document, version, "status = 'PROCESSING', pages_done = 0").executeUpdate();
        return java.util.Optional.of(new Job((String) row[0], (String) row[1], (String) row[2], ((Number) row[3]).intValue(),
                (String) row[4], (String) row[5]));
    }

    /** The version's chunks as cut (embeddings to come); a step run again replaces what it wrote before. */
    @Transactional(TxType.REQUIRES_NEW)
    public boolean storeChunks(TenantId tenant, UUID document, int version, int pages, List<String> notes, PiiCounts pii,
            List<Chunk> chunks, String model, java.util.function.IntFunction<PageKind> pageKinds, DocumentProfile profile) {
        long pagesLeft = quotas.pagesLeft(tenant, document, version);
        if (pages > pagesLeft) {
            throw new IngestionFailure(IngestionFailure.Code.QUOTA_EXCEEDED, Quotas.pagesRefused(pages, pagesLeft, quotas.period()));
        }
        String noted = String.join("\n", notes);
        int updated = version(tenant, document, version, "pages_total = ?4, pii_counts = ?5, notes = ?6", "PROCESSING")
                .setParameter(4, pages).setParameter(5, encode(pii))
                .setParameter(6, noted.length() > 1000 ? noted.substring(0, 1000) : noted).executeUpdate();
        if (updated == 0) {
            return false;
        }
        em.createNativeQuery("delete from chunks where tenant_id = ?1 and document_id = ?2 and version = ?3")
                .setParameter(1, tenant.value()).setParameter(2, document).setParameter(3, version).executeUpdate();
        for (int from = 0; from < chunks.size(); from += ROWS_PER_INSERT) {
            List<Chunk> part = chunks.subList(from, Math.min(chunks.size(), from + ROWS_PER_INSERT));
            StringJoiner values = new StringJoiner(", ");
            for (int i = 0; i < part.size(); i++) {
                StringJoiner row = new StringJoiner(", ", "(", ")");
                for (int column = 1; column <= COLUMNS; column++) {
                    row.add("?" + (i * COLUMNS + column));
                }
                values.add(row.toString());
            }
            Query insert = em.createNativeQuery("insert into chunks (tenant_id, id, document_id, version, seq, page, heading, "
                    + "table_header, text, embedded_text, tokens, model, page_kind) values " + values);
            for (int i = 0; i < part.size(); i++) {
                Chunk c = part.get(i);
                Object[] row = {tenant.value(), UUID.randomUUID(), document, version, from + i, c.page(), c.heading(),
                        c.tableHeader(), c.text(), c.embeddedText(), c.tokens(), model, pageKinds.apply(c.page()).name()};
                for (int column = 0; column < COLUMNS; column++) {
                    insert.setParameter(i * COLUMNS + column + 1, row[column]);
                }
            }
            insert.executeUpdate();
        }
        em.createNativeQuery("update documents set company = ?3, ticker = ?4, form = ?5, fiscal_year = ?6, fiscal_quarter = ?7, "
                + "period_end = ?8 where tenant_id = ?1 and id = ?2 and not profile_edited").setParameter(1, tenant.value())
                .setParameter(2, document).setParameter(3, clip(profile.company(), 200)).setParameter(4, clip(profile.ticker(), 12))
                .setParameter(5, profile.form().name()).setParameter(6, profile.fiscalYear())
                .setParameter(7, profile.fiscalQuarter()).setParameter(8, profile.periodEnd()).executeUpdate();
        return true;
    }

    private static String clip(String text, int length) {
        return text == null || text.length() <= length ? text : text.substring(0, length);
    }

    /** The next chunks to embed, in order; empty when all are done, absent when the version is gone. */
    @Transactional(TxType.REQUIRES_NEW)
    public java.util.Optional<List<Pending>> pending(TenantId tenant, UUID document, int version, int limit) {
        List<?> live = em.createNativeQuery("select 1 from document_versions where tenant_id = ?1 and document_id = ?2 "
                + "and version = ?3 and status = 'PROCESSING'").setParameter(1, tenant.value()).setParameter(2, document)
                .setParameter(3, version).getResultList();
        if (live.isEmpty()) {
            return java.util.Optional.empty();
        }
        List<?> rows = em.createNativeQuery("select id, embedded_text from chunks where tenant_id = ?1 and document_id = ?2 "
                + "and version = ?3 and embedding is null order by seq limit ?4").setParameter(1, tenant.value())
                .setParameter(2, document).setParameter(3, version).setParameter(4, limit).getResultList();
        List<Pending> pending = new ArrayList<>();
        for (Object row : rows) {
            Object[] r = (Object[]) row;
            pending.add(new Pending(uuid(r[0]), (String) r[1]));
        }
        return java.util.Optional.of(pending);
    }

    /** Chunks of a version embedded by another model than the current one, to embed again. */
    @Transactional(TxType.REQUIRES_NEW)
    public List<Pending> embeddedByOtherModel(TenantId tenant, UUID document, int version, String model, int limit) {
        List<?> rows = em.createNativeQuery("select id, embedded_text from chunks where tenant_id = ?1 and document_id = ?2 "
                + "and version = ?3 and model <> ?4 order by seq limit ?5").setParameter(1, tenant.value())
                .setParameter(2, document).setParameter(3, version).setParameter(4, model).setParameter(5, limit)
                .getResultList();
        return rows.stream().map(r -> (Object[]) r).map(r -> new Pending(uuid(r[0]), (String) r[1])).toList();
    }

    /** Stores embeddings and moves the progress: pages before the first chunk still waiting are done. */
    @Transactional(TxType.REQUIRES_NEW)
    public void storeEmbeddings(TenantId tenant, UUID document, int version, List<UUID> ids, List<float[]> vectors,
            String model) {
        // One statement for the whole batch: the embeddings travel as array literals beside their chunk ids.
        StringJoiner values = new StringJoiner(", ");
        for (int i = 0; i < ids.size(); i++) {
            values.add("(?" + (2 * i + 2) + ", ?" + (2 * i + 3) + ")");
        }
        Query update = em.createNativeQuery("update chunks c set embedding = cast(v.e as real[]), model = ?"
                + (2 * ids.size() + 2) + " from (values " + values + ") as v(id, e) where c.tenant_id = ?1 "
                + "and c.id = cast(v.id as uuid)").setParameter(1, tenant.value()).setParameter(2 * ids.size() + 2, model);
        for (int i = 0; i < ids.size(); i++) {
            update.setParameter(2 * i + 2, ids.get(i).toString()).setParameter(2 * i + 3, literal(vectors.get(i)));
        }
        update.executeUpdate();
        version(tenant, document, version, "pages_done = coalesce((select min(c.page) - 1 from chunks c where "
                + "c.tenant_id = ?1 and c.document_id = ?2 and c.version = ?3 and c.embedding is null), pages_total)")
                .executeUpdate();
    }

    /** The document's indexed vectors changed (embedded again): indexes held in memory load it again. */
    @Transactional(TxType.REQUIRES_NEW)
    public void touch(TenantId tenant, UUID document) {
        em.createNativeQuery("update documents set updated_at = ?3 where tenant_id = ?1 and id = ?2")
                .setParameter(1, tenant.value()).setParameter(2, document).setParameter(3, timestamptz(Instant.now()))
                .executeUpdate();
    }

    /**
     * The version is ready: answers come from it (unless a newer one already is), the chunks of older
     * versions leave the index, and the pages are counted once for billing.
     */
    @Transactional(TxType.REQUIRES_NEW)
    public void finish(TenantId tenant, UUID document, int version) {
        // Its pages move from in flight to used here: with the quota turn, a page check sees one or the other.
        quotas.takeTurn(tenant);
        Instant now = Instant.now();
        int updated = version(tenant, document, version, "status = 'READY', pages_done = pages_total, finished_at = ?4",
                "PROCESSING")
                .setParameter(4, timestamptz(now)).executeUpdate();
        if (updated == 0) {
            return;
        }
        em.createNativeQuery("update documents set ready_version = greatest(coalesce(ready_version, 0), ?3), updated_at = ?4 "
                + "where tenant_id = ?1 and id = ?2").setParameter(1, tenant.value()).setParameter(2, document)
                .setParameter(3, version).setParameter(4, timestamptz(now)).executeUpdate();
        em.createNativeQuery("delete from chunks c using documents d where c.tenant_id = ?1 and c.document_id = ?2 "
                + "and d.tenant_id = ?1 and d.id = ?2 and c.version < d.ready_version")
                .setParameter(1, tenant.value()).setParameter(2, document).executeUpdate();
        em.createNativeQuery("insert into usage_events (id, tenant_id, kind, quantity, document_id, version, occurred_at) "
                + "select ?1, tenant_id, 'PAGES_INGESTED', coalesce(pages_total, 0), document_id, version, ?4 "
                + "from document_versions where tenant_id = ?2 and document_id = ?3 and version = ?5 on conflict do nothing")
                .setParameter(1, UUID.randomUUID()).setParameter(2, tenant.value()).setParameter(3, document)
                .setParameter(4, timestamptz(now)).setParameter(5, version).executeUpdate();
    }

    /** The version failed for a reason a person can read; its chunks leave the index. */
    @Transactional(TxType.REQUIRES_NEW)
    public void fail(TenantId tenant, UUID document, int version, String code, String reason) {
        String readable = reason.length() > 1000 ? reason.substring(0, 1000) : reason;
        int updated = version(tenant, document, version, "status = 'FAILED', failure_code = ?4, failure_reason = ?5, "
                + "finished_at = ?6", "QUEUED', 'PROCESSING").setParameter(4, code).setParameter(5, readable)
                .setParameter(6, timestamptz(Instant.now())).executeUpdate();
        if (updated == 0) {
            return; // ready (or gone) already: a late failure of a revived step changes nothing
        }
        em.createNativeQuery("delete from chunks where tenant_id = ?1 and document_id = ?2 and version = ?3")
                .setParameter(1, tenant.value()).setParameter(2, document).setParameter(3, version).executeUpdate();
    }

    private Query version(TenantId tenant, UUID document, int version, String set) {
        return version(tenant, document, version, set, null);
    }

    /** An update of the version's row, only while it has one of the given statuses (quoted, comma-separated) when named. */
    private Query version(TenantId tenant, UUID document, int version, String set, String statuses) {
        return em.createNativeQuery("update document_versions set " + set
                + " where tenant_id = ?1 and document_id = ?2 and version = ?3"
                + (statuses == null ? "" : " and status in ('" + statuses + "')"))
                .setParameter(1, tenant.value()).setParameter(2, document).setParameter(3, version);
    }

    static String encode(PiiCounts counts) {
        return counts.byKind().entrySet().stream().filter(e -> e.getValue() > 0)
                .map(e -> e.getKey().name().toLowerCase(Locale.ROOT) + "=" + e.getValue()).collect(Collectors.joining(","));
    }

    static String literal(float[] vector) {
        StringJoiner joined = new StringJoiner(",", "{", "}");
        for (float v : vector) {
            joined.add(Float.toString(v));
        }
        return joined.toString();
    }
}
