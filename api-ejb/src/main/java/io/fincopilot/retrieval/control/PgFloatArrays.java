package io.fincopilot.retrieval.control;

import java.nio.ByteBuffer;

/**
 * Reads PostgreSQL's binary form of a {@code real[]} ({@code array_send}): a header (dimensions,
 * null flag, element type, then size and lower bound per dimension) and each element as its length
 * and four big-endian bytes. Loading vectors this way avoids a boxed {@code Float} per number.
 */
final class PgFloatArrays {

    private PgFloatArrays() {
    }

    /** Writes the array's {@code dimensions} floats into {@code target} from {@code offset}. */
    static void decode(byte[] binary, float[] target, int offset, int dimensions) {
        ByteBuffer in = ByteBuffer.wrap(binary);
        int ndim = in.getInt();
        if (ndim != 1) {
            throw new IllegalArgumentException("a vector is a one-dimensional array, not " + ndim);
        }
        in.getInt(); // has nulls
        in.getInt(); // element type
        int size = in.getInt();
        in.getInt(); // lower bound
        if (size != dimensions) {
            throw new IllegalArgumentException("a vector of " + size + " numbers where " + dimensions + " are expected");
        }
        for (int i = 0; i < size; i++) {
            int length = in.getInt();
            if (length != 4) {
                throw new IllegalArgumentException("a null or malformed number in a vector");
            }
            target[offset + i] = in.getFloat();
        }
    }
}
