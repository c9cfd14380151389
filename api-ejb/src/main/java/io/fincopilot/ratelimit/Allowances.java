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
 * so what other instances hold unspent when one is refused is small. A request already refused by
 * one bucket here (its minute spent) is not counted in the others, nor sent to PostgreSQL.
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

    /**
     * A counter after a reservation: its hits in the window (the reservation's included), the
     * window's start (epoch milliseconds) and the time left in it, all on one reading of the
     * database's clock.
     */
    public record Grant(String bucket, int hits, long windowStart, long millisLeft) {
    }

    private final Cache<String, Lease> leases = Caffeine.newBuilder()
            .expireAfterAccess(Duration.ofMinutes(2)).maximumSize(200_000).build();
    private final LongSupplier nanoTime;

    Allowances(LongSupplier nanoTime) {
        this.nanoTime = nanoTime;
    }

    /**
     * Counts one request in every bucket and answers the tightest verdict. A bucket whose minute is
     * spent here refuses at once, and then no other bucket is counted; buckets with hits in hand
     * answer at once; the others are reserved together in one call of the counter.
     */
    RateLimit take(List<Bucket> buckets, Counter counter) {
        long now = nanoTime.getAsLong();
        RateLimit refusal = null;
        for (Bucket bucket : buckets) {
            RateLimit refused = lease(bucket).refusal(bucket, now);
            if (refused != null) {
                refusal = tighter(refusal, refused);
            }
        }
        if (refusal != null) {
            return refusal;
        }
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
            List<Grant> grants;
            try {
                grants = counter.reserve(asks);
            } catch (RuntimeException e) {
                asks.forEach(ask -> lease(ask.bucket()).unanswered(ask));
                throw e;
            }
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
        /** The window's start on the database's clock (epoch milliseconds); -1 before the first. */
        private long windowStart = -1;
        /** When the window ends here: never later than in PostgreSQL. */
        private long windowEnd;
        /** The shared counter's hits as last seen, every instance's reservations included. */
        private int counted;
        /** Hits this instance asked for in this window and was answered. */
        private int answered;
        /** Hits this instance asked for and has no answer for yet, whatever their window. */
        private int inFlight;
        /** Hits reserved by this instance and not spent yet. */
        private int spare;
        /** Hits spent here in this window. */
        private int spent;
        /** The shared counter refused a reservation: nothing more in this window once the spare is spent. */
        private boolean exhausted;

        private boolean current(Bucket bucket, long now) {
            return windowStart >= 0 && bucket.limitPerMinute() == limit && now - windowEnd < 0;
        }

        /** A refusal from what is known here, or null when the bucket may still allow the request. */
        synchronized RateLimit refusal(Bucket bucket, long now) {
            return current(bucket, now) && spare == 0 && exhausted ? verdict(false, now) : null;
        }

        /** The verdict from what is in hand, or null when the counter must be asked. */
        synchronized RateLimit take(Bucket bucket, long now) {
            if (!current(bucket, now)) {
                return null;
            }
            if (spare > 0) {
                spare--;
                spent++;
                return verdict(true, now);
            }
            return exhausted ? verdict(false, now) : null;
        }

        /** How many hits to reserve: a share of what the last reservation left, never less than one. */
        synchronized int share(Bucket bucket, long now) {
            int room = bucket.limitPerMinute() - (current(bucket, now) ? counted : 0);
            int share = Math.max(1, Math.min(MAX_SHARE, room / SHARE_OF_ROOM));
            inFlight += share;
            return share;
        }

        /** The reservation failed: its hits are no longer awaited. */
        synchronized void unanswered(Ask ask) {
            inFlight -= ask.hits();
        }

        /**
         * Takes what the counter granted: the hits of the reservation that were still under the limit.
         * The window is the counter's own; it ends here at the time it had left, counted from before
         * the reservation was sent, so never later than in PostgreSQL. A grant of an older window
         * decides its own request only.
         */
        synchronized RateLimit granted(Ask ask, Grant grant, long sent) {
            inFlight -= ask.hits();
            int limitPerMinute = ask.bucket().limitPerMinute();
            int before = grant.hits() - ask.hits();
            int granted = Math.max(0, Math.min(ask.hits(), limitPerMinute - before));
            if (grant.windowStart() < windowStart) {
                return verdict(granted > 0, sent);
            }
            if (grant.windowStart() != windowStart || limitPerMinute != limit) {
                limit = limitPerMinute;
                windowStart = grant.windowStart();
                windowEnd = sent + grant.millisLeft() * 1_000_000L;
                counted = 0;
                answered = 0;
                spare = 0;
                spent = 0;
                exhausted = false;
            }
            counted = Math.max(counted, grant.hits());
            answered += ask.hits();
            spare += granted;
            if (spare == 0) {
                exhausted = true;
                return verdict(false, sent);
            }
            spare--;
            spent++;
            return verdict(true, sent);
        }

        /**
         * What is left for the caller: the limit less what was spent here and what other instances
         * hold (the counter's hits not asked for by this one). On one instance it is exact.
         */
        private RateLimit verdict(boolean allowed, long now) {
            int others = Math.max(0, counted - answered - inFlight);
            int remaining = allowed ? Math.max(0, limit - spent - others) : 0;
            int reset = (int) Math.max(1, (windowEnd - now + 999_999_999L) / 1_000_000_000L);
            return new RateLimit(allowed, limit, remaining, reset);
        }
    }
}
