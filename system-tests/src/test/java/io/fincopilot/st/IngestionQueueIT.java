package io.fincopilot.st;

import static io.fincopilot.st.Api.ok;
import static io.fincopilot.st.IngestionIT.finished;
import static io.fincopilot.st.IngestionIT.longText;
import static io.fincopilot.st.IngestionIT.upload;
import static io.fincopilot.st.IngestionIT.waitFor;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.fincopilot.client.model.DocumentView;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectOutputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The ingestion queue on the running stack: tenants take turns (a tenant's batch of documents does
 * not hold up another tenant's single one), and a job held by an instance that died is taken up
 * again after a backoff, or ends failed with a reason after its last attempt.
 */
class IngestionQueueIT {

    private static final Stack STACK = Stack.get();

    @Test
    void aSmallDocumentIsReadyWhileAnotherTenantsLargeBatchIsStillRunning() {
        Api a = Api.as(Tenants.key(Tenants.create("biga").adminToken(), "documents:read", "documents:write"));
        Api b = Api.as(Tenants.key(Tenants.create("smallb").adminToken(), "documents:read", "documents:write"));
        List<UUID> batch = new ArrayList<>();
        batch.add(upload(a, "annual-volume.txt", longText(200, UUID.randomUUID().toString())));
        for (int i = 0; i < 15; i++) {
            batch.add(upload(a, "volume-" + i + ".txt", longText(40, UUID.randomUUID().toString())));
        }
        UUID small = upload(b, "memo.txt", ("One page memo " + UUID.randomUUID()).getBytes(StandardCharsets.UTF_8));
        List<UUID> waiting = batch.stream().filter(id -> ok(() -> a.documents().getDocument(id)).getStatus()
                == DocumentView.StatusEnum.QUEUED).toList();
        assertTrue(waiting.size() >= 4, "A's batch had a backlog when B's page came: " + waiting.size() + " waiting");
        Instant until = Instant.now().plus(Duration.ofSeconds(120));
        while (ok(() -> b.documents().getDocument(small)).getStatus() != DocumentView.StatusEnum.READY) {
            if (Instant.now().isAfter(until)) {
                fail("B's one page was not ready in 120 s");
            }
            IngestionIT.sleep(200);
        }
        long startedMeanwhile = waiting.stream().filter(id -> ok(() -> a.documents().getDocument(id)).getStatus()
                != DocumentView.StatusEnum.QUEUED).count();
        // Taken by arrival, B's page would wait until every one of A's waiting documents had had its
        // turn (all of them started first when priorities were off); how many start meanwhile depends
        // on the machine's load, so the test asks only that B did not wait for all of them.
        assertTrue(startedMeanwhile < waiting.size(), "B's page waited for " + startedMeanwhile + " of A's "
                + waiting.size() + " waiting documents to start");
        assertTrue(batch.stream().anyMatch(id -> !finished(ok(() -> a.documents().getDocument(id)))), "A's batch is still running");
        batch.forEach(id -> assertEquals(DocumentView.StatusEnum.READY, waitFor(a, id, IngestionIT::finished).getStatus()));
    }

    @Test
    void aJobHeldByAnInstanceThatDiedIsTakenUpAgainAfterABackoff() throws Exception {
        Api api = Api.as(Tenants.key(Tenants.create("revive").adminToken(), "documents:read", "documents:write"));
        UUID id = upload(api, "orphaned.txt", longText(4, UUID.randomUUID().toString()));
        waitFor(api, id, d -> d.getStatus() == DocumentView.StatusEnum.READY);
        String job = orphan(id, 0);

        boolean backedOff = false;
        Instant until = Instant.now().plus(Duration.ofSeconds(120));
        while (ok(() -> api.documents().getDocument(id)).getStatus() != DocumentView.StatusEnum.READY) {
            try (Connection db = database(); PreparedStatement q = db.prepareStatement("select picked, consecutive_failures, "
                    + "extract(epoch from execution_time - last_failure) from scheduled_tasks where task_instance = ?")) {
                q.setString(1, job);
                try (ResultSet row = q.executeQuery()) {
                    if (row.next() && !row.getBoolean(1) && row.getInt(2) == 1) {
                        assertTrue(row.getDouble(3) >= 4.5, "taken up again after a backoff, not at once: " + row.getDouble(3));
                        backedOff = true;
                    }
                }
            }
            if (Instant.now().isAfter(until)) {
                fail("the dead instance's job was not taken up again in 120 s");
            }
            IngestionIT.sleep(200);
        }
        assertTrue(backedOff, "the dead step counted as a failed attempt, retried after a wait");
        DocumentView ready = ok(() -> api.documents().getDocument(id));
        assertEquals(4, ready.getPagesDone());
        try (Connection db = database(); PreparedStatement q = db.prepareStatement("select (select count(*) from "
                + "scheduled_tasks where task_instance = ?), (select count(*) from chunks where document_id = ? and embedding is null)")) {
            q.setString(1, job);
            q.setObject(2, id);
            try (ResultSet row = q.executeQuery()) {
                row.next();
                assertEquals(0, row.getInt(1), "the job is done");
                assertEquals(0, row.getInt(2), "every chunk is embedded again");
            }
        }
    }

    @Test
    void aJobWhoseInstanceDiedOnItsLastAttemptEndsFailedWithTheReason() throws Exception {
        Api api = Api.as(Tenants.key(Tenants.create("lastgo").adminToken(), "documents:read", "documents:write"));
        UUID id = upload(api, "fatal.txt", longText(2, UUID.randomUUID().toString()));
        waitFor(api, id, d -> d.getStatus() == DocumentView.StatusEnum.READY);
        orphan(id, 3);
        DocumentView failed = waitFor(api, id, d -> d.getStatus() == DocumentView.StatusEnum.FAILED);
        assertTrue(failed.getFailureReason().contains("processing failed 4 times")
                && failed.getFailureReason().contains("stopped answering"), failed.getFailureReason());
    }

    /**
     * Puts a ready document back to embedding, held by an instance that vanished ten minutes ago
     * after {@code failures} failed attempts, as a crash in the middle of a step would leave it.
     */
    private static String orphan(UUID document, int failures) throws SQLException, IOException {
        try (Connection db = database()) {
            db.setAutoCommit(false);
            String tenantId;
            try (PreparedStatement q = db.prepareStatement("select tenant_id from documents where id = ?")) {
                q.setObject(1, document);
                try (ResultSet row = q.executeQuery()) {
                    row.next();
                    tenantId = row.getString(1);
                }
            }
            String job = tenantId + "/" + document + "/1";
            try (PreparedStatement back = db.prepareStatement("update document_versions set status = 'PROCESSING', "
                    + "pages_done = 0, finished_at = null where document_id = ? and version = 1");
                    PreparedStatement unembed = db.prepareStatement("update chunks set embedding = null where document_id = ?");
                    PreparedStatement held = db.prepareStatement("insert into scheduled_tasks (task_name, task_instance, "
                            + "task_data, execution_time, picked, picked_by, last_heartbeat, consecutive_failures, version, "
                            + "priority) values ('ingest', ?, ?, now() - interval '10 minutes', true, 'vanished-instance', "
                            + "now() - interval '10 minutes', ?, 1, 0)")) {
                back.setObject(1, document);
                assertEquals(1, back.executeUpdate());
                unembed.setObject(1, document);
                assertTrue(unembed.executeUpdate() > 0);
                held.setString(1, job);
                held.setBytes(2, serialized(1));
                held.setInt(3, failures);
                held.executeUpdate();
            }
            db.commit();
            return job;
        }
    }

    /** The step number as db-scheduler's default serializer writes task data. */
    private static byte[] serialized(int step) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(Integer.valueOf(step));
        }
        return bytes.toByteArray();
    }

    private static Connection database() throws SQLException {
        return DriverManager.getConnection(STACK.env("DATABASE_JDBC_URL"), "postgres", STACK.secret("PG_SUPER_PASSWORD"));
    }
}
