package io.fincopilot.st;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import jakarta.json.JsonObject;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A shared dependency away, with the real processes (issue 9, decision 77): S3, PostgreSQL and
 * Keycloak are each stopped by the test stack's launcher while the platform runs, then started
 * again. Requests are refused at once with a 503 problem naming what is away and a
 * {@code Retry-After}, nothing is half-written, what does not need the dependency keeps working,
 * the guarded calls' circuits show in {@code /metrics}, and the platform recovers by itself.
 * Each test starts its component again whatever happens, and waits until the platform uses it.
 */
class FaultsIT {

    private static final Stack STACK = Stack.get();
    private static Tenants.Tenant tenant;
    private static String key;

    @BeforeAll
    static void tenant() {
        tenant = Tenants.create("outage");
        key = Tenants.key(tenant.adminToken(), "documents:read", "documents:write");
    }

    @Test
    void withS3AwayUploadsAreRefusedWhole_downloadsToo_andTheSameIdempotencyKeyWorksOnceItIsBack() {
        String before = uploaded(upload("before the outage", "before-" + UUID.randomUUID()), false);
        String retried = "during-" + UUID.randomUUID();
        try {
            Launcher.run("stop", "s3");
            for (int i = 0; i < 6; i++) {
                assertOutage(upload("during the outage", i == 0 ? retried : "during-" + UUID.randomUUID()),
                        "storage-unavailable");
            }
            assertOutage(STACK.get("/api/v1/documents/" + before + "/content", key), "storage-unavailable");
            // Nothing half-written: the refused uploads left no document, no version, no taken key.
            HttpResponse<String> listed = STACK.get("/api/v1/documents", key);
            assertEquals(200, listed.statusCode(), listed.body());
            assertEquals(1, Stack.json(listed).asJsonArray().size(), listed.body());
            // The storage circuit opened, and says so.
            String metrics = STACK.get("/metrics?scope=base", null).body();
            assertTrue(metric(metrics, "ft_circuitbreaker_opened_total", "Guarded.storage") > 0, metrics);
        } finally {
            Launcher.run("start", "s3");
        }
        // Back: a client retrying with its Idempotency-Key gets its upload done, once.
        HttpResponse<String> again = eventually(() -> upload("during the outage", retried), r -> r.statusCode() == 201, 60);
        String document = uploaded(again, false);
        assertFalse(document.equals(before));
        assertEquals(document, uploaded(upload("during the outage", retried), true), "the replay answers the first upload");
        eventually(() -> STACK.get("/api/v1/documents/" + document, key),
                r -> r.statusCode() == 200 && r.body().contains("\"status\":\"ready\""), 120);
        HttpResponse<String> content = STACK.get("/api/v1/documents/" + before + "/content", key);
        assertEquals(200, content.statusCode());
        assertEquals(2, Stack.json(STACK.get("/api/v1/documents", key)).asJsonArray().size());
    }

    @Test
    void withPostgresAwayRequestsAre503WithRetryAfterAtOnce_andThePlatformRecoversByItself() {
        try {
            Launcher.run("stop", "postgres");
            for (int i = 0; i < 5; i++) {
                assertOutage(STACK.get("/api/v1/me", key), "database-unavailable");
                assertOutage(STACK.get("/api/v1/documents", key), "database-unavailable");
            }
            HttpResponse<String> ready = STACK.get("/health/ready", null);
            assertEquals(503, ready.statusCode(), ready.body());
            assertEquals(200, STACK.get("/health/live", null).statusCode());
        } finally {
            Launcher.run("start", "postgres");
        }
        long back = System.nanoTime();
        eventually(() -> STACK.get("/api/v1/me", key), r -> r.statusCode() == 200, 30);
        System.out.printf("FAULTS the platform answered again %d ms after PostgreSQL was back%n",
                TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - back));
        assertEquals(200, STACK.get("/api/v1/documents", key).statusCode());
    }

    @Test
    void withKeycloakAwayKeysAndIssuedTokensWork_theConsoleSaysSignInIsUnavailable_andInvitationsWait() {
        String token = tenant.adminToken();
        String username = "invitee-" + UUID.randomUUID().toString().substring(0, 8);
        String invitation = "{\"username\":\"" + username + "\",\"email\":\"" + username + "@example.com\","
                + "\"firstName\":\"Ada\",\"lastName\":\"Away\",\"role\":\"analyst\"}";
        try {
            Launcher.run("stop", "keycloak");
            assertEquals(200, STACK.get("/api/v1/me", key).statusCode(), "an API key needs no Keycloak");
            HttpResponse<String> me = STACK.get("/api/v1/me", token);
            assertEquals(200, me.statusCode(), "a token Keycloak issued verifies with the cached keys: " + me.body());

            HttpResponse<String> console = STACK.send(HttpRequest.newBuilder(URI.create(STACK.env("TENANT_CONSOLE_URL"))).GET());
            assertEquals(503, console.statusCode(), console.body());
            assertTrue(console.body().contains("Sign-in is unavailable"), console.body());
            assertTrue(console.headers().firstValue("Retry-After").isPresent());

            for (int i = 0; i < 5; i++) {
                assertOutage(STACK.postJson("/api/v1/people", token, invitation), "identity-provider-unavailable");
            }
            assertFalse(STACK.get("/api/v1/people", token).body().contains(username), "a refused invitation left a member");
            String metrics = STACK.get("/metrics?scope=base", null).body();
            assertTrue(metric(metrics, "ft_circuitbreaker_opened_total", "Guarded.identity") > 0, metrics);
        } finally {
            Launcher.run("start", "keycloak");
        }
        HttpResponse<String> invited = eventually(() -> STACK.postJson("/api/v1/people", token, invitation),
                r -> r.statusCode() != 503, 60);
        assertEquals(201, invited.statusCode(), invited.body());
        assertEquals(302, STACK.send(HttpRequest.newBuilder(URI.create(STACK.env("TENANT_CONSOLE_URL"))).GET()).statusCode(),
                "the console sends browsers to sign in again");
    }

    private static HttpResponse<String> upload(String text, String idempotencyKey) {
        return STACK.send(HttpRequest.newBuilder(URI.create(STACK.url("/api/v1/documents?fileName=outage.txt")))
                .header("Authorization", "Bearer " + key).header("Content-Type", "text/plain")
                .header("Idempotency-Key", idempotencyKey)
                .POST(HttpRequest.BodyPublishers.ofString("Revenue was 120 million in 2025. " + text + " " + idempotencyKey,
                        StandardCharsets.UTF_8)));
    }

    private static String uploaded(HttpResponse<String> response, boolean replayed) {
        assertEquals(201, response.statusCode(), response.body());
        JsonObject body = Stack.json(response).asJsonObject();
        assertEquals(replayed, body.getBoolean("replayed"), response.body());
        return body.getJsonObject("document").getString("id");
    }

    private static void assertOutage(HttpResponse<String> response, String type) {
        assertEquals(503, response.statusCode(), response.body());
        JsonObject problem = Stack.json(response).asJsonObject();
        assertEquals("https://fincopilot.io/problems/" + type, problem.getString("type"), response.body());
        assertTrue(response.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json"));
        String retryAfter = response.headers().firstValue("Retry-After").orElseThrow(() -> new AssertionError("no Retry-After"));
        assertTrue(Integer.parseInt(retryAfter) > 0, retryAfter);
    }

    /** A counter's value for the first series whose labels mention {@code method}. */
    private static double metric(String metrics, String name, String method) {
        Matcher m = Pattern.compile("(?m)^" + name + "\\{[^}]*" + Pattern.quote(method) + "[^}]*} ([0-9.E+-]+)$").matcher(metrics);
        return m.find() ? Double.parseDouble(m.group(1)) : -1;
    }

    private static HttpResponse<String> eventually(Supplier<HttpResponse<String>> call,
            java.util.function.Predicate<HttpResponse<String>> done, int seconds) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        HttpResponse<String> last = null;
        while (System.nanoTime() < deadline) {
            try {
                last = call.get();
                if (done.test(last)) {
                    return last;
                }
            } catch (UncheckedIOException e) {
                // not answering yet
            }
            sleep(Duration.ofMillis(500));
        }
        fail("not done within " + seconds + " s; last answer: " + (last == null ? "none" : last.statusCode() + " " + last.body()));
        return last;
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
