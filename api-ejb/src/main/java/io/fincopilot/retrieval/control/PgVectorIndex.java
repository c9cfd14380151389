package io.fincopilot.retrieval.control;

import static io.fincopilot.persistence.NativeValues.uuid;

import io.fincopilot.retrieval.entity.ScoredChunk;
import io.fincopilot.tenancy.entity.TenantId;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import javax.sql.DataSource;

/**
 * Vector search by pgvector (decision 56), where migration V7 could create the extension: the
 * generated {@code embedding_v} column with its HNSW index (cosine distance). The tenant and the
 * ready versions are filtered in the same query; iterative index scans (pgvector 0.8) keep
 * returning rows until {@code k} pass those filters.
 */
public class PgVectorIndex implements VectorIndex {

    private final DataSource dataSource;

    public PgVectorIndex(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    @Override
    public List<ScoredChunk> nearest(TenantId tenant, float[] query, Set<UUID> documents, String model, int k) {
        String vector = literal(query);
        try (Connection db = dataSource.getConnection()) {
            boolean autoCommit = db.getAutoCommit();
            db.setAutoCommit(false);
            try (Statement settings = db.createStatement()) {
                settings.execute("set local hnsw.ef_search = " + Math.max(40, 2 * k));
                if (iterativeScans(db)) {
                    settings.execute("set local hnsw.iterative_scan = relaxed_order");
                }
            }
            try (PreparedStatement nearest = db.prepareStatement("select c.id, c.document_id, 1 - (c.embedding_v <=> ?::vector) "
                    + "from chunks c join documents d on d.tenant_id = c.tenant_id and d.id = c.document_id "
                    + "and d.ready_version = c.version where c.tenant_id = ? and c.model = ? "
                    + (documents == null ? "" : "and c.document_id = any (?) ")
                    + "order by c.embedding_v <=> ?::vector limit ?")) {
                int i = 1;
                nearest.setString(i++, vector);
                nearest.setObject(i++, tenant.value());
                nearest.setString(i++, model);
                if (documents != null) {
                    nearest.setArray(i++, db.createArrayOf("uuid", documents.toArray()));
                }
                nearest.setString(i++, vector);
                nearest.setInt(i, k);
                List<ScoredChunk> found = new ArrayList<>();
                try (ResultSet rs = nearest.executeQuery()) {
                    while (rs.next()) {
                        found.add(new ScoredChunk(uuid(rs.getObject(1)), uuid(rs.getObject(2)), rs.getDouble(3)));
                    }
                }
                return found;
            } finally {
                db.rollback();
                db.setAutoCommit(autoCommit);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("the vector search failed", e);
        }
    }

    private Boolean iterative;

    /** pgvector 0.8 and later scan the HNSW index again until enough rows pass the filters (an unknown setting would abort the query). */
    private synchronized boolean iterativeScans(Connection db) throws SQLException {
        if (iterative == null) {
            try (java.sql.ResultSet rs = db.createStatement().executeQuery(
                    "select string_to_array(extversion, '.')::int[] >= array[0, 8] from pg_extension where extname = 'vector'")) {
                iterative = rs.next() && rs.getBoolean(1);
            }
        }
        return iterative;
    }

    @Override
    public String describe() {
        return "pgvector (HNSW, cosine)";
    }

    static String literal(float[] vector) {
        StringBuilder text = new StringBuilder(vector.length * 10).append('[');
        for (int i = 0; i < vector.length; i++) {
            text.append(i == 0 ? "" : ",").append(vector[i]);
        }
        return text.append(']').toString();
    }
}
