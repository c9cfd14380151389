package io.fincopilot.retrieval.control;

import jdk.incubator.vector.ByteVector;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorShape;
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
    /**
     * As many bytes as {@link #SPECIES} has floats: each load widens to one float vector. None below
     * 8 floats (the smallest byte vector is 64 bits); those processors widen bytes by the scalar loop.
     */
    private static final VectorSpecies<Byte> BYTES = LANES >= 8
            ? VectorSpecies.of(byte.class, VectorShape.forBitSize(LANES * Byte.SIZE)) : null;
    private static final ScalarDotProduct SCALAR = new ScalarDotProduct();

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
    public float dot(float[] q, byte[] codes, int offset, int n) {
        if (BYTES == null) {
            return SCALAR.dot(q, codes, offset, n);
        }
        FloatVector a = FloatVector.zero(SPECIES);
        FloatVector b = FloatVector.zero(SPECIES);
        int j = 0;
        for (; j + 2 * LANES <= n; j += 2 * LANES) {
            FloatVector x = (FloatVector) ByteVector.fromArray(BYTES, codes, offset + j).convertShape(VectorOperators.B2F, SPECIES, 0);
            FloatVector y = (FloatVector) ByteVector.fromArray(BYTES, codes, offset + j + LANES)
                    .convertShape(VectorOperators.B2F, SPECIES, 0);
            a = a.add(FloatVector.fromArray(SPECIES, q, j).mul(x));
            b = b.add(FloatVector.fromArray(SPECIES, q, j + LANES).mul(y));
        }
        float sum = a.add(b).reduceLanes(VectorOperators.ADD);
        for (; j < n; j++) {
            sum += q[j] * codes[offset + j];
        }
        return sum;
    }

    @Override
    public String describe() {
        return "SIMD, " + LANES + " floats at once";
    }
}
