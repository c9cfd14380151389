package io.fincopilot.st;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/**
 * Issue 9's database drill, on the micro shape behind HAProxy: four clients call the API without
 * pause (me, the document list, a search) while PostgreSQL is stopped for 20 seconds. During the
 * outage every answer is a 503 problem with {@code Retry-After}, never a 500 and never HAProxy's own
 * page, and none takes longer than a few seconds; the platform answers again within 10 seconds of
 * PostgreSQL's return, without restarting anything. Run by {@code ./fincopilot drill}.
 */
class PostgresOutageDrill {

    private static final Stack STACK = Stack.get();
    private static final long OUTAGE_SECONDS = 20;

    private record Answer(long at, String operation, int status, long millis, String contentType, boolean retryAfter,
            String body) {
    }

    @Test
    void postgresStoppedForTwentySecondsUnderLoad() throws Exception {
        Tenants.Tenant tenant = Tenants.create("drill-db", "enterprise");
        String key = Tenants.key(tenant.adminToken(), "documents:read", "documents:write", "ask");
        List<Answer> answers = Collections.synchronizedList(new ArrayList<>());
        AtomicBoolean running = new AtomicBoolean(true);
        long start = System.nanoTime();
        ExecutorService clients = Executors.newFixedThreadPool(4);
        for (int c = 0; c < 4; c++) {
            int client = c;
            clients.submit(() -> {
                int n = client;
                while (running.get()) {
                    answers.add(call(key, n++ % 3, start));
                }
            });
        }
        Thread.sleep(5_000);
        long stopped = System.nanoTime();
        Launcher.run("stop", "postgres");
        Thread.sleep(TimeUnit.SECONDS.toMillis(OUTAGE_SECONDS));
        Launcher.run("start", "postgres");
        long back = System.nanoTime();
        Thread.sleep(20_000);
        running.set(false);
        clients.shutdown();
        assertTrue(clients.awaitTermination(1, TimeUnit.MINUTES));

        long stoppedAt = TimeUnit.NANOSECONDS.toMillis(stopped - start);
        long backAt = TimeUnit.NANOSECONDS.toMillis(back - start);
        List<Answer> during = answers.stream().filter(a -> a.at() >= stoppedAt && a.at() < backAt).toList();
        Map<Integer, Long> statuses = new TreeMap<>();
        during.forEach(a -> statuses.merge(a.status(), 1L, Long::sum));
        long slowest = during.stream().mapToLong(Answer::millis).max().orElse(0);
        long firstOk = answers.stream().filter(a -> a.at() >= backAt && a.status() == 200).mapToLong(Answer::at)
                .min().orElse(Long.MAX_VALUE);
        System.out.printf("DRILL postgres: %d answers before, %d during the %d s outage %s (slowest %d ms), %d after%n",
                answers.stream().filter(a -> a.at() < stoppedAt).count(), during.size(), OUTAGE_SECONDS, statuses, slowest,
                answers.stream().filter(a -> a.at() >= backAt).count());
        System.out.printf("DRILL postgres: first 200 %d ms after PostgreSQL was back%n", firstOk - backAt);

        for (Answer a : answers) {
            assertTrue(a.status() == 200 || a.status() == 503, "an answer other than 200 or 503: " + a);
            if (a.status() == 503) {
                assertTrue(a.contentType().startsWith("application/problem+json") && a.retryAfter()
                        && a.body().contains("-unavailable"), "a 503 that is not the platform's problem with Retry-After: " + a);
            }
        }
        assertTrue(during.stream().anyMatch(a -> a.status() == 503), "the outage was not seen");
        assertTrue(slowest < 5_000, "an answer during the outage took " + slowest + " ms");
        assertTrue(firstOk - backAt <= 10_000, "the platform answered again only " + (firstOk - backAt) + " ms after PostgreSQL");
        long lateFailures = answers.stream().filter(a -> a.at() >= backAt + 10_000 && a.status() != 200).count();
        assertTrue(lateFailures == 0, lateFailures + " failures more than 10 s after PostgreSQL was back");
    }

    private static Answer call(String key, int kind, long start) {
        long begin = System.nanoTime();
        HttpRequest.Builder request = switch (kind) {
            case 0 -> HttpRequest.newBuilder(URI.create(STACK.url("/api/v1/me"))).GET();
            case 1 -> HttpRequest.newBuilder(URI.create(STACK.url("/api/v1/documents"))).GET();
            default -> HttpRequest.newBuilder(URI.create(STACK.url("/api/v1/search"))).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"question\":\"revenue in 2025\",\"limit\":5}"));
        };
        String operation = kind == 0 ? "me" : kind == 1 ? "documents" : "search";
        long at = TimeUnit.NANOSECONDS.toMillis(begin - start);
        try {
            HttpResponse<String> response = STACK.send(request.header("Authorization", "Bearer " + key));
            return new Answer(at, operation, response.statusCode(), TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - begin),
                    response.headers().firstValue("Content-Type").orElse(""),
                    response.headers().firstValue("Retry-After").isPresent(), response.body());
        } catch (UncheckedIOException e) {
            return new Answer(at, operation, 0, TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - begin), "", false,
                    String.valueOf(e.getCause()));
        }
    }
}
