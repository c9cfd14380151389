package io.fincopilot.ratelimit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * One request counted against a key's and its tenant's buckets gets one verdict: the tighter of
 * the two, and that verdict is what the {@code RateLimit-*} headers tell the caller.
 */
class RateLimitTest {

    private static final Bucket KEY = new Bucket("key:k1", 10);
    private static final Bucket TENANT = new Bucket("tenant:t1", 100);
    private static final List<Bucket> BOTH = List.of(KEY, TENANT);

    private static Object[] row(Bucket bucket, int hits, Number resetSeconds) {
        return new Object[] {bucket.name(), hits, resetSeconds};
    }

    @Test
    void aBucketAllowsUpToItsLimitAndRefusesTheNextRequest() {
        assertEquals(new RateLimit(true, 10, 9, 42), KEY.verdict(1, 42));
        assertEquals(new RateLimit(true, 10, 0, 42), KEY.verdict(10, 42));
        assertEquals(new RateLimit(false, 10, 0, 42), KEY.verdict(11, 42));
        assertEquals(new RateLimit(false, 10, 0, 42), KEY.verdict(500, 42), "remaining never goes below zero");
    }

    @Test
    void theResetIsNeverLessThanASecond() {
        assertEquals(1, KEY.verdict(1, 0).resetSeconds());
        assertEquals(1, KEY.verdict(1, -3).resetSeconds());
        assertEquals(60, KEY.verdict(1, 60).resetSeconds());
    }

    @Test
    void whileBothAllowTheBucketWithFewerRemainingSpeaks() {
        RateLimit tenantCloser = Bucket.tightest(BOTH, List.of(row(KEY, 3, 30), row(TENANT, 95, 30)));
        assertEquals(new RateLimit(true, 100, 5, 30), tenantCloser);
        RateLimit keyCloser = Bucket.tightest(BOTH, List.of(row(KEY, 8, 30), row(TENANT, 20, 30)));
        assertEquals(new RateLimit(true, 10, 2, 30), keyCloser);
    }

    @Test
    void theKeyLimitReachedFirstRefusesWithTheKeysLimitAndReset() {
        RateLimit verdict = Bucket.tightest(BOTH, List.of(row(KEY, 11, 17), row(TENANT, 40, 18)));
        assertEquals(new RateLimit(false, 10, 0, 17), verdict);
    }

    @Test
    void theTenantLimitReachedFirstRefusesEvenAKeyWithRequestsLeft() {
        RateLimit verdict = Bucket.tightest(BOTH, List.of(row(KEY, 2, 17), row(TENANT, 101, 18)));
        assertEquals(new RateLimit(false, 100, 0, 18), verdict);
    }

    @Test
    void bothReachedRefusesUntilTheLaterOfTheTwoResets() {
        assertEquals(new RateLimit(false, 100, 0, 18),
                Bucket.tightest(BOTH, List.of(row(KEY, 11, 17), row(TENANT, 101, 18))));
        assertEquals(new RateLimit(false, 10, 0, 18),
                Bucket.tightest(BOTH, List.of(row(TENANT, 101, 17), row(KEY, 11, 18))));
    }

    @Test
    void eachRowIsHeldAgainstItsOwnBucketWhateverOrderTheDatabaseReturns() {
        RateLimit keyFirst = Bucket.tightest(BOTH, List.of(row(KEY, 11, 20), row(TENANT, 11, 20)));
        RateLimit tenantFirst = Bucket.tightest(BOTH, List.of(row(TENANT, 11, 20), row(KEY, 11, 20)));
        assertEquals(new RateLimit(false, 10, 0, 20), keyFirst);
        assertEquals(keyFirst, tenantFirst, "11 hits refuse the key (10) and not the tenant (100)");
    }

    @Test
    void theDatabasesNumericResetIsRead() {
        RateLimit verdict = Bucket.tightest(List.of(TENANT), List.<Object[]>of(row(TENANT, 1, new BigDecimal("12"))));
        assertEquals(new RateLimit(true, 100, 99, 12), verdict);
    }

    @Test
    void aRowForABucketThatWasNotCountedIsAnError() {
        Object[] stranger = {"tenant:other", 1, 10};
        assertThrows(IllegalStateException.class, () -> Bucket.tightest(BOTH, List.<Object[]>of(stranger)));
        assertThrows(IllegalStateException.class, () -> Bucket.tightest(BOTH, List.of()));
    }

    @Test
    void theFirstOfAMinuteIsAllowedByALimitOfOne() {
        Bucket refusals = new Bucket("refused:key:k1", 1);
        assertTrue(refusals.verdict(1, 30).allowed());
        assertFalse(refusals.verdict(2, 30).allowed());
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
