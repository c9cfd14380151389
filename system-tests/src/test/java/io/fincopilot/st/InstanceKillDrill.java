package io.fincopilot.st;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Issue 9's crash drill, on the micro shape with two tenant-web instances behind HAProxy: 100
 * uploads in flight from eight clients, and tenant-web-1 killed with {@code kill -9} after the
 * first 25 were answered. Every upload that was acknowledged is durable and becomes ready, once;
 * clients retrying with their Idempotency-Key get their first answer (and the unacknowledged ones
 * get done); the ingestion steps the dead instance held are taken up again by the other; after the
 * reaper's pass no object in S3 lacks its version and no version lacks its object.
 * Run by {@code ./fincopilot drill}, never by the test suite.
 */
class InstanceKillDrill {

    private static final Stack STACK = Stack.get();
    private static final int UPLOADS = 100;
    private static final int KILL_AFTER = 25;

    private record Outcome(int index, String idempotencyKey, int status, String document, String failure) {
        boolean acknowledged() {
            return status == 201;
        }
    }

    @Test
    void anInstanceKilledUnderAHundredUploadsLosesNothingAcknowledged() throws Exception {
        Tenants.Tenant tenant = Tenants.create("drill-kill", "enterprise");
        String key = Tenants.key(tenant.adminToken(), "documents:read", "documents:write");
        String run = UUID.randomUUID().toString().substring(0, 8);

        CountDownLatch answered = new CountDownLatch(KILL_AFTER);
        ExecutorService clients = Executors.newFixedThreadPool(8);
        List<Future<Outcome>> pending = new ArrayList<>();
        for (int i = 0; i < UPLOADS; i++) {
            int index = i;
            pending.add(clients.submit(() -> {
                Outcome outcome = upload(key, run, index);
                answered.countDown();
                return outcome;
            }));
        }
        assertTrue(answered.await(5, TimeUnit.MINUTES), "the first uploads were not answered");
        long killedAt = System.nanoTime();
        Launcher.run("kill", "tenant-web-1");
        List<Outcome> first = new ArrayList<>();
        for (Future<Outcome> f : pending) {
            first.add(f.get(5, TimeUnit.MINUTES));
        }
        clients.shutdown();
        long acknowledged = first.stream().filter(Outcome::acknowledged).count();
        Map<String, Long> refused = new TreeMap<>();
        first.stream().filter(o -> !o.acknowledged())
                .forEach(o -> refused.merge(o.status() == 0 ? o.failure() : String.valueOf(o.status()), 1L, Long::sum));
        System.out.printf("DRILL kill: %d uploads, %d acknowledged, the others %s; tenant-web-1 killed after %d answers%n",
                UPLOADS, acknowledged, refused, KILL_AFTER);
        first.stream().filter(o -> !o.acknowledged() && o.status() != 0)
                .forEach(o -> assertTrue(o.status() == 502 || o.status() == 503 || o.status() == 504,
                        "an upload was refused with " + o.status() + ", not as a failure of the server: " + o.failure()));

        // Every client retries with its key: the acknowledged get their first answer, the others get done.
        Set<String> documents = new HashSet<>();
        for (Outcome o : first) {
            Outcome again = upload(key, run, o.index());
            assertEquals(201, again.status(), "the retry of upload " + o.index() + ": " + again.failure());
            if (o.acknowledged()) {
                assertEquals(o.document(), again.document(), "a retry of an acknowledged upload answers the first upload");
            }
            documents.add(again.document());
        }
        assertEquals(UPLOADS, documents.size(), "one document per upload, none twice");

        Launcher.run("start", "tenant-web-1");
        // Every document ready, once: the steps the dead instance held were taken up by the other.
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(8);
        Set<String> ready = new TreeSet<>();
        while (ready.size() < UPLOADS && System.nanoTime() < deadline) {
            ready.clear();
            for (JsonValue d : Stack.json(STACK.get("/api/v1/documents?limit=200", key)).asJsonArray()) {
                JsonObject document = d.asJsonObject();
                if ("ready".equals(document.getString("status"))) {
                    ready.add(document.getString("id"));
                } else if ("failed".equals(document.getString("status"))) {
                    fail("document " + document.getString("id") + " failed: " + document);
                }
            }
            Thread.sleep(2000);
        }
        System.out.printf("DRILL kill: all %d documents ready %d s after the kill%n", ready.size(),
                TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - killedAt));
        assertEquals(documents, ready, "every document ready");
        for (String document : documents) {
            JsonObject details = Stack.json(STACK.get("/api/v1/documents/" + document, key)).asJsonObject();
            assertEquals(1, details.getJsonArray("versions").size(), details.toString());
            assertEquals(details.getInt("pagesTotal"), details.getInt("pagesDone"), details.toString());
            Set<Integer> seqs = new HashSet<>();
            for (JsonValue chunk : Stack.json(STACK.get("/api/v1/documents/" + document + "/chunks?limit=500", key)).asJsonArray()) {
                assertTrue(seqs.add(chunk.asJsonObject().getInt("seq")), "a chunk stored twice in " + document);
            }
            assertTrue(!seqs.isEmpty(), "no chunks in " + document);
        }

        // After the reaper's pass (the test stack: 3 s grace, every 2 s), S3 holds exactly the versions.
        Thread.sleep(10_000);
        Set<String> versions = new TreeSet<>();
        documents.forEach(d -> versions.add(d + "/1"));
        assertEquals(versions, storedObjects(tenant.id().toString()), "S3's objects are exactly the acknowledged versions");
        System.out.printf("DRILL kill: S3 holds %d objects, one per version; no orphan after the reaper's pass%n", versions.size());
    }

    private static Outcome upload(String key, String run, int index) {
        String idempotencyKey = "drill-" + run + "-" + index;
        StringBuilder text = new StringBuilder();
        for (int line = 0; line < 400; line++) {
            text.append("Upload ").append(index).append(" of drill ").append(run).append(", line ").append(line)
                    .append(": revenue of segment ").append(line % 7).append(" was ").append(100 + line).append(" million.\n");
        }
        try {
            HttpResponse<String> response = STACK.send(HttpRequest.newBuilder(URI.create(STACK.url(
                            "/api/v1/documents?fileName=drill-" + index + ".txt")))
                    .header("Authorization", "Bearer " + key).header("Content-Type", "text/plain")
                    .header("Idempotency-Key", idempotencyKey)
                    .POST(HttpRequest.BodyPublishers.ofString(text.toString(), StandardCharsets.UTF_8)));
            String document = response.statusCode() == 201
                    ? Stack.json(response).asJsonObject().getJsonObject("document").getString("id") : null;
            return new Outcome(index, idempotencyKey, response.statusCode(), document, response.body());
        } catch (UncheckedIOException e) {
            return new Outcome(index, idempotencyKey, 0, null, e.getCause().getClass().getSimpleName());
        }
    }

    /** "document/version" of every object version and delete marker of the tenant in S3 (S3Mock: no credentials). */
    private static Set<String> storedObjects(String tenant) {
        HttpResponse<String> listed = STACK.send(HttpRequest.newBuilder(URI.create(STACK.env("S3_ENDPOINT") + "/"
                + STACK.env("S3_BUCKET") + "?versions&prefix=tenants/" + tenant + "/documents/")).GET());
        assertEquals(200, listed.statusCode(), listed.body());
        Matcher m = Pattern.compile("<Key>tenants/[^/]+/documents/([^<]+)</Key>").matcher(listed.body());
        Set<String> keys = new TreeSet<>();
        while (m.find()) {
            keys.add(m.group(1));
        }
        return keys;
    }
}
