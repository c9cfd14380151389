package io.fincopilot.st;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fincopilot.retrieval.control.MemoryVectorIndex;
import io.fincopilot.retrieval.control.PgVectorIndex;
import io.fincopilot.retrieval.entity.ScoredChunk;
import io.fincopilot.tenancy.entity.TenantId;
import java.sql.Connection;
import java.sql.ResultSet;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * Where the stack's PostgreSQL has pgvector (a stack started on an existing server,
 * FINCOPILOT_EXTERNAL_PG; RDS in production), its HNSW index and the built-in exact index give the
 * same nearest chunks over the same generated vectors: the same first chunk for every query and
 * at least 90% of the same top ten, with and without a document filter. Skipped, and says so,
 * where the server has no pgvector (Debian's packages here do not).
 */
class VectorIndexesIT {

    @Test
    void pgvectorAndTheBuiltInIndexFindTheSameChunks() throws Exception {
        try (Connection db = GeneratedChunks.superuser();
                ResultSet rs = db.createStatement().executeQuery("select 1 from pg_extension where extname = 'vector'")) {
            Assumptions.assumeTrue(rs.next(), "this PostgreSQL has no pgvector: the comparison runs where it has");
        }
        Tenants.Tenant tenant = Tenants.create("vectors", "enterprise");
        GeneratedChunks.generate(tenant.id(), 2_000);
        javax.sql.DataSource source = new PGSimpleDataSource() {
            @Override
            public Connection getConnection() throws java.sql.SQLException {
                return GeneratedChunks.superuser();
            }
        };
        MemoryVectorIndex memory = new MemoryVectorIndex(source, 384, 64L << 20);
        PgVectorIndex pgvector = new PgVectorIndex(source);
        String model = GeneratedChunks.model();
        TenantId id = new TenantId(tenant.id());
        Random random = new Random(7);
        Set<UUID> someDocuments = new HashSet<>();
        try (Connection db = GeneratedChunks.superuser();
                ResultSet rs = db.createStatement().executeQuery("select id from documents where tenant_id = '" + tenant.id()
                        + "' order by id limit 5")) {
            while (rs.next()) {
                someDocuments.add(rs.getObject(1, UUID.class));
            }
        }
        int shared = 0;
        int total = 0;
        for (int q = 0; q < 40; q++) {
            float[] query = unit(random);
            Set<UUID> filter = q % 2 == 0 ? null : someDocuments;
            List<UUID> exact = memory.nearest(id, query, filter, model, 10).stream().map(ScoredChunk::chunk).toList();
            List<UUID> approximate = pgvector.nearest(id, query, filter, model, 10).stream().map(ScoredChunk::chunk).toList();
            assertEquals(10, exact.size());
            assertEquals(exact.get(0), approximate.get(0), "query " + q + ": the same nearest chunk");
            shared += (int) approximate.stream().filter(exact::contains).count();
            total += exact.size();
        }
        assertTrue(shared >= 0.9 * total, "the same top ten: " + shared + " of " + total);
    }

    private static float[] unit(Random random) {
        float[] v = new float[384];
        double norm = 0;
        for (int i = 0; i < v.length; i++) {
            v[i] = (float) random.nextGaussian();
            norm += v[i] * v[i];
        }
        for (int i = 0; i < v.length; i++) {
            v[i] /= (float) Math.sqrt(norm);
        }
        return v;
    }
}
