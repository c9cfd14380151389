package io.fincopilot.retrieval.control;

import io.fincopilot.retrieval.entity.ScoredChunk;
import io.fincopilot.tenancy.entity.TenantId;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * Nearest chunks to a query vector among the ready versions of a tenant's documents (decision 56):
 * pgvector where the extension exists, the built-in {@link MemoryVectorIndex} otherwise.
 * PostgreSQL is the source of truth for both.
 */
public interface VectorIndex extends io.fincopilot.tenancy.control.TenantMemory {

    /**
     * @param documents only chunks of these documents; null for all of the tenant's
     * @param model only vectors of this model (a re-embedding in progress mixes two)
     */
    List<ScoredChunk> nearest(TenantId tenant, float[] query, Set<UUID> documents, String model, int k);

    /** How the index is kept, for /health and the benchmark. */
    String describe();

    /** Nothing, unless the index keeps vectors in this instance's memory. */
    @Override
    default Set<TenantId> held() {
        return Set.of();
    }

    @Override
    default void forget(TenantId tenant) {
        // nothing held here
    }
}
