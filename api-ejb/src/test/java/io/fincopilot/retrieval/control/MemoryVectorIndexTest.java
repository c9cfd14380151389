package io.fincopilot.retrieval.control;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;
import org.junit.jupiter.api.Test;

class MemoryVectorIndexTest {

    @Test
    void theEightSumDotProductIsTheDotProduct() {
        Random random = new Random(3);
        for (int n : new int[] {384, 385, 7, 1}) {
            float[] q = new float[n];
            float[] v = new float[n * 3];
            for (int i = 0; i < n; i++) {
                q[i] = (float) random.nextGaussian();
            }
            for (int i = 0; i < v.length; i++) {
                v[i] = (float) random.nextGaussian();
            }
            for (int row = 0; row < 3; row++) {
                double exact = 0;
                for (int j = 0; j < n; j++) {
                    exact += (double) q[j] * v[row * n + j];
                }
                assertEquals(exact, MemoryVectorIndex.dot(q, v, row * n, n), 1e-3 * Math.max(1, Math.abs(exact)), "n " + n + " row " + row);
            }
        }
    }
}
