package io.fincopilot.st;

import static io.fincopilot.st.Api.ok;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.fincopilot.client.model.DocumentView;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The upload protocol's two promises (decision 48), with a failure injected between every pair of
 * steps, as a plain failure and as a crash that leaves no chance to undo: no acknowledged document
 * is ever without its object in S3, and after a reaper pass no object is without its document.
 * Only the test stack honours {@code X-Fincopilot-Fault} (it runs with {@code fincopilot.test.faults}).
 */
class UploadFailuresIT {

    private static final Stack STACK = Stack.get();
    private static final List<String> STEPS = List.of("before-reserve", "after-reserve", "after-put", "after-confirm");
    private static Tenants.Tenant tenant;
    private static String key;
    private static Api api;

    @BeforeAll
    static void tenant() {
        tenant = Tenants.create("faults");
        key = Tenants.key(tenant.adminToken(), "documents:read", "documents:write");
        api = Api.as(key);
    }

    private static HttpResponse<String> upload(String fault, String idempotencyKey, byte[] body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(STACK.url("/api/v1/documents?fileName=f.txt")))
                .header("Authorization", "Bearer " + key).header("Content-Type", "text/plain")
                .header("Idempotency-Key", idempotencyKey).POST(HttpRequest.BodyPublishers.ofByteArray(body));
        if (fault != null) {
            request.header("X-Fincopilot-Fault", fault);
        }
        return STACK.send(request);
    }

    /** Document id and version of every object (and delete marker) of the tenant in S3. */
    private static Set<String> storedObjects() {
        HttpResponse<String> listed = STACK.send(HttpRequest.newBuilder(URI.create(STACK.env("S3_ENDPOINT") + "/"
                + STACK.env("S3_BUCKET") + "?versions&prefix=tenants/" + tenant.id() + "/documents/")).GET());
        assertEquals(200, listed.statusCode(), listed.body());
        Matcher m = Pattern.compile("<Key>tenants/[^/]+/documents/([^<]+)</Key>").matcher(listed.body());
        Set<String> keys = new java.util.TreeSet<>();
        while (m.find()) {
            keys.add(m.group(1));
        }
        return keys;
    }

    /** Every version the API shows, as "document/version". */
    private static Set<String> acknowledged() {
        return ok(() -> api.documents().listDocuments(null, null, null, null, 200)).stream()
                .flatMap(d -> d.getVersions().stream().map(v -> d.getId() + "/" + v.getVersion()))
                .collect(Collectors.toCollection(java.util.TreeSet::new));
    }

    private static void everyAcknowledgedVersionHasItsObject(String when) {
        Set<String> stored = storedObjects();
        for (String version : acknowledged()) {
            assertTrue(stored.contains(version), when + ": document version " + version + " is shown but not in S3");
        }
    }

    @Test
    void noAcknowledgedDocumentWithoutItsObjectAndNoObjectWithoutItsDocument() {
        Map<String, String> idempotencyKeys = new java.util.LinkedHashMap<>();
        for (String step : STEPS) {
            for (String mode : List.of("fail", "crash")) {
                String fault = mode.equals("fail") ? step : step + ":crash";
                String idempotency = "fault-" + fault + "-" + UUID.randomUUID();
                byte[] body = ("Injected " + fault + " " + UUID.randomUUID()).getBytes(StandardCharsets.UTF_8);
                HttpResponse<String> refused = upload(fault, idempotency, body);
                assertEquals(500, refused.statusCode(), fault + ": " + refused.body());
                assertTrue(refused.body().contains("\"requestId\""), refused.body());
                everyAcknowledgedVersionHasItsObject("right after " + fault);
                idempotencyKeys.put(fault, idempotency);
                if (mode.equals("fail") && !step.equals("after-confirm")) {
                    // Undone at once: nothing of it in S3, and its Idempotency-Key is free again.
                    Set<String> shown = acknowledged();
                    assertTrue(storedObjects().stream().allMatch(shown::contains), fault + " left an object behind");
                    HttpResponse<String> retry = upload(null, idempotency, body);
                    assertEquals(201, retry.statusCode(), fault + ", retried: " + retry.body());
                }
            }
        }
        // The reaper (every 2 s on the test stack, for uploads older than 3 s) removes what crashes left.
        Instant until = Instant.now().plus(Duration.ofSeconds(60));
        List<String> orphans = new ArrayList<>();
        do {
            STACK.send(HttpRequest.newBuilder(URI.create(STACK.url("/health/live"))).GET());
            Set<String> shown = acknowledged();
            orphans = storedObjects().stream().filter(o -> !shown.contains(o)).toList();
            if (orphans.isEmpty()) {
                break;
            }
            IngestionIT.sleep(1000);
        } while (Instant.now().isBefore(until));
        assertEquals(List.of(), orphans, "objects in S3 without their document after the reaper's passes");
        everyAcknowledgedVersionHasItsObject("after the reaper");

        // A crash after the confirmation lost only the answer: a retry with the same key gets the document.
        for (String fault : List.of("after-confirm", "after-confirm:crash")) {
            HttpResponse<String> retry = upload(null, idempotencyKeys.get(fault),
                    ("Injected " + fault + " ").getBytes(StandardCharsets.UTF_8));
            assertTrue(retry.statusCode() == 201 || retry.statusCode() == 422, retry.body());
        }
        List<DocumentView> documents = ok(() -> api.documents().listDocuments(null, null, null, null, 200));
        assertEquals(5, documents.size(), "three retried after an undone failure, two confirmed before their failure: "
                + documents.stream().map(DocumentView::getId).toList());
    }
}
