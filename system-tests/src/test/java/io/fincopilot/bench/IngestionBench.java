package io.fincopilot.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.fincopilot.ingestion.sample.AnnualReport;
import io.fincopilot.st.Stack;
import io.fincopilot.st.Tenants;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Ingestion figures for docs/performance.md, in one run: each stage alone in this JVM (extraction,
 * masking, chunking, embedding of the generated 61-page report), then the same report through the
 * running stack from upload to ready, upload latency for 1 MB and 20 MB files, and the queue's
 * overhead for a one-line document. Prints figures; asserts only that the runs completed.
 */
class IngestionBench {

    private static final Stack STACK = Stack.get();
    private static final Pattern STATUS = Pattern.compile("\"status\":\"(queued|extracting|embedding|ready|failed)\"");

    private static String key;

    private static HttpResponse<String> upload(byte[] body, String contentType, String fileName) {
        return STACK.send(HttpRequest.newBuilder(URI.create(STACK.url("/api/v1/documents?fileName=" + fileName)))
                .header("Authorization", "Bearer " + key).header("Content-Type", contentType)
                .timeout(Duration.ofMinutes(2)).POST(HttpRequest.BodyPublishers.ofByteArray(body)));
    }

    private static String id(String body) {
        Matcher m = Pattern.compile("\"id\":\"([0-9a-f-]{36})\"").matcher(body);
        return m.find() ? m.group(1) : null;
    }

    /** Polls the document until it leaves the given statuses; answers the status it reached and when. */
    private static String waitUntilNot(String id, List<String> statuses) throws InterruptedException {
        while (true) {
            Matcher m = STATUS.matcher(STACK.get("/api/v1/documents/" + id, key).body());
            String status = m.find() ? m.group(1) : "missing";
            if (!statuses.contains(status)) {
                return status;
            }
            Thread.sleep(100);
        }
    }

    private static double percentile(List<Double> values, double p) {
        double[] sorted = values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p * sorted.length) - 1)];
    }

    /** A file that passes as a PDF at upload and fails extraction at once (nothing else to measure). */
    private static byte[] unreadablePdf(int size, Random random) {
        byte[] bytes = new byte[size];
        random.nextBytes(bytes);
        byte[] header = "%PDF-1.7\n".getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(header, 0, bytes, 0, header.length);
        return bytes;
    }

    @Test
    void ingestion() throws Exception {
        io.fincopilot.ingestion.control.IngestionBench.main(new String[] {"2"});

        key = Tenants.key(Tenants.create("bench-ingest").adminToken(), "documents:read", "documents:write");
        // The first report warms the server (JIT, PDFBox's fonts, the model's first batches); the next two are measured.
        List<Double> reports = new ArrayList<>();
        int pages = 0;
        for (int run = 0; run < 3; run++) {
            AnnualReport report = AnnualReport.generate(System.nanoTime());
            pages = report.facts().pageCount();
            long start = System.nanoTime();
            HttpResponse<String> uploaded = upload(report.pdf(), "application/pdf", "report.pdf");
            assertEquals(201, uploaded.statusCode(), uploaded.body());
            assertEquals("ready", waitUntilNot(id(uploaded.body()), List.of("queued", "extracting", "embedding")));
            if (run > 0) {
                reports.add((System.nanoTime() - start) / 1e9);
            }
        }
        double seconds = reports.stream().mapToDouble(Double::doubleValue).min().orElseThrow();
        System.out.printf(Locale.ROOT, "BENCH ingestion end-to-end over HTTP   %8.1f ms per report %8.1f pages/s (%d pages, upload to ready; "
                + "best of 2 after a warm-up, the other %.1f ms)%n", seconds * 1000, pages / seconds, pages,
                reports.stream().mapToDouble(Double::doubleValue).max().orElseThrow() * 1000);

        Random random = new Random(7);
        for (int megabytes : List.of(1, 20)) {
            List<Double> latencies = new ArrayList<>();
            int runs = megabytes == 1 ? 10 : 5;
            for (int i = 0; i < runs; i++) {
                byte[] body = unreadablePdf(megabytes << 20, random);
                long t = System.nanoTime();
                HttpResponse<String> answer = upload(body, "application/pdf", "noise.pdf");
                latencies.add((System.nanoTime() - t) / 1e6);
                assertEquals(201, answer.statusCode(), answer.body());
            }
            System.out.printf(Locale.ROOT, "BENCH upload %2d MB (%d uploads)            p50 %.1f ms, p95 %.1f ms%n", megabytes, runs,
                    percentile(latencies, 0.5), percentile(latencies, 0.95));
        }

        List<Double> queued = new ArrayList<>();
        List<Double> total = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            long t = System.nanoTime();
            HttpResponse<String> answer = upload(("One line " + UUID.randomUUID()).getBytes(StandardCharsets.UTF_8),
                    "text/plain", "line.txt");
            long acknowledged = System.nanoTime();
            String id = id(answer.body());
            waitUntilNot(id, List.of("queued"));
            queued.add((System.nanoTime() - acknowledged) / 1e6);
            assertEquals("ready", waitUntilNot(id, List.of("queued", "extracting", "embedding")));
            total.add((System.nanoTime() - t) / 1e6);
        }
        System.out.printf(Locale.ROOT, "BENCH queue: acknowledged to picked up   p50 %.0f ms, p95 %.0f ms; one-line document upload to ready p50 %.0f ms%n",
                percentile(queued, 0.5), percentile(queued, 0.95), percentile(total, 0.5));
    }
}
