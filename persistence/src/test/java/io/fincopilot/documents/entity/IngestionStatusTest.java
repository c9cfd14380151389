package io.fincopilot.documents.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class IngestionStatusTest {

    @Test
    void processingIsExtractingUntilThePagesAreCountedThenEmbedding() {
        assertEquals(IngestionStatus.EXTRACTING, IngestionStatus.of(VersionStatus.PROCESSING, null));
        assertEquals(IngestionStatus.EMBEDDING, IngestionStatus.of(VersionStatus.PROCESSING, 61));
        assertEquals("embedding", IngestionStatus.of(VersionStatus.PROCESSING, 61).label());
    }

    @Test
    void theOtherStatusesAreShownAsStored() {
        assertEquals(IngestionStatus.QUEUED, IngestionStatus.of(VersionStatus.QUEUED, null));
        assertEquals(IngestionStatus.READY, IngestionStatus.of(VersionStatus.READY, 3));
        assertEquals(IngestionStatus.FAILED, IngestionStatus.of(VersionStatus.FAILED, null));
        assertTrue(IngestionStatus.READY.finished() && IngestionStatus.FAILED.finished());
        assertFalse(IngestionStatus.EMBEDDING.finished());
    }
}
