package io.fincopilot.ratelimit;

import java.util.List;

/** A counter of requests (a key's, a tenant's) and the most it may count in one minute. */
record Bucket(String name, int limitPerMinute) {

    /**
     * The verdict of one request counted in several buckets: each bucket's own, and of those the
     * tightest (see {@link RateLimit#tighter}). Rows are {@code (bucket, hits, seconds to the window's end)}
     * in any order, as PostgreSQL returns them; each is held against its own bucket's limit.
     */
    static RateLimit tightest(List<Bucket> buckets, List<Object[]> rows) {
        RateLimit tightest = null;
        for (Object[] row : rows) {
            Bucket bucket = buckets.stream().filter(b -> b.name().equals(row[0])).findFirst()
                    .orElseThrow(() -> new IllegalStateException("a bucket that was not counted: " + row[0]));
            RateLimit one = bucket.verdict(((Number) row[1]).intValue(), ((Number) row[2]).intValue());
            tightest = tightest == null ? one : tightest.tighter(one);
        }
        if (tightest == null) {
            throw new IllegalStateException("no bucket was counted");
        }
        return tightest;
    }

    /** Where this bucket stands after {@code hits} requests in the window; reset is never less than a second. */
    RateLimit verdict(int hits, int resetSeconds) {
        return new RateLimit(hits <= limitPerMinute, limitPerMinute, Math.max(0, limitPerMinute - hits),
                Math.max(1, resetSeconds));
    }
}
