package io.fincopilot.ratelimit;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * One request counted against a key's and its tenant's buckets gets one verdict: the tighter of
 * the two, and that verdict is what the {@code RateLimit-*} headers tell the caller.
 */
class RateLimitTest {

    @Test
    void whileBothAllowTheOneWithFewerRemainingSpeaks() {
        RateLimit key = new RateLimit(true, 10, 7, 30);
        RateLimit tenant = new RateLimit(true, 100, 5, 30);
        assertEquals(tenant, key.tighter(tenant));
        assertEquals(tenant, tenant.tighter(key));
    }

    @Test
    void aRefusalWinsOverAnAllowance() {
        RateLimit key = new RateLimit(true, 10, 8, 17);
        RateLimit tenant = new RateLimit(false, 100, 0, 18);
        assertEquals(tenant, key.tighter(tenant));
        assertEquals(tenant, tenant.tighter(key));
    }

    @Test
    void bothRefusingRefusesUntilTheLaterOfTheTwoResets() {
        RateLimit key = new RateLimit(false, 10, 0, 17);
        RateLimit tenant = new RateLimit(false, 100, 0, 18);
        assertEquals(tenant, key.tighter(tenant));
        assertEquals(tenant, tenant.tighter(key));
    }

    @Test
    void anAllowedAnswerCarriesTheThreeRateLimitHeaders() {
        assertEquals(Map.of("RateLimit-Limit", "100", "RateLimit-Remaining", "5", "RateLimit-Reset", "30"),
                new RateLimit(true, 100, 5, 30).headers());
    }

    @Test
    void aRefusalAlsoSaysWhenToRetry() {
        assertEquals(Map.of("RateLimit-Limit", "10", "RateLimit-Remaining", "0", "RateLimit-Reset", "17",
                "Retry-After", "17"), new RateLimit(false, 10, 0, 17).headers());
    }
}
