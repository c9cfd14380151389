package io.fincopilot.retrieval.control;

import static io.fincopilot.persistence.NativeValues.uuid;

import io.fincopilot.retrieval.entity.ScoredChunk;
import io.fincopilot.tenancy.entity.TenantId;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import javax.sql.DataSource;
import org.postgresql.PGStatement;

/**
 * The built-in vector index, for PostgreSQL without pgvector (decision 56): exact cosine similarity
 * over a tenant's vectors held in memory. PostgreSQL stays the source of truth: before each query
 * the fingerprint of the tenant's ready documents is read ({@link DocumentFingerprint}); when it
 * changed, they are listed (id, ready version, last change) and any document that is new or changed
 * is loaded again, any that is gone dropped, so every instance sees uploads and deletions at its
 * next query. Memory is bounded: past the budget, the tenants used longest ago
 * are dropped whole and loaded again when next asked.
 *
 * <p>A query reads the vectors' int8 codes first ({@link QuantizedVectors}, a quarter of the bytes),
 * with a bound on how far each approximate score can be off, and then scores the few chunks that
 * could still be among the best with their floats (decision 69): the result is the exact scan's.
 */
public class MemoryVectorIndex implements VectorIndex {

    /** One document's ready version: its chunks' ids and their vectors end to end. */
    record Segment(int version, Timestamp changed, String model, UUID[] chunks, float[] vectors, QuantizedVectors codes) {
        long bytes() {
            return vectors.length * 4L + codes.bytes() + chunks.length * 32L + 64;
        }
    }

    /** A tenant's loaded documents. */
    static final class TenantVectors {
        final Map<UUID, Segment> documents = new HashMap<>();
        /** What {@link #sync} last saw of the tenant's ready documents, the model, and the snapshot made then. */
        String fingerprint;
        Map<UUID, Segment> snapshot;
        volatile long lastUse;
        /** Kept after each sync, read without the lock: a tenant loading its vectors holds up no one else. */
        volatile long bytes;

        long bytes() {
            return bytes;
        }
    }

    /** Chunks from which a tenant's vectors are scanned in two halves at once. */
    static final int SIDE_BY_SIDE = 20_000;

    private static final DotProduct DOT = DotProduct.FASTEST;
    /**
     * Added to every score's bound: what float arithmetic may itself get wrong in a sum of a few hundred
     * terms of unit vectors (about 2e-5 at 384 dimensions; the embedders' vectors are L2-normalized).
     */
    private static final double ROUNDING = 1e-3;

    private final DataSource dataSource;
    private final int dimensions;
    private final long budgetBytes;
    private final Map<TenantId, TenantVectors> tenants = new ConcurrentHashMap<>();

    public MemoryVectorIndex(DataSource dataSource, int dimensions, long budgetBytes) {
        this.dataSource = dataSource;
        this.dimensions = dimensions;
        this.budgetBytes = budgetBytes;
    }

    @Override
    public List<ScoredChunk> nearest(TenantId tenant, float[] query, Set<UUID> documents, String model, int k) {
        TenantVectors vectors = tenants.computeIfAbsent(tenant, t -> new TenantVectors());
        vectors.lastUse = System.nanoTime();
        Map<UUID, Segment> segments;
        try (Connection db = dataSource.getConnection()) {
            segments = sync(db, tenant, vectors, model);
        } catch (SQLException e) {
            throw new IllegalStateException("the tenant's vectors could not be read", e);
        }
        evictBeyondBudget(tenant);
        List<Map.Entry<UUID, Segment>> wanted = new ArrayList<>();
        for (Map.Entry<UUID, Segment> entry : segments.entrySet()) {
            if (documents == null || documents.contains(entry.getKey())) {
                wanted.add(entry);
            }
        }
        return scan(wanted, query, k);
    }

    /** The best {@code k} chunks of the given documents' segments by their exact scores, best first. */
    List<ScoredChunk> scan(List<Map.Entry<UUID, Segment>> wanted, float[] query, int k) {
        if (k < 1) {
            return List.of();
        }
        long total = wanted.stream().mapToLong(e -> e.getValue().chunks().length).sum();
        double length = length(query);
        FirstPass pass;
        if (total < SIDE_BY_SIDE) {
            pass = firstPass(wanted, 0, wanted.size(), query, length, k);
        } else {
            // Two halves side by side (the parallel common pool): a large tenant's scan is most of a search's time.
            long half = 0;
            int split = 0;
            while (split < wanted.size() && half < total / 2) {
                half += wanted.get(split++).getValue().chunks().length;
            }
            int from = split;
            java.util.concurrent.CompletableFuture<FirstPass> other =
                    java.util.concurrent.CompletableFuture.supplyAsync(() -> firstPass(wanted, from, wanted.size(), query, length, k));
            pass = firstPass(wanted, 0, split, query, length, k);
            pass.absorb(other.join());
        }
        return pass.rescore(wanted, query, k, dimensions);
    }

    @Override
    public String describe() {
        long used = tenants.values().stream().mapToLong(TenantVectors::bytes).sum();
        return "built-in (exact, in memory, " + DOT.describe() + "): " + tenants.size() + " tenants, " + (used >> 20) + " MiB of "
                + (budgetBytes >> 20) + " MiB";
    }

    /** The bytes held for all tenants, for the benchmark. */
    public long bytesHeld() {
        return tenants.values().stream().mapToLong(TenantVectors::bytes).sum();
    }

    /** The first pass over the codes of {@code wanted[from, to)}. */
    private FirstPass firstPass(List<Map.Entry<UUID, Segment>> wanted, int from, int to, float[] query, double length, int k) {
        FirstPass pass = new FirstPass(k);
        for (int s = from; s < to; s++) {
            QuantizedVectors quantized = wanted.get(s).getValue().codes();
            byte[] codes = quantized.codes();
            float[] scales = quantized.scales();
            float[] errors = quantized.errors();
            for (int i = 0, offset = 0; i < scales.length; i++, offset += dimensions) {
                double approximate = scales[i] * (double) DOT.dot(query, codes, offset, dimensions);
                double margin = length * errors[i] + ROUNDING;
                if (!(approximate + margin < pass.threshold())) { // a NaN bound keeps the chunk: its floats decide
                    pass.see(s, i, approximate - margin, approximate + margin);
                }
            }
        }
        return pass;
    }

    private static double length(float[] query) {
        double sum = 0;
        for (float x : query) {
            sum += (double) x * x;
        }
        return Math.sqrt(sum);
    }

    /**
     * What the first pass keeps: the best {@code k} lower bounds seen (a min-heap; the least of them is
     * the threshold) and every chunk whose upper bound reached the threshold when it was seen. The
     * threshold only rises and is at most the k-th best exact score, so a chunk left out could not be
     * among the best k: scoring the candidates with their floats gives the exact scan's result.
     */
    static final class FirstPass {
        private final double[] lower;
        private int bounds;
        private int[] segments = new int[512];
        private int[] rows = new int[512];
        private double[] upper = new double[512];
        private int size;

        FirstPass(int k) {
            lower = new double[k];
        }

        double threshold() {
            return bounds < lower.length ? Double.NEGATIVE_INFINITY : lower[0];
        }

        void see(int segment, int row, double low, double high) {
            add(segment, row, high);
            bound(low);
        }

        /** Takes in the other half's bounds and candidates. */
        void absorb(FirstPass other) {
            for (int i = 0; i < other.bounds; i++) {
                bound(other.lower[i]);
            }
            for (int i = 0; i < other.size; i++) {
                add(other.segments[i], other.rows[i], other.upper[i]);
            }
        }

        private void add(int segment, int row, double high) {
            if (size == rows.length) {
                segments = java.util.Arrays.copyOf(segments, size * 2);
                rows = java.util.Arrays.copyOf(rows, size * 2);
                upper = java.util.Arrays.copyOf(upper, size * 2);
            }
            segments[size] = segment;
            rows[size] = row;
            upper[size++] = high;
        }

        private void bound(double low) {
            if (bounds < lower.length) {
                int i = bounds++;
                while (i > 0 && lower[(i - 1) / 2] > low) {
                    lower[i] = lower[(i - 1) / 2];
                    i = (i - 1) / 2;
                }
                lower[i] = low;
            } else if (low > lower[0]) {
                int i = 0;
                while (true) {
                    int child = 2 * i + 1;
                    if (child >= bounds) {
                        break;
                    }
                    if (child + 1 < bounds && lower[child + 1] < lower[child]) {
                        child++;
                    }
                    if (lower[child] >= low) {
                        break;
                    }
                    lower[i] = lower[child];
                    i = child;
                }
                lower[i] = low;
            }
        }

        /** The best {@code k} candidates by their exact scores, best first. */
        List<ScoredChunk> rescore(List<Map.Entry<UUID, Segment>> wanted, float[] query, int k, int dimensions) {
            double threshold = threshold();
            PriorityQueue<ScoredChunk> best = new PriorityQueue<>(Comparator.comparingDouble(ScoredChunk::score));
            for (int i = 0; i < size; i++) {
                if (!(upper[i] < threshold)) {
                    Map.Entry<UUID, Segment> document = wanted.get(segments[i]);
                    Segment segment = document.getValue();
                    double score = DOT.dot(query, segment.vectors(), rows[i] * dimensions, dimensions);
                    offer(best, new ScoredChunk(segment.chunks()[rows[i]], document.getKey(), score), k);
                }
            }
            List<ScoredChunk> ranked = new ArrayList<>(best);
            ranked.sort(Comparator.comparingDouble(ScoredChunk::score).reversed());
            return ranked;
        }

    }

    private static void offer(PriorityQueue<ScoredChunk> best, ScoredChunk chunk, int k) {
        if (best.size() < k) {
            best.add(chunk);
        } else if (chunk.score() > best.peek().score()) {
            best.poll();
            best.add(chunk);
        }
    }

    /** Brings the tenant's segments in line with PostgreSQL; answers a snapshot to search. */
    private Map<UUID, Segment> sync(Connection db, TenantId tenant, TenantVectors vectors, String model) throws SQLException {
        // Most queries skip listing the documents (1,000 rows at a large tenant).
        String fingerprint = model + "/" + DocumentFingerprint.of(db, tenant, "and ready_version is not null");
        synchronized (vectors) {
            if (fingerprint.equals(vectors.fingerprint)) {
                return vectors.snapshot;
            }
        }
        Map<UUID, Object[]> ready = new HashMap<>();
        try (PreparedStatement list = db.prepareStatement("select id, ready_version, updated_at from documents "
                + "where tenant_id = ? and ready_version is not null")) {
            list.setObject(1, tenant.value());
            try (ResultSet rs = list.executeQuery()) {
                while (rs.next()) {
                    ready.put(uuid(rs.getObject(1)), new Object[] {rs.getInt(2), rs.getTimestamp(3)});
                }
            }
        }
        synchronized (vectors) {
            vectors.documents.keySet().retainAll(ready.keySet());
            Map<UUID, Object[]> changed = new HashMap<>();
            for (Map.Entry<UUID, Object[]> doc : ready.entrySet()) {
                Segment held = vectors.documents.get(doc.getKey());
                if (held == null || held.version() != (Integer) doc.getValue()[0] || !held.changed().equals(doc.getValue()[1])
                        || !held.model().equals(model)) {
                    changed.put(doc.getKey(), doc.getValue());
                }
            }
            if (!changed.isEmpty()) {
                vectors.documents.putAll(load(db, tenant, changed, model));
            }
            vectors.bytes = vectors.documents.values().stream().mapToLong(Segment::bytes).sum();
            vectors.snapshot = Map.copyOf(vectors.documents);
            vectors.fingerprint = fingerprint;
            return vectors.snapshot;
        }
    }

    /**
     * The ready versions' vectors of the given documents, in one query (many documents load at a tenant's
     * first search). Rows arrive grouped by document, 2,000 at a time through a cursor (the driver
     * fetches in batches only inside a transaction), and each is decoded as it arrives, so a row's bytes
     * die young: holding them all until the end had the collector copy a large tenant's rows (a gigabyte
     * at 100k chunks) into the old generation, in pauses that held up every request of the instance.
     */
    private Map<UUID, Segment> load(Connection db, TenantId tenant, Map<UUID, Object[]> documents, String model)
            throws SQLException {
        boolean autoCommit = db.getAutoCommit();
        db.setAutoCommit(false);
        try {
            return loadInTransaction(db, tenant, documents, model);
        } finally {
            db.rollback();
            db.setAutoCommit(autoCommit);
        }
    }

    private Map<UUID, Segment> loadInTransaction(Connection db, TenantId tenant, Map<UUID, Object[]> documents, String model)
            throws SQLException {
        Map<UUID, Segment> segments = new HashMap<>();
        try (PreparedStatement chunks = db.prepareStatement("select c.document_id, c.id, array_send(c.embedding) from chunks c "
                + "join documents d on d.tenant_id = c.tenant_id and d.id = c.document_id and d.ready_version = c.version "
                + "where c.tenant_id = ? and c.document_id = any (?) and c.model = ? and cardinality(c.embedding) = ? "
                + "order by c.document_id, c.seq")) {
            chunks.setObject(1, tenant.value());
            chunks.setArray(2, db.createArrayOf("uuid", documents.keySet().toArray()));
            chunks.setString(3, model);
            chunks.setInt(4, dimensions);
            chunks.setFetchSize(2000);
            binaryResults(chunks);
            SegmentBuilder building = new SegmentBuilder(dimensions);
            UUID current = null;
            try (ResultSet rs = chunks.executeQuery()) {
                while (rs.next()) {
                    UUID document = uuid(rs.getObject(1));
                    if (!document.equals(current)) {
                        if (current != null) {
                            segments.put(current, building.build(documents.get(current), model));
                        }
                        current = document;
                    }
                    building.add(uuid(rs.getObject(2)), rs.getBytes(3));
                }
            }
            if (current != null) {
                segments.put(current, building.build(documents.get(current), model));
            }
            for (Map.Entry<UUID, Object[]> doc : documents.entrySet()) {
                segments.computeIfAbsent(doc.getKey(), d -> building.build(doc.getValue(), model));
            }
        }
        return segments;
    }

    /**
     * Asks PostgreSQL's driver for the rows in binary: a vector then arrives as its 3 KB, not as twice that
     * in hexadecimal text to decode. Another driver, or one the pool does not unwrap, reads text as before.
     */
    private static void binaryResults(PreparedStatement statement) throws SQLException {
        if (statement.isWrapperFor(PGStatement.class)) {
            // A negative threshold is the driver's "force binary": prepared on the server from the first use.
            statement.unwrap(PGStatement.class).setPrepareThreshold(-1);
        }
    }

    /** One document's rows as they arrive, into a buffer reused for the next document. */
    static final class SegmentBuilder {
        private final int dimensions;
        private final List<UUID> chunks = new ArrayList<>();
        private float[] vectors;

        SegmentBuilder(int dimensions) {
            this.dimensions = dimensions;
            this.vectors = new float[64 * dimensions];
        }

        void add(UUID chunk, byte[] binary) {
            int offset = chunks.size() * dimensions;
            if (offset + dimensions > vectors.length) {
                vectors = Arrays.copyOf(vectors, Math.max(vectors.length * 2, offset + dimensions));
            }
            PgFloatArrays.decode(binary, vectors, offset, dimensions);
            chunks.add(chunk);
        }

        /** The document's segment (empty without rows); the builder is then ready for the next document. */
        Segment build(Object[] readyVersion, String model) {
            float[] exact = Arrays.copyOf(vectors, chunks.size() * dimensions);
            Segment segment = new Segment((Integer) readyVersion[0], (Timestamp) readyVersion[1], model,
                    chunks.toArray(UUID[]::new), exact, QuantizedVectors.of(exact, dimensions));
            chunks.clear();
            return segment;
        }
    }

    @Override
    public Set<TenantId> held() {
        return Set.copyOf(tenants.keySet());
    }

    @Override
    public void forget(TenantId tenant) {
        tenants.remove(tenant);
    }

    private void evictBeyondBudget(TenantId current) {
        long total = tenants.values().stream().mapToLong(TenantVectors::bytes).sum();
        if (total <= budgetBytes) {
            return;
        }
        List<Map.Entry<TenantId, TenantVectors>> byAge = new ArrayList<>(tenants.entrySet());
        byAge.sort(Comparator.comparingLong(e -> e.getValue().lastUse));
        for (Map.Entry<TenantId, TenantVectors> oldest : byAge) {
            if (total <= budgetBytes) {
                break;
            }
            if (!oldest.getKey().equals(current)) {
                total -= oldest.getValue().bytes();
                tenants.remove(oldest.getKey());
            }
        }
    }
}
