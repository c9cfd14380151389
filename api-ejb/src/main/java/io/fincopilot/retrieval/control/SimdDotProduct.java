package io.fincopilot.retrieval.control;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * The dot product with the Vector API: multiplies and adds over the widest vectors the processor
 * has, in two independent accumulators (for the same reason the scalar loop keeps eight). Loaded
 * only where the module is present ({@link DotProduct.Choice}).
 */
final class SimdDotProduct implements DotProduct {

    private static final VectorSpecies<Float> SPECIES = FloatVector.SPECIES_PREFERRED;
    private static final int LANES = SPECIES.length();

    @Override
    public float dot(float[] q, float[] v, int offset, int n) {
        FloatVector a = FloatVector.zero(SPECIES);
        FloatVector b = FloatVector.zero(SPECIES);
        int j = 0;
        for (; j + 2 * LANES <= n; j += 2 * LANES) {
            // mul then add, not fma: without the processor's FMA instruction the Vector API computes fma lane by
            // lane in software, thousands of times slower; mul and add are fast on every SIMD processor.
            a = a.add(FloatVector.fromArray(SPECIES, q, j).mul(FloatVector.fromArray(SPECIES, v, offset + j)));
            b = b.add(FloatVector.fromArray(SPECIES, q, j + LANES).mul(FloatVector.fromArray(SPECIES, v, offset + j + LANES)));
        }
        float sum = a.add(b).reduceLanes(VectorOperators.ADD);
        for (; j < n; j++) {
            sum += q[j] * v[offset + j];
        }
        return sum;
    }

    @Override
    public String describe() {
        return "SIMD, " + LANES + " floats at once";
    }
}
