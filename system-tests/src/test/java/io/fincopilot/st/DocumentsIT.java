package io.fincopilot.st;

import static io.fincopilot.st.Api.ok;
import static io.fincopilot.st.Api.refused;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fincopilot.client.ApiResponse;
import io.fincopilot.client.model.AuditEvent;
import io.fincopilot.client.model.DocumentView;
import io.fincopilot.client.model.Problem;
import io.fincopilot.client.model.UploadedView;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Documents through the API: uploads (multipart and raw) that are durable in S3 and PostgreSQL
 * before the answer, type sniffing, size limits, Idempotency-Key, the same bytes twice, versions,
 * downloads, deletion down to the last S3 object version, and who may do what.
 */
class DocumentsIT {

    private static final Stack STACK = Stack.get();
    private static Tenants.Tenant tenant;
    private static Api admin;
    private static String writerKey;
    private static String readerKey;

    @BeforeAll
    static void tenant() {
        tenant = Tenants.create("docs");
        admin = tenant.asAdmin();
        writerKey = Tenants.key(tenant.adminToken(), "documents:read", "documents:write");
        readerKey = Tenants.key(tenant.adminToken(), "documents:read");
    }

    static File file(String name, String content) {
        return file(name, content.getBytes(StandardCharsets.UTF_8));
    }

    static File file(String name, byte[] content) {
        try {
            File file = Files.createTempDirectory("docs-it").resolve(name).toFile();
            Files.write(file.toPath(), content);
            file.deleteOnExit();
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A raw upload: the bytes as the body, with the Content-Type given and the file name in the query. */
    static HttpResponse<String> raw(String key, String contentType, byte[] body, String query, Map<String, String> headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(STACK.url("/api/v1/documents" + query)))
                .header("Authorization", "Bearer " + key).POST(HttpRequest.BodyPublishers.ofByteArray(body));
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        headers.forEach(request::header);
        return STACK.send(request);
    }

    /** The S3 object versions and delete markers under a key prefix, straight from the object store. */
    static List<String> objectVersions(String prefix) {
        HttpResponse<String> listed = STACK.send(HttpRequest.newBuilder(URI.create(STACK.env("S3_ENDPOINT") + "/"
                + STACK.env("S3_BUCKET") + "?versions&prefix=" + prefix)).GET());
        assertEquals(200, listed.statusCode(), listed.body());
        Matcher m = Pattern.compile("<VersionId>([^<]+)</VersionId>").matcher(listed.body());
        List<String> ids = new java.util.ArrayList<>();
        while (m.find()) {
            ids.add(m.group(1));
        }
        return ids;
    }

    static String unique(String text) {
        return text + " " + UUID.randomUUID();
    }

    @Test
    void anUploadIsStoredListedReadAndDownloadedAsSent() throws Exception {
        String text = unique("Revenue grew 12% in fiscal 2025.");
        ApiResponse<UploadedView> uploaded = ok(() -> Api.as(writerKey).documents().uploadDocumentWithHttpInfo(
                file("letter.txt", text), null, null, null, null, "Letter to shareholders", "letters,fy2025"));
        assertEquals(201, uploaded.getStatusCode());
        DocumentView document = uploaded.getData().getDocument();
        assertEquals("Letter to shareholders", document.getTitle());
        assertEquals("letter.txt", document.getFileName());
        assertEquals(List.of("letters", "fy2025"), document.getTags());
        assertEquals(1, uploaded.getData().getVersion());
        // Queued when the answer was written, or already taken by a worker (immediate execution can win that race).
        assertTrue(document.getStatus() != DocumentView.StatusEnum.FAILED && document.getStatus() != null, document.toString());
        assertEquals("text/plain", document.getVersions().get(0).getMediaType());
        assertEquals(text.length(), document.getVersions().get(0).getSizeBytes().intValue());
        assertTrue(uploaded.getHeaders().get("Location").get(0).endsWith("/api/v1/documents/" + document.getId()));

        // Durable before the answer: the object is in S3, under the tenant's key, with one version.
        String prefix = "tenants/" + tenant.id() + "/documents/" + document.getId() + "/1";
        assertEquals(1, objectVersions(prefix).size());

        assertEquals(document.getId(), ok(() -> Api.as(readerKey).documents().getDocument(document.getId())).getId());
        List<DocumentView> tagged = ok(() -> Api.as(readerKey).documents().listDocuments(null, "fy2025", null, null, null));
        assertEquals(List.of(document.getId()), tagged.stream().map(DocumentView::getId).toList());
        assertEquals(1, ok(() -> admin.documents().listDocuments(null, null, "shareholders", null, null)).size());
        IngestionIT.waitFor(admin, document.getId(), d -> d.getStatus() == DocumentView.StatusEnum.READY);
        assertEquals(1, ok(() -> admin.documents().listDocuments("ready", "fy2025", null, null, null)).size());
        assertEquals(0, ok(() -> admin.documents().listDocuments("failed", "fy2025", null, null, null)).size());

        HttpResponse<String> content = STACK.get("/api/v1/documents/" + document.getId() + "/content", readerKey);
        assertEquals(200, content.statusCode());
        assertEquals("attachment; filename=\"letter.txt\"; filename*=UTF-8''letter.txt",
                content.headers().firstValue("Content-Disposition").orElseThrow());
        assertEquals(text, content.body());
        assertEquals("text/plain", content.headers().firstValue("Content-Type").orElseThrow());
        assertEquals(document.getVersions().get(0).getSha256(), content.headers().firstValue("X-Content-SHA256").orElseThrow());
        List<AuditEvent> audit = ok(() -> admin.audit().listAuditEvents(null, null, null, null, null, 200));
        assertTrue(audit.stream().anyMatch(e -> e.getAction().equals("document.uploaded")
                && e.getTarget().equals("document:" + document.getId())), "the upload is audited");
        assertTrue(audit.stream().anyMatch(e -> e.getAction().equals("document.downloaded")
                && e.getTarget().equals("document:" + document.getId())), "the download is audited");
    }

    @Test
    void theTypeComesFromTheBytesNeverFromTheHeader() {
        byte[] text = unique("plain words").getBytes(StandardCharsets.UTF_8);
        HttpResponse<String> declaredPdf = raw(writerKey, "application/pdf", text, "?fileName=report.pdf", Map.of());
        assertEquals(415, declaredPdf.statusCode(), declaredPdf.body());
        assertTrue(declaredPdf.body().contains("\"detectedType\":\"text/plain\""), declaredPdf.body());
        assertTrue(declaredPdf.body().contains("\"declaredType\":\"application/pdf\""), declaredPdf.body());

        byte[] png = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, 0, 13, 'I', 'H', 'D', 'R', 0, 0, 0, 1};
        HttpResponse<String> image = raw(writerKey, "application/octet-stream", png, "?fileName=chart.pdf", Map.of());
        assertEquals(415, image.statusCode(), image.body());
        assertTrue(image.body().contains("image/png"), "the problem names what was found: " + image.body());

        byte[] csv = ("year,revenue\n2024,100\n2025," + UUID.randomUUID().hashCode() + "\n").getBytes(StandardCharsets.UTF_8);
        HttpResponse<String> table = raw(writerKey, "text/csv", csv, "?fileName=revenue.csv&title=Revenue&tags=tables", Map.of());
        assertEquals(201, table.statusCode(), table.body());
        assertTrue(table.body().contains("\"mediaType\":\"text/csv\""), table.body());
        assertTrue(table.body().contains("\"title\":\"Revenue\""), table.body());

        byte[] html = ("<!DOCTYPE html><html><head><title>Q3</title></head><body><h1>Q3 " + UUID.randomUUID()
                + "</h1><p>Margins improved.</p></body></html>").getBytes(StandardCharsets.UTF_8);
        HttpResponse<String> page = raw(writerKey, "text/html; charset=utf-8", html, "?fileName=q3.html", Map.of());
        assertEquals(201, page.statusCode(), page.body());
        assertTrue(page.body().contains("\"mediaType\":\"text/html\""), page.body());

        assertEquals(400, raw(writerKey, "text/plain", new byte[0], "", Map.of()).statusCode(), "an empty document");
        HttpResponse<String> nul = raw(writerKey, "text/plain", unique("nul title").getBytes(StandardCharsets.UTF_8),
                "?fileName=n.txt&title=a%00b", Map.of());
        assertEquals(400, nul.statusCode(), "a NUL in the title: " + nul.body());
        assertEquals(400, STACK.get("/api/v1/documents?q=a%00b", readerKey).statusCode(), "a NUL in the search");
        assertEquals(400, STACK.get("/api/v1/documents?limit=100000", readerKey).statusCode());
        assertEquals(404, STACK.get("/api/v1/documents/" + UUID.randomUUID() + "/chunks?version=2147483647", readerKey)
                .statusCode());
    }

    @Test
    void aRetryWithTheSameIdempotencyKeyGetsTheFirstAnswerAndOtherBytesGet422() {
        String key = "retry-" + UUID.randomUUID();
        byte[] body = unique("first upload").getBytes(StandardCharsets.UTF_8);
        HttpResponse<String> first = raw(writerKey, "text/plain", body, "?fileName=a.txt", Map.of("Idempotency-Key", key));
        HttpResponse<String> again = raw(writerKey, "text/plain", body, "?fileName=a.txt", Map.of("Idempotency-Key", key));
        assertEquals(201, first.statusCode(), first.body());
        assertEquals(201, again.statusCode(), again.body());
        String id = id(first.body());
        assertEquals(id, id(again.body()), "the same document");
        assertTrue(again.body().contains("\"replayed\":true"), again.body());
        HttpResponse<String> other = raw(writerKey, "text/plain", unique("other").getBytes(StandardCharsets.UTF_8),
                "?fileName=b.txt", Map.of("Idempotency-Key", key));
        assertEquals(422, other.statusCode(), other.body());
        UUID elsewhere = ok(() -> admin.documents().uploadDocument(file("elsewhere.txt", unique("elsewhere")), null, null,
                null, null, null, null)).getDocument().getId();
        HttpResponse<String> onAnotherDocument = STACK.send(HttpRequest.newBuilder(URI.create(STACK.url(
                "/api/v1/documents/" + elsewhere + "/versions?fileName=a.txt"))).header("Authorization", "Bearer " + writerKey)
                .header("Content-Type", "text/plain").header("Idempotency-Key", key)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)));
        assertEquals(422, onAnotherDocument.statusCode(), "a key is bound to what it first did: " + onAnotherDocument.body());
        long copies = ok(() -> admin.documents().listDocuments(null, null, null, null, 200)).stream()
                .filter(d -> d.getId().toString().equals(id)).count();
        assertEquals(1, copies, "one document for the retried upload");
        assertEquals(400, raw(writerKey, "text/plain", body, "", Map.of("Idempotency-Key", " ")).statusCode());
    }

    @Test
    void theSameBytesTwiceAreRecognisedAndTheAnswerNamesTheDocument() {
        String text = unique("the same bytes");
        UUID first = ok(() -> admin.documents().uploadDocument(file("one.txt", text), null, null, null, null, null, null))
                .getDocument().getId();
        Problem duplicate = refused(409, () -> Api.as(writerKey).documents().uploadDocument(file("two.txt", text),
                null, null, null, null, null, null));
        assertEquals("duplicate-document", Api.type(duplicate));
        assertTrue(duplicate.getDetail().contains(first.toString()), duplicate.getDetail());
    }

    @Test
    void bytesThatFailedMayBeUploadedAgain() {
        byte[] unreadable = ("%PDF-1.7\n" + unique("not really a pdf")).getBytes(StandardCharsets.UTF_8);
        UUID failed = ok(() -> admin.documents().uploadDocument(file("broken.pdf", unreadable), null, null, null, null,
                null, null)).getDocument().getId();
        IngestionIT.waitFor(admin, failed, d -> d.getStatus() == DocumentView.StatusEnum.FAILED);
        UploadedView again = ok(() -> admin.documents().uploadDocument(file("broken-again.pdf", unreadable), null, null,
                null, null, null, null));
        assertTrue(!again.getDocument().getId().equals(failed), "a failed version does not hold its bytes");
        IngestionIT.waitFor(admin, again.getDocument().getId(), d -> d.getStatus() == DocumentView.StatusEnum.FAILED);
        assertEquals(2, ok(() -> admin.documents().uploadDocumentVersion(failed, file("broken-v2.pdf", unreadable), null,
                null, null, null)).getVersion(), "nor does it keep them from a new version");
    }

    @Test
    void anUploadPastThePlansLimitIs413AndLeavesNothing() {
        Tenants.Tenant free = Tenants.create("docfree", "free");
        String key = Tenants.key(free.adminToken(), "documents:read", "documents:write");
        byte[] big = new byte[10 * 1024 * 1024 + 1];
        java.util.Arrays.fill(big, (byte) 'a');
        HttpResponse<String> raw = raw(key, "text/plain", big, "?fileName=big.txt", Map.of());
        assertEquals(413, raw.statusCode(), raw.body());
        assertTrue(raw.body().contains("10485760"), raw.body());
        Problem multipart = refused(413, () -> Api.as(key).documents().uploadDocument(file("big.txt", big), null, null,
                null, null, null, null));
        assertEquals("upload-too-large", Api.type(multipart));
        assertEquals(List.of(), ok(() -> Api.as(key).documents().listDocuments(null, null, null, null, null)));
        assertEquals(List.of(), objectVersions("tenants/" + free.id() + "/"), "nothing reached S3");
    }

    @Test
    void aNewVersionKeepsTheOldOneAndDeleteRemovesEveryObjectVersion() {
        UUID id = ok(() -> admin.documents().uploadDocument(file("plan.txt", unique("plan v1")), null, null,
                "Plan", null, null, null)).getDocument().getId();
        IngestionIT.waitFor(admin, id, d -> d.getStatus() == DocumentView.StatusEnum.READY);
        assertEquals(1, ok(() -> admin.documents().listDocumentChunks(id, 1, null, null)).size());
        UploadedView second = ok(() -> Api.as(writerKey).documents().uploadDocumentVersion(id, file("plan-v2.txt",
                unique("plan v2")), null, null, null, null));
        assertEquals(2, second.getVersion());
        DocumentView document = IngestionIT.waitFor(admin, id, d -> d.getStatus() == DocumentView.StatusEnum.READY);
        assertEquals(List.of(2, 1), document.getVersions().stream().map(v -> v.getVersion()).toList());
        assertEquals(2, document.getReadyVersion(), "answers moved to the new version once it was ready");
        assertEquals(List.of(), ok(() -> admin.documents().listDocumentChunks(id, 1, null, null)), "the old version left the index");
        assertTrue(ok(() -> admin.documents().listDocumentChunks(id, null, null, null)).get(0).getText().startsWith("plan v2"));
        var first = STACK.get("/api/v1/documents/" + id + "/content?version=1", readerKey);
        assertTrue(first.body().startsWith("plan v1"));
        assertTrue(first.headers().firstValue("Content-Disposition").orElse("").contains("filename=\"plan.txt\""),
                "an old version keeps its own file name: " + first.headers().firstValue("Content-Disposition"));
        var latest = STACK.get("/api/v1/documents/" + id + "/content?version=2", readerKey);
        assertTrue(latest.body().startsWith("plan v2"));
        assertTrue(latest.headers().firstValue("Content-Disposition").orElse("").contains("filename=\"plan-v2.txt\""));
        assertEquals(404, STACK.get("/api/v1/documents/" + id + "/content?version=3", readerKey).statusCode());

        String prefix = "tenants/" + tenant.id() + "/documents/" + id + "/";
        assertEquals(2, objectVersions(prefix).size());
        refused(403, () -> {
            Api.as(readerKey).documents().deleteDocument(id);
            return null;
        });
        ok(() -> {
            Api.as(writerKey).documents().deleteDocument(id);
            return null;
        });
        assertEquals(List.of(), objectVersions(prefix), "every version and delete marker is gone");
        assertEquals("not-found", Api.type(refused(404, () -> admin.documents().getDocument(id))));
        assertEquals(404, STACK.get("/api/v1/documents/" + id + "/content", readerKey).statusCode());
        refused(404, () -> Api.as(writerKey).documents().uploadDocumentVersion(id, file("late.txt", unique("late")),
                null, null, null, null));
        assertTrue(ok(() -> admin.audit().listAuditEvents(null, null, null, null, null, 200)).stream()
                .anyMatch(e -> e.getAction().equals("document.deleted") && e.getTarget().equals("document:" + id)));
    }

    @Test
    void aReaderMayNotUploadAndAMalformedMultipartIs400() {
        Problem refusal = refused(403, () -> Api.as(readerKey).documents().uploadDocument(file("x.txt", unique("x")),
                null, null, null, null, null, null));
        assertTrue(refusal.getDetail().contains("documents:write"), refusal.getDetail());
        HttpResponse<String> broken = raw(writerKey, "multipart/form-data; boundary=zzz",
                "--zzz\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.txt\"\r\n\r\nabc"
                        .getBytes(StandardCharsets.UTF_8), "", Map.of());
        assertEquals(400, broken.statusCode(), broken.body());
        HttpResponse<String> noFile = raw(writerKey, "multipart/form-data; boundary=zzz",
                "--zzz\r\nContent-Disposition: form-data; name=\"title\"\r\n\r\nT\r\n--zzz--\r\n"
                        .getBytes(StandardCharsets.UTF_8), "", Map.of());
        assertEquals(400, noFile.statusCode(), noFile.body());
        assertTrue(noFile.body().contains("'file'"), noFile.body());
    }

    private static String id(String uploadedBody) {
        Matcher m = Pattern.compile("\"id\":\"([0-9a-f-]{36})\"").matcher(uploadedBody);
        assertTrue(m.find(), uploadedBody);
        return m.group(1);
    }
}
