package io.fincopilot.retrieval.control;

import io.fincopilot.retrieval.entity.ScoredChunk;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Weighted reciprocal rank fusion: a chunk scores {@code weight / (K + rank)} in each ranking it
 * appears in (rank from 1), summed. The full-text ranking is weighted lightly (decision 57): it
 * adds the passages whose exact words the vectors missed without reordering what dense retrieval
 * already ranks well.
 */
public final class Fusion {

    /** The usual RRF constant: it flattens the difference between neighbouring ranks. */
    public static final int K = 60;

    private Fusion() {
    }

    /** The chunks of both rankings, best first, with their fused scores. */
    public static List<ScoredChunk> fuse(List<ScoredChunk> dense, double denseWeight, List<ScoredChunk> fullText,
            double fullTextWeight) {
        Map<UUID, double[]> scores = new LinkedHashMap<>();
        Map<UUID, UUID> documents = new LinkedHashMap<>();
        add(dense, denseWeight, scores, documents);
        add(fullText, fullTextWeight, scores, documents);
        List<ScoredChunk> fused = new ArrayList<>(scores.size());
        scores.forEach((chunk, score) -> fused.add(new ScoredChunk(chunk, documents.get(chunk), score[0])));
        fused.sort(Comparator.comparingDouble(ScoredChunk::score).reversed());
        return fused;
    }

    private static void add(List<ScoredChunk> ranking, double weight, Map<UUID, double[]> scores, Map<UUID, UUID> documents) {
        for (int i = 0; i < ranking.size(); i++) {
            ScoredChunk c = ranking.get(i);
            scores.computeIfAbsent(c.chunk(), id -> new double[1])[0] += weight / (K + i + 1);
            documents.putIfAbsent(c.chunk(), c.document());
        }
    }
}
