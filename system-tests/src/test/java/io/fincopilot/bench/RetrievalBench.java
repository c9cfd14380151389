package io.fincopilot.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.fincopilot.st.GeneratedChunks;
import io.fincopilot.st.Stack;
import io.fincopilot.st.Tenants;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Retrieval figures for docs/performance.md: search latency (over HTTP, p50/p95, after a first
 * query that loads the tenant's vectors) for one tenant at 10k and 100k chunks, the memory the
 * built-in vector index holds, and ask latency with the extractive provider at 10k chunks (fresh
 * questions, then from the cache). The chunks are generated in PostgreSQL (random unit vectors, text
 * from a financial vocabulary) rather than ingested: the figure measured is the search, not
 * ingestion. Prints figures; asserts only that searches answered.
 */
class RetrievalBench {

    private static final Stack STACK = Stack.get();
    /** The first query of a large tenant loads its vectors: longer than Stack's 30 s. */
    private static final java.net.http.HttpClient HTTP = java.net.http.HttpClient.newHttpClient();
    private static final String[] QUESTIONS = {"What was total revenue in fiscal 2022?", "How much cash did operations provide?",
        "What were capital expenditures, from the cash flow statement?", "Did gross margin improve?",
        "What is the total debt on the balance sheet?", "How much was paid in dividends?", "What risks affect customers?",
        "What was the effective tax rate?", "How large is goodwill?", "What were lease liabilities at year end?"};

    @Test
    void retrieval() throws Exception {
        // -Dfincopilot.bench.chunks=100000 measures one size alone.
        for (int chunks : java.util.Arrays.stream(System.getProperty("fincopilot.bench.chunks", "10000,100000").split(","))
                .mapToInt(Integer::parseInt).toArray()) {
            String key = Tenants.key(Tenants.create("bench-search", "enterprise").adminToken(), "ask");
            long start = System.nanoTime();
            GeneratedChunks.generate(tenantOf(key), chunks);
            double seconds = (System.nanoTime() - start) / 1e9;
            long first = System.nanoTime();
            search(key, "What was total revenue?");
            double loadMs = (System.nanoTime() - first) / 1e6;
            List<Double> millis = new ArrayList<>();
            for (int i = 0; i < 200; i++) {
                long t = System.nanoTime();
                search(key, QUESTIONS[i % QUESTIONS.length]);
                millis.add((System.nanoTime() - t) / 1e6);
            }
            // -Dfincopilot.bench.soak=<seconds> goes on searching, unmeasured, for a profiler to watch.
            long soakEnd = System.nanoTime() + Long.getLong("fincopilot.bench.soak", 0) * 1_000_000_000L;
            for (int i = 0; System.nanoTime() < soakEnd; i++) {
                search(key, QUESTIONS[i % QUESTIONS.length]);
            }
            millis.sort(Double::compare);
            System.out.printf(Locale.ROOT, "BENCH search %,7d chunks (generated in %.0f s): first query %.0f ms (loads the vectors); "
                    + "then p50 %.1f ms, p95 %.1f ms over HTTP (200 queries, limit 10)%n", chunks, seconds, loadMs,
                    millis.get(99), millis.get(189));
            System.out.printf(Locale.ROOT, "BENCH search memory index now holds %.0f MiB%n", indexBytes() / 1048576.0);
            if (chunks == 10_000) {
                ask(key);
            }
        }
    }

    /** Ask latency with the extractive provider: questions not asked before (no cache), then the same again (cache). */
    private static void ask(String key) {
        List<Double> fresh = new ArrayList<>();
        List<Double> cached = new ArrayList<>();
        for (int round = 0; round < 2; round++) {
            for (int i = 0; i < 200; i++) {
                long t = System.nanoTime();
                post("/api/v1/ask", key, QUESTIONS[i % QUESTIONS.length].replace("?", " (" + i + ")?"));
                (round == 0 ? fresh : cached).add((System.nanoTime() - t) / 1e6);
            }
        }
        fresh.sort(Double::compare);
        cached.sort(Double::compare);
        System.out.printf(Locale.ROOT, "BENCH ask     10,000 chunks, extractive: p50 %.1f ms, p95 %.1f ms over HTTP (200 questions); "
                + "the same again from the cache: p50 %.1f ms, p95 %.1f ms%n", fresh.get(99), fresh.get(189), cached.get(99),
                cached.get(189));
    }

    private static void search(String key, String question) {
        post("/api/v1/search", key, question);
    }

    private static void post(String path, String key, String question) {
        try {
            HttpResponse<String> answer = HTTP.send(HttpRequest.newBuilder(URI.create(STACK.url(path)))
                    .header("Authorization", "Bearer " + key).header("Content-Type", "application/json")
                    .timeout(Duration.ofMinutes(5)).POST(HttpRequest.BodyPublishers.ofString("{\"question\":\"" + question + "\"}"))
                    .build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(200, answer.statusCode(), answer.body());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static double indexBytes() {
        Matcher m = Pattern.compile("fincopilot_retrieval_memory_index_bytes\\{[^}]*} ([0-9.E+]+)")
                .matcher(STACK.get("/metrics", null).body());
        return m.find() ? Double.parseDouble(m.group(1)) : -1;
    }

    private static UUID tenantOf(String key) {
        Matcher m = Pattern.compile("\"tenant\":\\{\"id\":\"([0-9a-f-]{36})\"").matcher(STACK.get("/api/v1/me", key).body());
        if (!m.find()) {
            throw new IllegalStateException("no tenant in /me");
        }
        return UUID.fromString(m.group(1));
    }
}
