package io.fincopilot.st;

import static io.fincopilot.st.Api.ok;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.fincopilot.client.ApiException;
import io.fincopilot.client.ApiResponse;
import io.fincopilot.client.model.Me;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/**
 * A burst past a key's limit gets 429 with the rate-limit headers, spoofing an address changes
 * nothing, the limit recovers, and requests side by side get exactly the limit, however the
 * instance spends the hits it reserved in advance.
 */
class RateLimitIT {

    /** A numeric response header that must be present. */
    static int header(Map<String, List<String>> headers, String name) {
        List<String> values = headers.get(name);
        if (values == null || values.isEmpty()) {
            throw new AssertionError(name + " missing");
        }
        return Integer.parseInt(values.get(0));
    }

    /** The headers of a call that must be refused with 429. */
    private static Map<String, List<String>> tooMany(Api.Call<?> call) {
        try {
            call.call();
            return fail("expected 429");
        } catch (ApiException e) {
            assertEquals(429, e.getCode(), e.getResponseBody());
            assertEquals("rate-limited", Api.type(Api.problem(e)));
            return e.getResponseHeaders().map();
        }
    }

    @Test
    void aBurstPastTheLimitIsRefusedUntilTheWindowEnds() throws InterruptedException {
        Tenants.Tenant tenant = Tenants.create("rate");
        Api key = Api.as(Tenants.keyWith(tenant.adminToken(), Tenants.newKey("ask").name("slow").rateLimitPerMinute(5)));
        ApiResponse<Me> first = ok(() -> key.me().getMeWithHttpInfo());
        if (header(first.getHeaders(), "RateLimit-Reset") < 15) {
            // Too close to the end of the window to see a burst and its refusal in one window.
            Thread.sleep(header(first.getHeaders(), "RateLimit-Reset") * 1000L + 500);
            first = ok(() -> key.me().getMeWithHttpInfo());
        }
        assertEquals(5, header(first.getHeaders(), "RateLimit-Limit"));
        assertEquals(4, header(first.getHeaders(), "RateLimit-Remaining"));
        for (int i = 3; i >= 0; i--) {
            assertEquals(i, header(ok(() -> key.me().getMeWithHttpInfo()).getHeaders(), "RateLimit-Remaining"));
        }
        Map<String, List<String>> refused = tooMany(() -> key.me().getMe());
        int retryAfter = header(refused, "Retry-After");
        assertTrue(retryAfter >= 1 && retryAfter <= 60, "Retry-After " + retryAfter);
        assertEquals(0, header(refused, "RateLimit-Remaining"));

        // A forged client address does not reset the limit.
        Map<String, List<String>> spoofed = tooMany(() -> key.me().getMe(
                Map.of("X-Forwarded-For", "198.51.100.7", "X-Real-IP", "198.51.100.8")));

        Thread.sleep(header(spoofed, "Retry-After") * 1000L + 1000);
        ApiResponse<Me> recovered = ok(() -> key.me().getMeWithHttpInfo());
        assertEquals(4, header(recovered.getHeaders(), "RateLimit-Remaining"));
    }

    @Test
    void requestsSideBySideGetExactlyTheLimit() throws Exception {
        Tenants.Tenant tenant = Tenants.create("rate-burst");
        String secret = Tenants.keyWith(tenant.adminToken(), Tenants.newKey("ask").name("burst").rateLimitPerMinute(150));
        ApiResponse<Me> first = ok(() -> Api.as(secret).me().getMeWithHttpInfo());
        if (header(first.getHeaders(), "RateLimit-Reset") < 30) {
            Thread.sleep(header(first.getHeaders(), "RateLimit-Reset") * 1000L + 500);
            first = ok(() -> Api.as(secret).me().getMeWithHttpInfo());
        }
        assertEquals(149, header(first.getHeaders(), "RateLimit-Remaining"), "the first request of the window");
        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<Future<int[]>> counts = new ArrayList<>();
        for (int t = 0; t < 8; t++) {
            counts.add(pool.submit(() -> {
                Api key = Api.as(secret);
                int[] allowedAndRefused = new int[2];
                for (int i = 0; i < 25; i++) {
                    try {
                        key.me().getMe();
                        allowedAndRefused[0]++;
                    } catch (ApiException e) {
                        assertEquals(429, e.getCode(), e.getResponseBody());
                        allowedAndRefused[1]++;
                    }
                }
                return allowedAndRefused;
            }));
        }
        int allowed = 0;
        int refused = 0;
        for (Future<int[]> count : counts) {
            allowed += count.get()[0];
            refused += count.get()[1];
        }
        pool.shutdown();
        assertEquals(149, allowed, "200 requests side by side after the first: the rest of the limit, not one more");
        assertEquals(51, refused);
    }
}
