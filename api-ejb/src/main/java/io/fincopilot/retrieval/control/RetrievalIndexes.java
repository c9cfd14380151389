package io.fincopilot.retrieval.control;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * This instance's indexes, made on first use: pgvector when migration V7 could add the
 * {@code embedding_v} column (unless {@code fincopilot.retrieval.vector-index=memory}), the
 * built-in index otherwise, within {@code fincopilot.retrieval.memory-index-bytes}.
 */
@ApplicationScoped
public class RetrievalIndexes {

    private static final Logger LOG = Logger.getLogger(RetrievalIndexes.class.getName());
    static final int DIMENSIONS = 384;

    @Resource(lookup = "jdbc/fincopilot")
    DataSource dataSource;

    @Inject
    @ConfigProperty(name = "fincopilot.retrieval.vector-index", defaultValue = "auto")
    String choice;

    @Inject
    @ConfigProperty(name = "fincopilot.retrieval.memory-index-bytes", defaultValue = "402653184")
    long memoryBudget;

    @Inject
    io.fincopilot.platform.PlatformMetrics metrics;

    private VectorIndex vectors;
    private FullTextIndex fullText;

    public synchronized VectorIndex vectors() {
        if (vectors == null) {
            boolean pgvector = !"memory".equals(choice) && hasPgVector();
            if ("pgvector".equals(choice) && !pgvector) {
                throw new IllegalStateException("fincopilot.retrieval.vector-index=pgvector, but the database has no pgvector");
            }
            if (pgvector) {
                vectors = new PgVectorIndex(dataSource);
            } else {
                MemoryVectorIndex memory = new MemoryVectorIndex(dataSource, DIMENSIONS, memoryBudget);
                metrics.memoryIndex(memory, MemoryVectorIndex::bytesHeld);
                vectors = memory;
            }
            LOG.info("vector search: " + vectors.describe());
        }
        return vectors;
    }

    public synchronized FullTextIndex fullText() {
        if (fullText == null) {
            fullText = new FullTextIndex(dataSource);
        }
        return fullText;
    }

    private boolean hasPgVector() {
        try (Connection db = dataSource.getConnection(); ResultSet rs = db.createStatement().executeQuery(
                "select 1 from information_schema.columns where table_name = 'chunks' and column_name = 'embedding_v'")) {
            return rs.next();
        } catch (SQLException e) {
            throw new IllegalStateException("the database could not be asked about pgvector", e);
        }
    }
}
