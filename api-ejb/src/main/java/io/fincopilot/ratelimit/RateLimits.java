package io.fincopilot.ratelimit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;

/**
 * Counts requests against one-minute limits shared by every instance. Most requests are decided
 * here from hits this instance reserved in advance; one upsert in PostgreSQL reserves more when
 * they run out (see {@link Allowances}), so the limits hold exactly across instances without a
 * round trip per request.
 */
@ApplicationScoped
public class RateLimits {

    private final Allowances allowances = new Allowances(System::nanoTime);

    @Inject
    RateLimiter counters;

    /** Counts one request against the bucket and answers where it stands. */
    public RateLimit hit(String bucket, int limitPerMinute) {
        return allowances.take(List.of(new Bucket(bucket, limitPerMinute)), counters::reserve);
    }

    /** Counts one request against two buckets and answers the tighter verdict. */
    public RateLimit hitBoth(String first, int firstLimit, String second, int secondLimit) {
        return allowances.take(List.of(new Bucket(first, firstLimit), new Bucket(second, secondLimit)),
                counters::reserve);
    }

    /** Counts an occurrence and answers whether it is the bucket's first in this minute. */
    public boolean firstThisMinute(String bucket) {
        return hit(bucket, 1).allowed();
    }
}
