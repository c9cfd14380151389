package io.fincopilot.retrieval.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class DotProductTest {

    @Test
    void bothWaysComputeTheDotProduct() {
        Random random = new Random(3);
        for (DotProduct dot : List.of(new ScalarDotProduct(), new SimdDotProduct())) {
            for (int n : new int[] {384, 385, 7, 1, 33}) {
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
                    assertEquals(exact, dot.dot(q, v, row * n, n), 1e-3 * Math.max(1, Math.abs(exact)),
                            dot.describe() + ", n " + n + " row " + row);
                }
            }
        }
    }

    @Test
    void bothWaysComputeTheDotProductWithCodes() {
        Random random = new Random(5);
        for (DotProduct dot : List.of(new ScalarDotProduct(), new SimdDotProduct())) {
            for (int n : new int[] {384, 385, 7, 1, 33}) {
                float[] q = new float[n];
                byte[] codes = new byte[n * 3];
                for (int i = 0; i < n; i++) {
                    q[i] = (float) random.nextGaussian();
                }
                random.nextBytes(codes);
                codes[0] = -128;
                for (int row = 0; row < 3; row++) {
                    double exact = 0;
                    for (int j = 0; j < n; j++) {
                        exact += (double) q[j] * codes[row * n + j];
                    }
                    assertEquals(exact, dot.dot(q, codes, row * n, n), 1e-4 * Math.max(1, Math.abs(exact)),
                            dot.describe() + ", n " + n + " row " + row);
                }
            }
        }
    }

    /** The build's tests run with the module, as the launcher's Payara does: the choice must then be SIMD. */
    @Test
    void withTheVectorApiPresentTheScanUsesIt() {
        assertInstanceOf(SimdDotProduct.class, DotProduct.FASTEST);
    }
}
