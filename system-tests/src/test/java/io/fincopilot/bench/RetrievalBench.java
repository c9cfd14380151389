package io.fincopilot.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.fincopilot.st.Stack;
import io.fincopilot.st.Tenants;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Retrieval figures for docs/performance.md: search latency (over HTTP, p50/p95, after a first
 * query that loads the tenant's vectors) for one tenant at 10k and 100k chunks, and the memory the
 * built-in vector index holds. The chunks are generated in PostgreSQL (random unit vectors, text
 * from a financial vocabulary) rather than ingested: the figure measured is the search, not
 * ingestion. Prints figures; asserts only that searches answered.
 */
class RetrievalBench {

    private static final Stack STACK = Stack.get();
    /** The first query of a large tenant loads its vectors: longer than Stack's 30 s. */
    private static final java.net.http.HttpClient HTTP = java.net.http.HttpClient.newHttpClient();
    private static final int CHUNKS_PER_DOCUMENT = 100;
    private static final String[] WORDS = {"revenue", "net", "income", "operating", "cash", "flow", "capital", "expenditures",
        "total", "assets", "liabilities", "equity", "segment", "margin", "gross", "profit", "dividends", "shares", "debt",
        "interest", "tax", "depreciation", "inventory", "receivable", "goodwill", "lease", "risk", "customers", "fiscal"};
    private static final String[] QUESTIONS = {"What was total revenue in fiscal 2022?", "How much cash did operations provide?",
        "What were capital expenditures, from the cash flow statement?", "Did gross margin improve?",
        "What is the total debt on the balance sheet?", "How much was paid in dividends?", "What risks affect customers?",
        "What was the effective tax rate?", "How large is goodwill?", "What were lease liabilities at year end?"};

    @Test
    void retrieval() throws Exception {
        for (int chunks : new int[] {10_000, 100_000}) {
            String key = Tenants.key(Tenants.create("bench-search", "enterprise").adminToken(), "ask");
            long start = System.nanoTime();
            generate(tenantOf(key), chunks);
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
            millis.sort(Double::compare);
            System.out.printf(Locale.ROOT, "BENCH search %,7d chunks (generated in %.0f s): first query %.0f ms (loads the vectors); "
                    + "then p50 %.1f ms, p95 %.1f ms over HTTP (200 queries, limit 10)%n", chunks, seconds, loadMs,
                    millis.get(99), millis.get(189));
            System.out.printf(Locale.ROOT, "BENCH search memory index now holds %.0f MiB%n", indexBytes() / 1048576.0);
        }
    }

    private static void search(String key, String question) {
        try {
            HttpResponse<String> answer = HTTP.send(HttpRequest.newBuilder(URI.create(STACK.url("/api/v1/search")))
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

    /** Ready documents of {@value #CHUNKS_PER_DOCUMENT} chunks each, with unit vectors of the current model. */
    private static void generate(UUID tenant, int chunks) throws SQLException {
        try (Connection db = DriverManager.getConnection(STACK.env("DATABASE_JDBC_URL"), "postgres", STACK.secret("PG_SUPER_PASSWORD"))) {
            String model;
            try (ResultSet rs = db.createStatement().executeQuery("select model from chunks limit 1")) {
                if (!rs.next()) {
                    throw new IllegalStateException("no chunk to learn the model's name from: run ./fincopilot up first");
                }
                model = rs.getString(1);
            }
            Random random = new Random(chunks);
            try (PreparedStatement document = db.prepareStatement("insert into documents (id, tenant_id, title, file_name, "
                    + "latest_version, ready_version, created_at, created_by, updated_at) values (?, ?, ?, ?, 1, 1, now(), 'bench', now())");
                    PreparedStatement rows = db.prepareStatement("insert into chunks (tenant_id, id, document_id, version, seq, page, "
                            + "text, embedded_text, tokens, model, embedding) select ?, gen_random_uuid(), ?, 1, g, 1 + g / 4, t, t, 60, ?, "
                            + "(select array_agg(x / norm) from (select x, sqrt(sum(x * x) over ()) norm from "
                            + "(select (random() - 0.5)::real x, g from generate_series(1, 384)) r) n) "
                            + "from generate_series(0, ? - 1) g, lateral (select ? || ' ' || g || ' ' || ? t) w")) {
                for (int d = 0; d < chunks / CHUNKS_PER_DOCUMENT; d++) {
                    UUID id = UUID.randomUUID();
                    document.setObject(1, id);
                    document.setObject(2, tenant);
                    document.setString(3, "Generated filing " + d);
                    document.setString(4, "filing-" + d + ".pdf");
                    document.executeUpdate();
                    rows.setObject(1, tenant);
                    rows.setObject(2, id);
                    rows.setString(3, model);
                    rows.setInt(4, CHUNKS_PER_DOCUMENT);
                    rows.setString(5, phrase(random));
                    rows.setString(6, phrase(random));
                    rows.executeUpdate();
                }
            }
        }
    }

    private static String phrase(Random random) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < 40; i++) {
            text.append(WORDS[random.nextInt(WORDS.length)]).append(' ').append(random.nextInt(5000)).append(' ');
        }
        return text.toString();
    }
}
