package io.fincopilot.st;

import static io.fincopilot.st.Api.ok;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.fincopilot.client.model.ChunkView;
import io.fincopilot.client.model.DocumentView;
import io.fincopilot.client.model.FailedDocumentView;
import io.fincopilot.ingestion.control.TestPdfs;
import io.fincopilot.ingestion.sample.AnnualReport;
import io.fincopilot.ingestion.sample.Fact;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Ingestion on the running stack: the sample report `up` put in the demo organization is ready with
 * every known figure on its page and its personal data masked; every kind of bad document ends
 * failed with a reason a person understands while good ones keep flowing; progress streams as
 * server-sent events; a model change is followed by embedding again.
 */
class IngestionIT {

    private static final Stack STACK = Stack.get();
    private static final Duration PATIENCE = Duration.ofSeconds(240);
    private static final Pattern EMAIL = Pattern.compile("[\\w.+-]+@[\\w-]+\\.[\\w.]+");

    static DocumentView waitFor(Api api, UUID id, Predicate<DocumentView> done) {
        Instant until = Instant.now().plus(PATIENCE);
        DocumentView now = ok(() -> api.documents().getDocument(id));
        while (!done.test(now)) {
            if (Instant.now().isAfter(until)) {
                fail("document " + id + " did not get there in " + PATIENCE + ": " + now);
            }
            sleep(2000);
            now = ok(() -> api.documents().getDocument(id));
        }
        return now;
    }

    static boolean finished(DocumentView d) {
        return d.getStatus() == DocumentView.StatusEnum.READY || d.getStatus() == DocumentView.StatusEnum.FAILED;
    }

    static UUID upload(Api api, String name, byte[] content) {
        return ok(() -> api.documents().uploadDocument(DocumentsIT.file(name, content), null, null, null, null, null, null))
                .getDocument().getId();
    }

    /** A text document of {@code pages} pages (form feeds), each a paragraph of its own words. */
    static byte[] longText(int pages, String seed) {
        StringBuilder text = new StringBuilder();
        for (int p = 1; p <= pages; p++) {
            text.append("Page ").append(p).append(" of the ").append(seed).append(" operating review. ");
            for (int s = 0; s < 8; s++) {
                text.append("Segment ").append((p * 31 + s) % 97).append(" shipped ").append(p * 1000 + s * 17)
                        .append(" containers through terminal ").append((char) ('A' + s)).append(" at a margin of ")
                        .append(10 + (p + s) % 9).append(" percent, compared with the prior period. ");
            }
            text.append("\f");
        }
        return text.toString().getBytes(StandardCharsets.UTF_8);
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Test
    void theSampleReportIsReadyWithEveryFactOnItsPageAndItsPersonalDataMasked() throws Exception {
        Api demo = Api.as(STACK.env("DEMO_API_KEY"));
        List<DocumentView> samples = ok(() -> demo.documents().listDocuments(null, "sample", null, null, null));
        assertEquals(1, samples.size(), "./fincopilot up put the sample report in the demo organization");
        DocumentView report = waitFor(demo, samples.get(0).getId(), IngestionIT::finished);
        assertEquals(DocumentView.StatusEnum.READY, report.getStatus(), report.getFailureReason());
        assertEquals(61, report.getPagesTotal());
        assertEquals(61, report.getPagesDone());
        assertEquals(1, report.getReadyVersion());
        for (String kind : List.of("email", "phone", "ssn")) {
            assertTrue(report.getPiiMasked().getOrDefault(kind, 0) > 0, kind + " masked: " + report.getPiiMasked());
        }
        List<ChunkView> chunks = new ArrayList<>();
        for (int offset = 0; ; offset += 500) {
            int from = offset;
            List<ChunkView> page = ok(() -> demo.documents().listDocumentChunks(report.getId(), null, from, 500));
            chunks.addAll(page);
            if (page.size() < 500) {
                break;
            }
        }
        assertTrue(chunks.stream().allMatch(ChunkView::getEmbedded), "every chunk is embedded");
        assertTrue(chunks.stream().allMatch(c -> c.getPage() >= 1 && c.getPage() <= 61));
        assertEquals(61, chunks.stream().map(ChunkView::getPage).distinct().count(), "every page has text in the index");
        for (Fact fact : AnnualReport.generate(42).facts().facts()) {
            assertTrue(chunks.stream().anyMatch(c -> c.getPage() == fact.page() && c.getText().contains(fact.value())),
                    fact + " is on page " + fact.page() + " of the index");
        }
        assertTrue(chunks.stream().noneMatch(c -> EMAIL.matcher(c.getText()).find()), "no e-mail address reaches the index");
        assertTrue(chunks.stream().anyMatch(c -> c.getText().contains("[EMAIL]")), "masks keep the kind");
        assertTrue(chunks.stream().anyMatch(c -> c.getHeading() != null), "chunks know their section heading");
        assertTrue(chunks.stream().anyMatch(c -> c.getTableHeader() != null), "table rows know their header line");
        String metrics = STACK.get("/metrics", null).body();
        for (String stage : List.of("download", "extract", "mask", "chunk", "store", "embed")) {
            assertTrue(metrics.contains("fincopilot_ingestion_stage_seconds_count{mp_scope=\"application\",stage=\"" + stage + "\"}")
                    || metrics.contains("stage=\"" + stage + "\""), "the " + stage + " stage is in /metrics");
        }
        assertTrue(metrics.contains("fincopilot_ingestion_versions") && metrics.contains("outcome=\"ready\""),
                "ingested versions are counted by outcome");
        try (Connection db = DriverManager.getConnection(STACK.env("DATABASE_JDBC_URL"), "postgres",
                STACK.secret("PG_SUPER_PASSWORD")); Statement s = db.createStatement();
             ResultSet usage = s.executeQuery("select kind, count(*), sum(quantity) from usage_events where document_id = '"
                     + report.getId() + "' group by kind order by kind")) {
            assertTrue(usage.next());
            assertEquals("BYTES_STORED", usage.getString(1));
            assertEquals(1, usage.getInt(2), "bytes stored are counted once");
            assertTrue(usage.next());
            assertEquals("PAGES_INGESTED", usage.getString(1));
            assertEquals(1, usage.getInt(2), "pages are counted once");
            assertEquals(61, usage.getLong(3));
        }
    }

    @Test
    void everyBadDocumentEndsFailedWithAReasonAndGoodOnesKeepFlowing() {
        Tenants.Tenant tenant = Tenants.create("baddocs", "starter");
        Api api = Api.as(Tenants.key(tenant.adminToken(), "documents:read", "documents:write"));
        byte[] pdf = TestPdfs.text("Revenue " + UUID.randomUUID());
        byte[] corrupt = java.util.Arrays.copyOf("%PDF-1.7\n".getBytes(StandardCharsets.UTF_8), 3000);
        for (int i = 9; i < corrupt.length; i++) {
            corrupt[i] = pdf[(i * 7919) % pdf.length];
        }
        Map<String, byte[]> files = new LinkedHashMap<>();
        files.put("corrupt.pdf", corrupt);
        files.put("locked.pdf", TestPdfs.encrypted());
        files.put("scan.pdf", TestPdfs.imageOnly());
        files.put("empty.pdf", TestPdfs.zeroPages());
        files.put("long.pdf", TestPdfs.pages(307));
        files.put("bomb.pdf", TestPdfs.bomb(640L << 20));
        files.put("figures.csv", ("year,revenue\n2024,1200\n2025,1,350\n# " + UUID.randomUUID()).getBytes(StandardCharsets.UTF_8));
        files.put("page.html", ("<html><head><script>track('" + UUID.randomUUID() + "')</script></head><body><script>x()</script>"
                + "</body></html>").getBytes(StandardCharsets.UTF_8));
        Map<String, String> reasons = Map.of("corrupt.pdf", "not a readable PDF", "locked.pdf", "password",
                "scan.pdf", "no extractable text: scanned images are not supported yet", "empty.pdf", "no pages",
                "long.pdf", "the document has 307 pages; your plan allows 300", "bomb.pdf", "decompression bomb",
                "figures.csv", "line 3 has 3 fields but the header has 2", "page.html", "no extractable text");
        Map<String, UUID> ids = new LinkedHashMap<>();
        files.forEach((name, content) -> ids.put(name, upload(api, name, content)));
        java.io.ByteArrayOutputStream latin = new java.io.ByteArrayOutputStream();
        latin.writeBytes(("Revenue for fiscal 2025 rose to " + UUID.randomUUID() + " ").getBytes(StandardCharsets.UTF_8));
        latin.writeBytes(new byte[] {(byte) 0xA3, (byte) 0xFF});
        latin.writeBytes(" 1.2 billion.".getBytes(StandardCharsets.UTF_8));
        UUID good = upload(api, "notes.txt", latin.toByteArray());

        DocumentView notes = waitFor(api, good, IngestionIT::finished);
        assertEquals(DocumentView.StatusEnum.READY, notes.getStatus(), "a good document behind eight bad ones: "
                + notes.getFailureReason());
        assertEquals(List.of("2 invalid UTF-8 byte sequences replaced"), notes.getVersions().get(0).getNotes());
        ids.forEach((name, id) -> {
            DocumentView failed = waitFor(api, id, IngestionIT::finished);
            assertEquals(DocumentView.StatusEnum.FAILED, failed.getStatus(), name);
            assertNotNull(failed.getFailureReason(), name);
            assertTrue(failed.getFailureReason().contains(reasons.get(name)), name + ": " + failed.getFailureReason());
        });
        // Support sees what failed and why (never the content), and the look is in the organization's trail.
        List<FailedDocumentView> seen = ok(() -> Tenants.platformAdmin().organizations()
                .listOrganizationFailedDocuments(tenant.id()));
        assertEquals(new java.util.TreeSet<>(ids.values()), seen.stream().map(FailedDocumentView::getId)
                .collect(java.util.stream.Collectors.toCollection(java.util.TreeSet::new)));
        assertTrue(seen.stream().allMatch(f -> f.getFailureReason().contains(reasons.get(f.getFileName()))), seen.toString());
        assertTrue(ok(() -> tenant.asAdmin().audit().listAuditEvents(null, null, null, null, null, 200)).stream()
                .anyMatch(e -> e.getAction().equals("support.failed-documents-viewed")), "support's look is audited");
    }

    @Test
    void progressStreamsAsServerSentEventsUntilReady() throws Exception {
        Api api = Api.as(STACK.env("DEMO_API_KEY"));
        UUID id = upload(api, "stream.txt", longText(12, UUID.randomUUID().toString()));
        HttpRequest request = HttpRequest.newBuilder(URI.create(STACK.url("/api/v1/documents/" + id + "/events")))
                .header("Authorization", "Bearer " + STACK.env("DEMO_API_KEY")).header("Accept", "text/event-stream")
                .timeout(PATIENCE).GET().build();
        HttpResponse<java.io.InputStream> stream = HttpClient.newHttpClient().send(request,
                HttpResponse.BodyHandlers.ofInputStream());
        assertEquals(200, stream.statusCode());
        assertTrue(stream.headers().firstValue("Content-Type").orElse("").startsWith("text/event-stream"));
        List<String> data = new ArrayList<>();
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(stream.body(), StandardCharsets.UTF_8))) {
            for (String line; (line = lines.readLine()) != null; ) {
                if (line.startsWith("data:")) {
                    data.add(line.substring(5).trim());
                }
            }
        }
        assertFalse(data.isEmpty());
        assertTrue(data.get(data.size() - 1).contains("\"status\":\"ready\""), "the stream ends with ready: " + data);
        assertTrue(data.get(data.size() - 1).contains("\"pagesDone\":12"), data.toString());
        assertEquals(404, STACK.get("/api/v1/documents/" + UUID.randomUUID() + "/events", STACK.env("DEMO_API_KEY"))
                .statusCode());
    }

    @Test
    void anOrganizationFollowsAtMostTwentyEventStreamsAtOnce() throws Exception {
        String key = Tenants.key(Tenants.create("streams").adminToken(), "documents:read", "documents:write");
        Api api = Api.as(key);
        UUID id = upload(api, "held.txt", longText(2, UUID.randomUUID().toString()));
        waitFor(api, id, d -> d.getStatus() == DocumentView.StatusEnum.READY);
        try (Connection db = DriverManager.getConnection(STACK.env("DATABASE_JDBC_URL"), "postgres",
                STACK.secret("PG_SUPER_PASSWORD")); Statement s = db.createStatement()) {
            // Held as embedding with no job behind it, so its streams stay open.
            s.executeUpdate("update document_versions set status = 'PROCESSING' where document_id = '" + id + "'");
        }
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        HttpRequest request = HttpRequest.newBuilder(URI.create(STACK.url("/api/v1/documents/" + id + "/events")))
                .header("Authorization", "Bearer " + key).timeout(PATIENCE).GET().build();
        List<HttpResponse<java.io.InputStream>> open = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            open.add(client.send(request, HttpResponse.BodyHandlers.ofInputStream()));
            assertEquals(200, open.get(i).statusCode());
        }
        HttpResponse<String> refused = client.send(request, HttpResponse.BodyHandlers.ofString());
        assertEquals(429, refused.statusCode(), refused.body());
        assertTrue(refused.body().contains("too-many-streams"), refused.body());
        HttpResponse<String> other = client.send(HttpRequest.newBuilder(URI.create(STACK.url("/api/v1/documents/"
                + ok(() -> Api.as(STACK.env("DEMO_API_KEY")).documents().listDocuments(null, "sample", null, null, null))
                        .get(0).getId() + "/events"))).header("Authorization", "Bearer " + STACK.env("DEMO_API_KEY"))
                .timeout(PATIENCE).GET().build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, other.statusCode(), "another organization's streams are its own: " + other.body());
        ok(() -> {
            api.documents().deleteDocument(id);
            return null;
        });
        for (HttpResponse<java.io.InputStream> stream : open) {
            try (java.io.InputStream body = stream.body()) {
                assertTrue(new String(body.readAllBytes(), StandardCharsets.UTF_8).contains("deleted"),
                        "every stream ends when the document is deleted");
            }
        }
    }

    @Test
    void aModelChangeIsFollowedByEmbeddingAgainWhileTheDocumentStaysReady() throws Exception {
        Api api = Api.as(Tenants.key(Tenants.create("reembed").adminToken(), "documents:read", "documents:write"));
        UUID id = upload(api, "model.txt", longText(3, UUID.randomUUID().toString()));
        waitFor(api, id, d -> d.getStatus() == DocumentView.StatusEnum.READY);
        String current;
        try (Connection db = DriverManager.getConnection(STACK.env("DATABASE_JDBC_URL"), "postgres",
                STACK.secret("PG_SUPER_PASSWORD")); Statement s = db.createStatement()) {
            ResultSet model = s.executeQuery("select min(model) from chunks where document_id = '" + id + "'");
            model.next();
            current = model.getString(1);
            // As if an earlier model had embedded this document.
            s.executeUpdate("update chunks set model = 'an-earlier-model', embedding = array_fill(0::real, array[384]) "
                    + "where document_id = '" + id + "'");
        }
        var started = ok(() -> Tenants.platformAdmin().maintenance().reembedDocuments());
        assertEquals(current, started.getModel());
        assertTrue(started.getVersions() >= 1, started.toString());
        Instant until = Instant.now().plus(PATIENCE);
        while (true) {
            assertEquals(DocumentView.StatusEnum.READY, ok(() -> api.documents().getDocument(id)).getStatus(),
                    "the document stays ready while it is embedded again");
            try (Connection db = DriverManager.getConnection(STACK.env("DATABASE_JDBC_URL"), "postgres",
                    STACK.secret("PG_SUPER_PASSWORD")); Statement s = db.createStatement();
                 ResultSet left = s.executeQuery("select count(*) filter (where model <> '" + current + "'), "
                         + "count(*) filter (where embedding = array_fill(0::real, array[384])) from chunks "
                         + "where document_id = '" + id + "'")) {
                left.next();
                if (left.getInt(1) == 0) {
                    assertEquals(0, left.getInt(2), "every chunk has a real embedding again");
                    break;
                }
            }
            if (Instant.now().isAfter(until)) {
                fail("the chunks were not embedded again in " + PATIENCE);
            }
            sleep(1000);
        }
    }
}
