package io.fincopilot.documents.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fincopilot.platform.outage.Dependency;
import io.fincopilot.platform.outage.DependencyUnavailable;
import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** An ingestion step that failed because S3 or PostgreSQL is away waits for it instead of using up its attempts. */
class IngestionOutageTest {

    @Test
    void aStepThatMetAnOutageWaitsForTheDependency() {
        assertEquals(Optional.of(Duration.ofSeconds(10)), IngestionQueue.outageWait(
                new RuntimeException(new DependencyUnavailable(Dependency.STORAGE, new ConnectException("refused")))));
        assertEquals(Optional.of(Duration.ofSeconds(10)), IngestionQueue.outageWait(
                new jakarta.persistence.PersistenceException(new SQLException("I/O error", "08006"))));
    }

    @Test
    void anyOtherFailureCountsAsAnAttempt() {
        assertTrue(IngestionQueue.outageWait(new IllegalStateException("a bug")).isEmpty());
        assertTrue(IngestionQueue.outageWait(new UncheckedIOException(new java.io.IOException("corrupt PDF"))).isEmpty());
        assertTrue(IngestionQueue.outageWait(null).isEmpty());
    }
}
