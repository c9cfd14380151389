package io.fincopilot.retrieval.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fincopilot.retrieval.entity.ScoredChunk;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The built-in index's two passes (int8 codes, then floats for the candidates) give what scoring
 * every chunk with its floats gives: the same chunks in the same order, with the same scores.
 */
class MemoryVectorIndexScanTest {

    private static final int DIMENSIONS = 384;
    private final MemoryVectorIndex index = new MemoryVectorIndex(null, DIMENSIONS, 1L << 30);

    @Test
    void randomVectorsAsInTheBenchmark() {
        Random random = new Random(11);
        check(documents(random, 40, 100, null, 0), unit(gaussian(random)), 200);
    }

    /** Real embeddings sit close together (cosines of 0.5 to 0.9): the bounds must still keep the best. */
    @Test
    void vectorsCloseTogetherAsRealEmbeddingsAre() {
        Random random = new Random(13);
        float[] centre = unit(gaussian(random));
        List<Map.Entry<UUID, MemoryVectorIndex.Segment>> wanted = documents(random, 300, 100, centre, 0.25);
        float[] query = near(random, centre, 0.3);
        check(wanted, query, 200);
        check(wanted, query, 1);
        check(wanted.subList(0, 3), query, 500);
    }

    @Test
    void theBoundHoldsForEveryVector() {
        Random random = new Random(17);
        float[] vectors = new float[DIMENSIONS * 500];
        for (int v = 0; v < 500; v++) {
            System.arraycopy(unit(gaussian(random)), 0, vectors, v * DIMENSIONS, DIMENSIONS);
        }
        QuantizedVectors codes = QuantizedVectors.of(vectors, DIMENSIONS);
        DotProduct dot = DotProduct.FASTEST;
        for (int trial = 0; trial < 20; trial++) {
            float[] q = unit(gaussian(random));
            for (int v = 0; v < 500; v++) {
                double exact = 0;
                for (int j = 0; j < DIMENSIONS; j++) {
                    exact += (double) q[j] * vectors[v * DIMENSIONS + j];
                }
                double approximate = codes.scales()[v] * (double) dot.dot(q, codes.codes(), v * DIMENSIONS, DIMENSIONS);
                assertTrue(Math.abs(exact - approximate) <= codes.errors()[v] + 1e-6,
                        "vector " + v + ": off by " + Math.abs(exact - approximate) + ", bound " + codes.errors()[v]);
            }
        }
    }

    private void check(List<Map.Entry<UUID, MemoryVectorIndex.Segment>> wanted, float[] query, int k) {
        List<ScoredChunk> all = new ArrayList<>();
        for (Map.Entry<UUID, MemoryVectorIndex.Segment> document : wanted) {
            MemoryVectorIndex.Segment segment = document.getValue();
            for (int i = 0; i < segment.chunks().length; i++) {
                all.add(new ScoredChunk(segment.chunks()[i], document.getKey(),
                        DotProduct.FASTEST.dot(query, segment.vectors(), i * DIMENSIONS, DIMENSIONS)));
            }
        }
        all.sort(Comparator.comparingDouble(ScoredChunk::score).reversed());
        List<ScoredChunk> expected = all.subList(0, Math.min(k, all.size()));
        List<ScoredChunk> found = index.scan(wanted, query, k);
        assertEquals(expected.size(), found.size());
        for (int i = 0; i < expected.size(); i++) {
            assertEquals(expected.get(i).chunk(), found.get(i).chunk(), "rank " + (i + 1));
            assertEquals(expected.get(i).score(), found.get(i).score(), 1e-6, "rank " + (i + 1));
        }
    }

    private static List<Map.Entry<UUID, MemoryVectorIndex.Segment>> documents(Random random, int count, int chunks,
            float[] centre, double spread) {
        List<Map.Entry<UUID, MemoryVectorIndex.Segment>> documents = new ArrayList<>();
        for (int d = 0; d < count; d++) {
            float[] vectors = new float[chunks * DIMENSIONS];
            UUID[] ids = new UUID[chunks];
            for (int c = 0; c < chunks; c++) {
                ids[c] = new UUID(d, c);
                float[] v = centre == null ? unit(gaussian(random)) : near(random, centre, spread);
                System.arraycopy(v, 0, vectors, c * DIMENSIONS, DIMENSIONS);
            }
            documents.add(Map.entry(new UUID(d, -1), new MemoryVectorIndex.Segment(1, new Timestamp(0), "m", ids, vectors,
                    QuantizedVectors.of(vectors, DIMENSIONS))));
        }
        return documents;
    }

    private static float[] near(Random random, float[] centre, double spread) {
        float[] noise = unit(gaussian(random));
        float[] v = new float[DIMENSIONS];
        for (int j = 0; j < DIMENSIONS; j++) {
            v[j] = (float) (centre[j] + spread * noise[j]);
        }
        return unit(v);
    }

    private static float[] gaussian(Random random) {
        float[] v = new float[DIMENSIONS];
        for (int j = 0; j < DIMENSIONS; j++) {
            v[j] = (float) random.nextGaussian();
        }
        return v;
    }

    private static float[] unit(float[] v) {
        double sum = 0;
        for (float x : v) {
            sum += (double) x * x;
        }
        float length = (float) Math.sqrt(sum);
        for (int j = 0; j < v.length; j++) {
            v[j] /= length;
        }
        return v;
    }
}
