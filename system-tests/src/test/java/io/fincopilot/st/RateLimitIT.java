package io.fincopilot.st;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A burst past a key's limit gets 429 with the rate-limit headers, spoofing an address changes nothing, and the limit recovers. */
class RateLimitIT {

    private static final Stack STACK = Stack.get();

    private static int header(HttpResponse<String> response, String name) {
        return Integer.parseInt(response.headers().firstValue(name).orElseThrow(() -> new AssertionError(name + " missing")));
    }

    @Test
    void aBurstPastTheLimitIsRefusedUntilTheWindowEnds() throws InterruptedException {
        Tenants.Tenant tenant = Tenants.create("rate");
        String key = Tenants.keyWith(tenant.adminToken(), "{\"name\":\"slow\",\"scopes\":[\"ask\"],\"rateLimitPerMinute\":5}");
        HttpResponse<String> first = STACK.get("/api/v1/me", key);
        if (header(first, "RateLimit-Reset") < 15) {
            // Too close to the end of the window to see a burst and its refusal in one window.
            Thread.sleep(header(first, "RateLimit-Reset") * 1000L + 500);
            first = STACK.get("/api/v1/me", key);
        }
        assertEquals(200, first.statusCode());
        assertEquals(5, header(first, "RateLimit-Limit"));
        assertEquals(4, header(first, "RateLimit-Remaining"));
        for (int i = 3; i >= 0; i--) {
            HttpResponse<String> next = STACK.get("/api/v1/me", key);
            assertEquals(200, next.statusCode());
            assertEquals(i, header(next, "RateLimit-Remaining"));
        }
        HttpResponse<String> refused = STACK.get("/api/v1/me", key);
        assertEquals(429, refused.statusCode(), refused.body());
        assertTrue(refused.body().contains("rate-limited"));
        int retryAfter = header(refused, "Retry-After");
        assertTrue(retryAfter >= 1 && retryAfter <= 60, "Retry-After " + retryAfter);
        assertEquals(0, header(refused, "RateLimit-Remaining"));

        HttpResponse<String> spoofed = STACK.request("GET", "/api/v1/me",
                Map.of("X-API-Key", key, "X-Forwarded-For", "198.51.100.7", "X-Real-IP", "198.51.100.8"), null);
        assertEquals(429, spoofed.statusCode(), "a forged client address does not reset the limit");

        Thread.sleep(header(spoofed, "Retry-After") * 1000L + 1000);
        HttpResponse<String> recovered = STACK.get("/api/v1/me", key);
        assertEquals(200, recovered.statusCode(), recovered.body());
        assertEquals(4, header(recovered, "RateLimit-Remaining"));
    }
}
