package io.fincopilot.st;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A client's mistake gets a clear 4xx problem document and takes nothing from the server: cut-off
 * JSON bodies, NUL characters, out-of-range dates, odd headers, keys in the URL, oversized bodies.
 * No answer names the server or its version, and the admin port wants its password.
 */
class BadInputIT {

    private static final Stack STACK = Stack.get();
    /** More than the server's 64 request threads: if any prefix still hung a thread, the pool would run dry. */
    private static final int ROUNDS = 3;
    private static Tenants.Tenant tenant;
    private static String admin;

    @BeforeAll
    static void tenant() {
        tenant = Tenants.create("badinput", "pro");
        admin = tenant.adminToken();
    }

    @Test
    void everyTruncatedBodyIsRefusedAtOnceAndTheServerStaysResponsive() throws Exception {
        String platformAdmin = STACK.accessToken(STACK.env("DEMO_PLATFORM_ADMIN"));
        Map<String, String> bodies = Map.of(
                "/api/v1/keys", "{\"name\":\"k\",\"scopes\":[\"ask\"],\"ipAllowList\":[\"10.0.0.0/8\"]}",
                "/admin/api/v1/organizations", "{\"slug\":\"x\",\"admin\":{\"username\":\"u\"}}");
        ExecutorService pool = Executors.newFixedThreadPool(32);
        List<Future<String>> answers = new ArrayList<>();
        for (int round = 0; round < ROUNDS; round++) {
            for (var entry : bodies.entrySet()) {
                String token = entry.getKey().startsWith("/admin") ? platformAdmin : admin;
                for (int length = 1; length < entry.getValue().length(); length++) {
                    String prefix = entry.getValue().substring(0, length);
                    answers.add(pool.submit(() -> {
                        HttpResponse<String> response = STACK.postJson(entry.getKey(), token, prefix);
                        return response.statusCode() == 400 && response.body().contains("malformed-body") ? null
                                : entry.getKey() + " " + prefix + " -> " + response.statusCode() + " " + response.body();
                    }));
                }
            }
        }
        assertTrue(answers.size() > 64 * 2, "more requests than the server has threads: " + answers.size());
        List<String> wrong = new ArrayList<>();
        for (Future<String> answer : answers) {
            String problem = answer.get(60, TimeUnit.SECONDS); // a hung request fails here, naming itself by time-out
            if (problem != null) {
                wrong.add(problem);
            }
        }
        pool.shutdown();
        assertEquals(List.of(), wrong);
        HttpClient impatient = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
        HttpResponse<String> live = impatient.send(HttpRequest.newBuilder(URI.create(STACK.url("/health/live")))
                .timeout(Duration.ofSeconds(1)).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, live.statusCode());
    }

    @Test
    void aBodyShorterThanItsDeclaredLengthIs408NotA500() throws Exception {
        URI api = URI.create(STACK.url("/api/v1/ask"));
        String key = Tenants.key(admin, "ask");
        try (java.net.Socket socket = new java.net.Socket(api.getHost(), api.getPort())) {
            socket.setSoTimeout(90_000);
            String head = "POST " + api.getPath() + " HTTP/1.1\r\nHost: " + api.getHost() + ":" + api.getPort()
                    + "\r\nX-API-Key: " + key + "\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n"
                    + "{\"question\":\"trunc";
            socket.getOutputStream().write(head.getBytes(java.nio.charset.StandardCharsets.UTF_8));
            socket.getOutputStream().flush(); // and then nothing more: the server's read gives up after its timeout
            String status = new java.io.BufferedReader(new java.io.InputStreamReader(socket.getInputStream(),
                    java.nio.charset.StandardCharsets.UTF_8)).readLine();
            assertEquals("HTTP/1.1 408 Request Timeout", status);
        }
    }

    @Test
    void anOversizedBodyIs413() {
        String huge = "{\"name\":\"" + "x".repeat(600_000) + "\",\"scopes\":[\"ask\"]}";
        HttpResponse<String> response = STACK.postJson("/api/v1/keys", admin, huge);
        assertEquals(413, response.statusCode(), response.body());
        assertProblem(response);
    }

    @Test
    void aNulCharacterIs400NotADatabaseFailure() {
        HttpResponse<String> body = STACK.postJson("/api/v1/keys", admin, "{\"name\":\"a\\u0000b\",\"scopes\":[\"ask\"]}");
        assertEquals(400, body.statusCode(), body.body());
        assertProblem(body);
        HttpResponse<String> query = STACK.get("/api/v1/audit?actor=a%00b", admin);
        assertEquals(400, query.statusCode(), query.body());
        assertProblem(query);
    }

    /** JSON-B would read "yes" as false, 1.5 as 1 and 5 as "5": each is a client's mistake, said as such, and changes nothing. */
    @Test
    void aValueOfTheWrongJsonTypeIs400NotAConversion() {
        String platformAdmin = STACK.accessToken(STACK.env("DEMO_PLATFORM_ADMIN"));
        String code = "bad-" + java.util.UUID.randomUUID().toString().substring(0, 8);
        String plan = "{\"code\":\"" + code + "\",\"name\":\"Bad\",\"monthlyPrice\":10,\"currency\":\"USD\","
                + "\"rateLimitPerMinute\":60,\"maxUploadBytes\":1000000,\"includedPages\":1,"
                + "\"includedQuestions\":1,\"includedStorageGb\":1,\"overagePagePrice\":0,\"overageQuestionPrice\":0,"
                + "\"overageStorageGbMonthPrice\":0,\"overageAllowed\":%s,\"maxPagesPerDocument\":%s}";
        for (String[] wrong : new String[][] {{"\"yes\"", "10", "overageAllowed: true or false"},
                {"true", "1.5", "maxPagesPerDocument: a whole number"}, {"true", "\"10\"", "maxPagesPerDocument: a whole number"}}) {
            HttpResponse<String> refused = STACK.postJson("/admin/api/v1/plans", platformAdmin, String.format(plan, wrong[0], wrong[1]));
            assertEquals(400, refused.statusCode(), refused.body());
            assertProblem(refused);
            assertTrue(refused.body().contains(wrong[2]), refused.body());
        }
        assertEquals(404, STACK.get("/admin/api/v1/plans/" + code, platformAdmin).statusCode(), "no plan was made");
        HttpResponse<String> question = STACK.postJson("/api/v1/ask", admin, "{\"question\":5}");
        assertEquals(400, question.statusCode(), question.body());
        assertTrue(question.body().contains("question: a string"), question.body());
        HttpResponse<String> key = STACK.postJson("/api/v1/keys", admin, "{\"name\":\"k\",\"scopes\":[\"ask\"],"
                + "\"rateLimitPerMinute\":1.5}");
        assertEquals(400, key.statusCode(), key.body());
        assertProblem(key);
    }

    @Test
    void datesOutOfRangeAre400() {
        String platformAdmin = STACK.accessToken(STACK.env("DEMO_PLATFORM_ADMIN"));
        for (String path : List.of("/api/v1/audit", "/api/v1/audit/export")) {
            for (String from : List.of("-999999999-01-01T00:00:00Z", "+999999999-12-31T23:59:59Z")) {
                HttpResponse<String> response = STACK.get(path + "?from=" + from, admin);
                assertEquals(400, response.statusCode(), path + " " + response.body());
                assertProblem(response);
            }
        }
        HttpResponse<String> staff = STACK.get("/admin/api/v1/audit?to=-999999999-01-01T00:00:00Z", platformAdmin);
        assertEquals(400, staff.statusCode(), staff.body());
        assertProblem(staff);
    }

    @Test
    void oddContentTypeAndAcceptGetProblemDocumentsNamingNoServer() {
        for (String type : List.of("", "foo", "a/b/c", "application/json;charset=", "text/plain")) {
            HttpResponse<String> response = STACK.request("POST", "/api/v1/keys",
                    Map.of("Authorization", "Bearer " + admin, "Content-Type", type), null);
            assertTrue(response.statusCode() >= 400 && response.statusCode() < 500, type + ": " + response.statusCode());
            assertProblem(response);
        }
        for (String accept : List.of("odd", "text/html", "a/b/c")) {
            HttpResponse<String> response = STACK.request("GET", "/api/v1/me", Map.of("Authorization", "Bearer " + admin,
                    "Accept", accept), null);
            assertTrue(response.statusCode() >= 400 && response.statusCode() < 500, accept + ": " + response.statusCode());
            assertProblem(response);
        }
        HttpResponse<String> unknown = STACK.get("/api/v1/no-such-thing", admin);
        assertEquals(404, unknown.statusCode());
        assertProblem(unknown);
    }

    @Test
    void noWadlDescribesTheResourceTree() {
        HttpResponse<String> options = STACK.request("OPTIONS", "/api/v1/me", Map.of(), null);
        assertFalse(options.body().contains("wadl") || options.body().contains("resources"), options.body());
        assertFalse(options.headers().firstValue("Content-Type").orElse("").contains("wadl"));
        HttpResponse<String> wadl = STACK.get("/api/v1/application.wadl", null);
        assertNotEquals(200, wadl.statusCode());
        assertFalse(wadl.body().contains("organizations") || wadl.body().contains("<resource"), wadl.body());
        assertProblem(wadl);
    }

    @Test
    void aKeyInTheUrlPathIsRefusedAndNeverEchoed() {
        String secret = Tenants.key(admin, "ask");
        String secretPart = secret.substring(secret.lastIndexOf('_') + 1);
        for (String path : List.of("/api/v1/me;" + secret, "/api/v1/me;key=" + secret, "/api/v1/" + secret)) {
            HttpResponse<String> response = STACK.get(path, null);
            assertEquals(400, response.statusCode(), path + ": " + response.body());
            assertTrue(response.body().contains("key-in-url"), response.body());
            assertFalse(response.body().contains(secretPart), "the key is echoed: " + response.body());
        }
    }

    @Test
    void neitherListenerNamesTheServer() throws Exception {
        int http = URI.create(STACK.env("FINCOPILOT_URL")).getPort();
        HttpResponse<String> plain = STACK.get("/health/live", null);
        assertFalse(plain.headers().firstValue("Server").isPresent(), plain.headers().toString());
        assertFalse(plain.headers().firstValue("X-Powered-By").isPresent(), plain.headers().toString());
        HttpResponse<String> tls = Tls.insecureClient().send(HttpRequest.newBuilder(
                URI.create("https://localhost:" + (http + 1) + "/health/live")).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, tls.statusCode());
        assertFalse(tls.headers().firstValue("Server").isPresent(), tls.headers().toString());
        assertFalse(tls.headers().firstValue("X-Powered-By").isPresent(), tls.headers().toString());
    }

    @Test
    void theAdminPortWantsItsPassword() throws IOException, InterruptedException {
        String port = STACK.env("PAYARA_ADMIN_PORT");
        HttpResponse<String> anonymous = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + port + "/management/domain/applications/application"))
                .header("Accept", "application/json").header("X-Requested-By", "test").build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(401, anonymous.statusCode(), anonymous.body());
    }

    private static void assertProblem(HttpResponse<String> response) {
        assertTrue(response.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json"),
                response.statusCode() + " " + response.headers().firstValue("Content-Type") + " " + response.body());
        assertFalse(response.body().contains("Payara") || response.body().contains("GlassFish")
                || response.body().contains("Jersey"), response.body());
        Stack.json(response); // it parses
    }
}
