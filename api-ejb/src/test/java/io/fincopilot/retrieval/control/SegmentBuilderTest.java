package io.fincopilot.retrieval.control;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.ByteBuffer;
import java.sql.Timestamp;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** A document's rows decoded as they arrive, into a buffer the next document reuses. */
class SegmentBuilderTest {

    private static final int DIMENSIONS = 3;
    private static final Object[] READY = {7, new Timestamp(1_000)};

    @Test
    void eachDocumentGetsExactlyItsOwnRowsInOrderAcrossBufferGrowth() {
        MemoryVectorIndex.SegmentBuilder building = new MemoryVectorIndex.SegmentBuilder(DIMENSIONS);
        UUID[] first = new UUID[150];
        for (int i = 0; i < first.length; i++) {
            first[i] = UUID.randomUUID();
            building.add(first[i], arraySend(i, i + 0.5f, -i));
        }
        MemoryVectorIndex.Segment a = building.build(READY, "m");
        UUID only = UUID.randomUUID();
        building.add(only, arraySend(9, 8, 7));
        MemoryVectorIndex.Segment b = building.build(READY, "m");

        assertArrayEquals(first, a.chunks());
        assertEquals(150 * DIMENSIONS, a.vectors().length);
        assertArrayEquals(new float[] {149, 149.5f, -149}, java.util.Arrays.copyOfRange(a.vectors(), 447, 450));
        assertEquals(150 * DIMENSIONS, a.codes().codes().length);
        assertArrayEquals(new UUID[] {only}, b.chunks());
        assertArrayEquals(new float[] {9, 8, 7}, b.vectors());
        assertEquals(7, b.version());
    }

    @Test
    void aDocumentWithoutRowsIsAnEmptySegment() {
        MemoryVectorIndex.Segment empty = new MemoryVectorIndex.SegmentBuilder(DIMENSIONS).build(READY, "m");
        assertEquals(0, empty.chunks().length);
        assertEquals(0, empty.vectors().length);
    }

    @Test
    void aVectorOfTheWrongSizeIsRefused() {
        MemoryVectorIndex.SegmentBuilder building = new MemoryVectorIndex.SegmentBuilder(DIMENSIONS);
        assertThrows(IllegalArgumentException.class, () -> building.add(UUID.randomUUID(), arraySend(1, 2)));
    }

    /** PostgreSQL's array_send of a real[]: header, then each element's length and big-endian bits. */
    private static byte[] arraySend(float... values) {
        ByteBuffer out = ByteBuffer.allocate(20 + 8 * values.length);
        out.putInt(1).putInt(0).putInt(700).putInt(values.length).putInt(1);
        for (float v : values) {
            out.putInt(4).putFloat(v);
        }
        return out.array();
    }
}
