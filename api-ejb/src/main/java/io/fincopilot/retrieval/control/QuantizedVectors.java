package io.fincopilot.retrieval.control;

/**
 * Int8 codes of a run of vectors, for the built-in index's first pass (decision 69). Each vector is
 * approximated by its codes times one scale (its largest component over 127), and the length of
 * what that approximation misses is kept: by Cauchy-Schwarz, {@code |q.v - scale (q.codes)|} is at
 * most {@code |q| error}, so the first pass knows how far each score can be off and the index can
 * stay exact. A quarter of the floats' bytes: the scan reads memory four times faster.
 *
 * @param codes the vectors' components as signed bytes, end to end
 * @param scales per vector, what a code is worth
 * @param errors per vector, the length of the vector minus its approximation, rounded up
 */
record QuantizedVectors(byte[] codes, float[] scales, float[] errors) {

    static QuantizedVectors of(float[] vectors, int dimensions) {
        int count = vectors.length / dimensions;
        byte[] codes = new byte[count * dimensions];
        float[] scales = new float[count];
        float[] errors = new float[count];
        for (int v = 0, offset = 0; v < count; v++, offset += dimensions) {
            float largest = 0;
            for (int j = 0; j < dimensions; j++) {
                largest = Math.max(largest, Math.abs(vectors[offset + j]));
            }
            if (largest == 0 || !Float.isFinite(largest)) {
                // Nothing to scale (or nothing sane): codes 0, and an error as large as the vector itself.
                errors[v] = Float.isFinite(largest) ? 0 : Float.POSITIVE_INFINITY;
                continue;
            }
            float scale = largest / 127f;
            double missed = 0;
            for (int j = 0; j < dimensions; j++) {
                int code = Math.max(-127, Math.min(127, Math.round(vectors[offset + j] / scale)));
                codes[offset + j] = (byte) code;
                double diff = (double) vectors[offset + j] - (double) scale * code;
                missed += diff * diff;
            }
            scales[v] = scale;
            errors[v] = Math.nextUp((float) Math.sqrt(missed));
        }
        return new QuantizedVectors(codes, scales, errors);
    }

    /** The memory the codes take beside the floats. */
    long bytes() {
        return codes.length + scales.length * 8L;
    }
}
