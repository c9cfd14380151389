package io.fincopilot.retrieval.control;

import java.util.logging.Logger;

/**
 * The dot product the built-in vector index scans with (decision 67). With the JDK's Vector API
 * present ({@code --add-modules jdk.incubator.vector}, set by the launcher) it is computed with the
 * processor's SIMD instructions, about 2.5 times as fast here as the best scalar loop; without it,
 * by the scalar loop. Both sum in float and give the same ranking.
 */
public interface DotProduct {

    /** The dot product of {@code q} and the {@code n} floats of {@code v} from {@code offset}. */
    float dot(float[] q, float[] v, int offset, int n);

    /**
     * The dot product of {@code q} and the {@code n} signed bytes of {@code codes} from {@code offset}
     * (a vector's int8 codes, {@link QuantizedVectors}); the caller multiplies by the vector's scale.
     */
    float dot(float[] q, byte[] codes, int offset, int n);

    /** The fastest this JVM offers, chosen once. */
    DotProduct FASTEST = Choice.fastest();

    /** Which implementation {@link #FASTEST} is, for the index's description. */
    default String describe() {
        return getClass().getSimpleName();
    }

    /** Keeps the choice out of the interface's public face. */
    final class Choice {
        private static final Logger LOG = Logger.getLogger(DotProduct.class.getName());

        private Choice() {
        }

        static DotProduct fastest() {
            if (ModuleLayer.boot().findModule("jdk.incubator.vector").isPresent()) {
                try {
                    // By name: this class must load on a JVM without the module.
                    return (DotProduct) Class.forName("io.fincopilot.retrieval.control.SimdDotProduct")
                            .getDeclaredConstructor().newInstance();
                } catch (ReflectiveOperationException | LinkageError e) {
                    LOG.warning("the Vector API is present but could not be used (" + e + "); scanning without SIMD");
                }
            } else {
                LOG.info("the JVM runs without jdk.incubator.vector: the vector index scans without SIMD");
            }
            return new ScalarDotProduct();
        }
    }
}
