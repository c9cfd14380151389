package io.fincopilot.retrieval.control;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.fincopilot.retrieval.entity.ScoredChunk;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The two halves of the full-text ranking, merged, give what one query over both sets of chunks gives. */
class FullTextMergeTest {

    @Test
    void mergedHalvesAreTheBestOfTheUnionInPostgresOrder() {
        Random random = new Random(7);
        for (int round = 0; round < 200; round++) {
            Map<UUID, Double> ranks = new LinkedHashMap<>();
            for (int i = 0; i < 120; i++) {
                // Few distinct ranks, so that ties (ordered by id) are common.
                ranks.put(new UUID(random.nextLong(), random.nextLong()), (double) random.nextInt(8));
            }
            List<UUID> ids = new ArrayList<>(ranks.keySet());
            List<UUID> exactIds = ids.subList(0, 70);
            List<UUID> candidateIds = ids.subList(40, 120); // overlapping: a chunk may be in both
            int k = 1 + random.nextInt(60);
            List<ScoredChunk> exact = best(exactIds, ranks, k);
            List<ScoredChunk> candidates = best(candidateIds, ranks, k);
            List<UUID> union = new ArrayList<>(ids);
            assertEquals(best(union, ranks, k), FullTextIndex.merge(exact, candidates, k), "round " + round);
        }
    }

    /** What PostgreSQL answers to "order by rank desc, c.id limit k": uuids compare as unsigned bytes, as their text does. */
    private static List<ScoredChunk> best(List<UUID> ids, Map<UUID, Double> ranks, int k) {
        UUID document = new UUID(0, 1);
        return ids.stream().map(id -> new ScoredChunk(id, document, ranks.get(id)))
                .sorted(Comparator.comparingDouble(ScoredChunk::score).reversed().thenComparing(c -> c.chunk().toString()))
                .limit(k).toList();
    }
}
