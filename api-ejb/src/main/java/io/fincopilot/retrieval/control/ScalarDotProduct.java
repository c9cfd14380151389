package io.fincopilot.retrieval.control;

/**
 * The dot product in eight independent sums: one running sum makes every addition wait for the one
 * before, eight let the processor overlap them (about four times faster here than one). Float sums
 * of unit vectors of 384 dimensions differ from a double sum in the sixth decimal, far below any
 * gap that orders chunks.
 */
final class ScalarDotProduct implements DotProduct {

    @Override
    public float dot(float[] q, float[] v, int offset, int n) {
        float s0 = 0;
        float s1 = 0;
        float s2 = 0;
        float s3 = 0;
        float s4 = 0;
        float s5 = 0;
        float s6 = 0;
        float s7 = 0;
        int j = 0;
        for (; j + 7 < n; j += 8) {
            int o = offset + j;
            s0 += q[j] * v[o];
            s1 += q[j + 1] * v[o + 1];
            s2 += q[j + 2] * v[o + 2];
            s3 += q[j + 3] * v[o + 3];
            s4 += q[j + 4] * v[o + 4];
            s5 += q[j + 5] * v[o + 5];
            s6 += q[j + 6] * v[o + 6];
            s7 += q[j + 7] * v[o + 7];
        }
        for (; j < n; j++) {
            s0 += q[j] * v[offset + j];
        }
        return ((s0 + s1) + (s2 + s3)) + ((s4 + s5) + (s6 + s7));
    }

    @Override
    public float dot(float[] q, byte[] codes, int offset, int n) {
        float s0 = 0;
        float s1 = 0;
        float s2 = 0;
        float s3 = 0;
        int j = 0;
        for (; j + 3 < n; j += 4) {
            int o = offset + j;
            s0 += q[j] * codes[o];
            s1 += q[j + 1] * codes[o + 1];
            s2 += q[j + 2] * codes[o + 2];
            s3 += q[j + 3] * codes[o + 3];
        }
        for (; j < n; j++) {
            s0 += q[j] * codes[offset + j];
        }
        return (s0 + s1) + (s2 + s3);
    }
}
