package io.fincopilot.ratelimit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/**
 * Rate limits decided from hits reserved in advance: exact against the shared counter (never more
 * than the limit over all instances, none lost once every instance has been asked), with far fewer
 * reservations than requests.
 */
class AllowancesTest {

    private static final long SECOND = 1_000_000_000L;
    private static final long MINUTE = 60 * SECOND;

    /** PostgreSQL's counters, on a clock the test moves: one window a minute per bucket. */
    private static final class SharedCounter implements Allowances.Counter {
        final AtomicLong clock;
        final Map<String, Integer> hits = new HashMap<>();
        final List<List<String>> calls = new ArrayList<>();

        SharedCounter(AtomicLong clock) {
            this.clock = clock;
        }

        @Override
        public synchronized List<Allowances.Grant> reserve(List<Allowances.Ask> asks) {
            long now = clock.get();
            long window = now / MINUTE;
            calls.add(asks.stream().map(a -> a.bucket().name()).toList());
            return asks.stream().map(a -> new Allowances.Grant(a.bucket().name(),
                    hits.merge(a.bucket().name() + "@" + window, a.hits(), Integer::sum), window * 60_000L,
                    ((window + 1) * MINUTE - now) / 1_000_000L)).toList();
        }
    }

    private final AtomicLong clock = new AtomicLong(10 * MINUTE + 5 * SECOND);
    private final SharedCounter counter = new SharedCounter(clock);

    private Allowances instance() {
        return new Allowances(clock::get);
    }

    private static RateLimit hit(Allowances allowances, Bucket bucket, SharedCounter counter) {
        return allowances.take(List.of(bucket), counter);
    }

    @Test
    void aSmallLimitAllowsExactlyItsHitsAndSaysWhatIsLeft() {
        Allowances one = instance();
        Bucket key = new Bucket("key:k", 5);
        for (int remaining = 4; remaining >= 0; remaining--) {
            assertEquals(new RateLimit(true, 5, remaining, 55), hit(one, key, counter));
        }
        assertEquals(new RateLimit(false, 5, 0, 55), hit(one, key, counter));
    }

    @Test
    void aLargeLimitIsExactWithFarFewerReservationsThanRequests() {
        Allowances one = instance();
        Bucket tenant = new Bucket("tenant:t", 6000);
        for (int i = 1; i <= 6000; i++) {
            RateLimit verdict = hit(one, tenant, counter);
            assertTrue(verdict.allowed(), "request " + i);
            assertEquals(6000 - i, verdict.remaining(), "the remaining count after request " + i);
        }
        assertFalse(hit(one, tenant, counter).allowed());
        assertTrue(counter.calls.size() < 400, counter.calls.size() + " reservations for 6001 requests");
    }

    @Test
    void onceRefusedAMinuteAsksTheDatabaseNoMore() {
        Allowances one = instance();
        Bucket key = new Bucket("key:k", 3);
        for (int i = 0; i < 4; i++) {
            hit(one, key, counter);
        }
        int reservations = counter.calls.size();
        for (int i = 0; i < 1000; i++) {
            assertFalse(hit(one, key, counter).allowed());
        }
        assertEquals(reservations, counter.calls.size(), "a refused caller hammering the API costs no round trip");
    }

    @Test
    void instancesTogetherAllowExactlyTheLimit() {
        List<Allowances> instances = List.of(instance(), instance(), instance(), instance());
        Bucket tenant = new Bucket("tenant:t", 1000);
        Random random = new Random(7);
        int allowed = 0;
        for (int i = 0; i < 3000; i++) {
            allowed += hit(instances.get(random.nextInt(instances.size())), tenant, counter).allowed() ? 1 : 0;
            assertTrue(allowed <= 1000, "more than the limit allowed after " + i + " requests");
        }
        // Every instance asked until refused: what one held unspent, it spent; nothing was lost.
        for (Allowances each : instances) {
            while (hit(each, tenant, counter).allowed()) {
                allowed++;
            }
        }
        assertEquals(1000, allowed);
    }

    @Test
    void threadsOnOneInstanceAllowExactlyTheLimitEachToldWhatIsLeft() throws Exception {
        Allowances one = instance();
        Bucket tenant = new Bucket("tenant:t", 2000);
        AtomicInteger allowed = new AtomicInteger();
        Set<Integer> remaining = ConcurrentHashMap.newKeySet();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<Future<?>> done = new ArrayList<>();
        for (int t = 0; t < 8; t++) {
            done.add(pool.submit(() -> {
                for (int i = 0; i < 500; i++) {
                    RateLimit verdict = hit(one, tenant, counter);
                    if (verdict.allowed()) {
                        allowed.incrementAndGet();
                        remaining.add(verdict.remaining());
                    }
                }
            }));
        }
        for (Future<?> each : done) {
            each.get();
        }
        pool.shutdown();
        assertEquals(2000, allowed.get());
        assertEquals(2000, remaining.size(), "each allowed request was told a different count of what is left");
        assertTrue(remaining.contains(0) && remaining.contains(1999));
    }

    @Test
    void aKeyPastItsLimitIsRefusedWithoutCountingAgainstItsTenant() {
        Allowances one = instance();
        Bucket key = new Bucket("key:k", 2);
        Bucket tenant = new Bucket("tenant:t", 6000);
        for (int i = 0; i < 3; i++) {
            one.take(List.of(key, tenant), counter);
        }
        int reservations = counter.calls.size();
        for (int i = 0; i < 500; i++) {
            assertEquals(new RateLimit(false, 2, 0, 55), one.take(List.of(key, tenant), counter));
        }
        assertEquals(reservations, counter.calls.size(), "neither bucket asks PostgreSQL");
        assertEquals(6000 - 4, one.take(List.of(tenant), counter).remaining(),
                "the tenant counted the key's first three requests and this one, not the 500 refused");
    }

    @Test
    void aReservationAnsweredForTheMinuteBeforeDecidesOnlyItsOwnRequest() {
        Allowances one = instance();
        Bucket tenant = new Bucket("tenant:t", 100);
        assertTrue(hit(one, tenant, counter).allowed());
        clock.addAndGet(60 * SECOND);
        assertTrue(hit(one, tenant, counter).allowed(), "the next minute's first request");
        // A slow reservation of minute 10 (sent before the minute changed) answers now, with room left.
        Allowances.Counter late = asks -> List.of(new Allowances.Grant("tenant:t", 5, 10 * 60_000L, 20));
        RateLimit old = one.take(List.of(new Bucket("tenant:t", 100)), asks -> {
            throw new AssertionError("the lease of minute 11 has hits in hand");
        });
        assertTrue(old.allowed());
        for (int i = 0; i < 97; i++) {
            assertTrue(hit(one, tenant, counter).allowed());
        }
        // Minute 11 has its own 100: 99 spent so far, and a stale grant does not reopen minute 10.
        Bucket fresh = new Bucket("tenant:t", 100);
        RateLimit last = hit(one, fresh, counter);
        assertTrue(last.allowed());
        assertFalse(hit(one, fresh, counter).allowed());
        assertFalse(one.take(List.of(fresh), late).allowed(), "minute 11 is spent whatever minute 10 says");
    }

    @Test
    void aNewMinuteStartsAfreshAndNothingReservedBeforeCarriesOver() {
        Allowances one = instance();
        Bucket tenant = new Bucket("tenant:t", 100);
        for (int i = 0; i < 100; i++) {
            assertTrue(hit(one, tenant, counter).allowed());
        }
        assertFalse(hit(one, tenant, counter).allowed());
        clock.addAndGet(55 * SECOND);
        RateLimit next = hit(one, tenant, counter);
        assertEquals(new RateLimit(true, 100, 99, 60), next);
        assertEquals(3, counter.hits.get("tenant:t@11"), "the new window's first reservation");
    }

    @Test
    void theResetCountsDownToTheEndOfTheDatabasesMinute() {
        Allowances one = instance();
        Bucket tenant = new Bucket("tenant:t", 1000);
        assertEquals(55, hit(one, tenant, counter).resetSeconds());
        clock.addAndGet(50 * SECOND + SECOND / 2);
        assertEquals(5, hit(one, tenant, counter).resetSeconds());
    }

    @Test
    void aLimitChangedInTheMinuteAppliesToTheNextRequest() {
        Allowances one = instance();
        for (int i = 0; i < 10; i++) {
            assertTrue(hit(one, new Bucket("key:k", 1000), counter).allowed());
        }
        // The key's limit is lowered to 12: hits reserved under 1000 are no longer spent.
        int allowed = 0;
        while (hit(one, new Bucket("key:k", 12), counter).allowed()) {
            allowed++;
        }
        assertTrue(allowed < 2, allowed + " more allowed under a limit of 12 after 10 (and 31 reserved)");
    }

    @Test
    void onlyTheBucketsWithNothingInHandAreReservedAndTheTighterVerdictWins() {
        Allowances one = instance();
        Bucket key = new Bucket("key:k", 3200);
        Bucket tenant = new Bucket("tenant:t", 2);
        List<Bucket> both = List.of(key, tenant);
        assertEquals(new RateLimit(true, 2, 1, 55), one.take(both, counter));
        assertEquals(List.of("key:k", "tenant:t"), counter.calls.get(0));
        assertEquals(new RateLimit(true, 2, 0, 55), one.take(both, counter));
        assertEquals(List.of("tenant:t"), counter.calls.get(1), "the key still had hits in hand");
        RateLimit refused = one.take(both, counter);
        assertEquals(new RateLimit(false, 2, 0, 55), refused, "the tenant's limit refuses a key with hits left");
    }

    @Test
    void theFirstOfAMinuteIsAllowedByALimitOfOne() {
        Allowances one = instance();
        Bucket refusals = new Bucket("refused:key:k", 1);
        assertTrue(hit(one, refusals, counter).allowed());
        assertFalse(hit(one, refusals, counter).allowed());
        assertFalse(instance().take(List.of(refusals), counter).allowed(), "another instance agrees");
    }
}
