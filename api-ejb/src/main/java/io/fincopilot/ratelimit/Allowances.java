package io.fincopilot.ratelimit;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.LongSupplier;

/**
 * The hits this instance may still spend in each bucket's current minute without asking PostgreSQL.
 * The shared counter in PostgreSQL stays the only authority: an instance spends only hits it has
 * reserved there, in one atomic upsert that grants at most what is left under the limit. So the
 * requests allowed in a minute, over every instance together, never exceed the limit; a request
 * is refused only once the shared counter has reached it. An instance reserves a small share of
 * what is left (a thirty-second part, at most {@value #MAX_SHARE}, a single hit near the limit),
 * so what other instances hold unspent when one is refused is small.
 */
public final class Allowances {

    /** The most hits reserved at once. */
    static final int MAX_SHARE = 64;

    /** A reservation takes this part of what is left of the limit. */
    static final int SHARE_OF_ROOM = 32;

    /** Reserves hits in the shared counters: one statement for every bucket asked. */
    interface Counter {
        List<Grant> reserve(List<Ask> asks);
    }

    /** Hits to add to a bucket's counter for the current minute. */
    public record Ask(Bucket bucket, int hits) {
    }

    /** A counter after a reservation: its hits in the window (the reservation's included) and the time left in it. */
    public record Grant(String bucket, int hits, long millisLeft) {
    }

    private final Cache<String, Lease> leases = Caffeine.newBuilder()
            .expireAfterAccess(Duration.ofMinutes(2)).maximumSize(200_000).build();
    private final LongSupplier nanoTime;

    Allowances(LongSupplier nanoTime) {
        this.nanoTime = nanoTime;
    }

    /**
     * Counts one request in every bucket and answers the tightest verdict. Buckets with hits in
     * hand answer at once; the others are reserved together in one call of the counter.
     */
    RateLimit take(List<Bucket> buckets, Counter counter) {
        long now = nanoTime.getAsLong();
        RateLimit verdict = null;
        List<Ask> asks = new ArrayList<>();
        for (Bucket bucket : buckets) {
            Lease lease = lease(bucket);
            RateLimit local = lease.take(bucket, now);
            if (local == null) {
                asks.add(new Ask(bucket, lease.share(bucket, now)));
            } else {
                verdict = tighter(verdict, local);
            }
        }
        if (!asks.isEmpty()) {
            List<Grant> grants = counter.reserve(asks);
            for (Ask ask : asks) {
                Grant grant = grants.stream().filter(g -> g.bucket().equals(ask.bucket().name())).findFirst()
                        .orElseThrow(() -> new IllegalStateException("no grant for " + ask.bucket().name()));
                verdict = tighter(verdict, lease(ask.bucket()).granted(ask, grant, now));
            }
        }
        if (verdict == null) {
            throw new IllegalStateException("no bucket was counted");
        }
        return verdict;
    }

    private Lease lease(Bucket bucket) {
        return leases.get(bucket.name(), name -> new Lease());
    }

    private static RateLimit tighter(RateLimit verdict, RateLimit next) {
        return verdict == null ? next : verdict.tighter(next);
    }

    /** One bucket's current window on this instance. */
    private static final class Lease {
        private int limit = -1;
        private long windowEnd = Long.MIN_VALUE;
        /** The shared counter's hits as last seen, every instance's reservations included. */
        private int counted;
        /** Hits reserved by this instance and not spent yet. */
        private int spare;
        /** The shared counter refused a reservation: nothing more in this window. */
        private boolean exhausted;

        /** The verdict from what is in hand, or null when the counter must be asked. */
        synchronized RateLimit take(Bucket bucket, long now) {
            if (bucket.limitPerMinute() != limit || now - windowEnd >= 0) {
                return null;
            }
            if (exhausted) {
                return verdict(false, now);
            }
            if (spare == 0) {
                return null;
            }
            spare--;
            return verdict(true, now);
        }

        /** How many hits to reserve: a share of what the last reservation left, never less than one. */
        synchronized int share(Bucket bucket, long now) {
            boolean current = bucket.limitPerMinute() == limit && now - windowEnd < 0;
            int room = bucket.limitPerMinute() - (current ? counted : 0);
            return Math.max(1, Math.min(MAX_SHARE, room / SHARE_OF_ROOM));
        }

        /**
         * Takes what the counter granted: the hits of the reservation that were still under the limit.
         * The window is the counter's, timed from before the reservation was sent, so it never ends
         * here later than in PostgreSQL.
         */
        synchronized RateLimit granted(Ask ask, Grant grant, long sent) {
            int limitPerMinute = ask.bucket().limitPerMinute();
            int before = grant.hits() - ask.hits();
            int granted = Math.max(0, Math.min(ask.hits(), limitPerMinute - before));
            long end = sent + grant.millisLeft() * 1_000_000L;
            if (limitPerMinute != limit || end - windowEnd > 1_000_000_000L) {
                limit = limitPerMinute;
                windowEnd = end;
                counted = 0;
                spare = 0;
                exhausted = false;
            } else if (windowEnd - end > 1_000_000_000L) {
                // A reservation of the window before, answered after this one moved on: it decides only its request.
                return new RateLimit(granted > 0, limitPerMinute, 0, 1);
            }
            counted = Math.max(counted, grant.hits());
            spare += granted;
            if (spare == 0) {
                exhausted = true;
                return verdict(false, sent);
            }
            spare--;
            return verdict(true, sent);
        }

        /** What is left for the caller: what nobody has reserved yet, and what this instance holds. */
        private RateLimit verdict(boolean allowed, long now) {
            int remaining = allowed ? Math.max(0, limit - counted) + spare : 0;
            int reset = (int) Math.max(1, (windowEnd - now + 999_999_999L) / 1_000_000_000L);
            return new RateLimit(allowed, limit, remaining, reset);
        }
    }
}
