package io.fincopilot.st;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.net.http.HttpResponse;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Liveness, readiness, metrics and the API description, as an operator or a load balancer sees them. */
class HealthIT {

    private final Stack stack = Stack.get();

    @Test
    void isLive() {
        HttpResponse<String> response = stack.get("/health/live", null);
        assertEquals(200, response.statusCode());
        assertEquals("UP", Stack.json(response).asJsonObject().getString("status"));
    }

    @Test
    void isReadyWithDatabaseStorageAndKeycloakChecked() {
        HttpResponse<String> response = stack.get("/health/ready", null);
        assertEquals(200, response.statusCode(), response.body());
        JsonObject health = Stack.json(response).asJsonObject();
        assertEquals("UP", health.getString("status"));
        Set<String> up = health.getJsonArray("checks").stream().map(JsonValue::asJsonObject)
                .filter(c -> "UP".equals(c.getString("status")))
                .map(c -> c.getString("name")).collect(Collectors.toSet());
        assertEquals(Set.of("database", "storage", "keycloak"), up);
    }

    @Test
    void exposesPrometheusMetrics() {
        HttpResponse<String> response = stack.get("/metrics", null);
        assertEquals(200, response.statusCode());
        assertTrue(response.body().contains("# TYPE "), "Prometheus text format");
        assertTrue(response.body().contains("jvm_uptime") || response.body().contains("base_"), response.body()
                .substring(0, Math.min(500, response.body().length())));
    }

    @Test
    void countsRequestsByOperationAndRefusalsByReason() {
        assertEquals(200, stack.get("/api/v1/me", stack.env("DEMO_API_KEY")).statusCode());
        assertEquals(401, stack.get("/api/v1/me", "fc_live_000000000000_" + "0".repeat(43)).statusCode());
        String metrics = stack.get("/metrics", null).body();
        assertTrue(metrics.lines().anyMatch(l -> l.startsWith("fincopilot_requests_count")
                && l.contains("operation=\"MeResource.me\"") && l.contains("status=\"2xx\"")), "request timer");
        assertTrue(metrics.lines().anyMatch(l -> l.startsWith("fincopilot_refusals_total") && l.contains("reason=\"invalid-key\"")),
                "refusal counter");
    }

    @Test
    void describesTheApiWithOpenApiAndABrowsableUi() {
        HttpResponse<String> openapi = stack.get("/openapi", null);
        assertEquals(200, openapi.statusCode());
        assertTrue(openapi.body().contains("/api/v1/me"), "the API document lists /api/v1/me");
        HttpResponse<String> ui = stack.get("/openapi-ui/", null);
        assertEquals(200, ui.statusCode());
        assertTrue(ui.body().contains("swagger-ui-bundle.js") && ui.body().contains("init.js"), ui.body());
        assertTrue(stack.get("/openapi-ui/init.js", null).body().contains("SwaggerUIBundle"));
    }

    @Test
    void everyResponseCarriesARequestId() {
        HttpResponse<String> response = stack.get("/api/v1/me", null);
        assertTrue(response.headers().firstValue("X-Request-Id").isPresent());
        HttpResponse<String> echoed = stack.send(java.net.http.HttpRequest.newBuilder(
                java.net.URI.create(stack.url("/api/v1/me"))).header("X-Request-Id", "trace-12345678"));
        assertEquals("trace-12345678", echoed.headers().firstValue("X-Request-Id").orElse(null));
    }
}
