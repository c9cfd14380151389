package io.fincopilot.ratelimit;

import jakarta.annotation.security.PermitAll;
import jakarta.ejb.Schedule;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;

/**
 * Counts requests in fixed one-minute windows kept in PostgreSQL, so that every instance shares
 * the same counters: one atomic upsert per bucket and request. Buckets are named by what they
 * limit ({@code key:<id>}, {@code tenant:<id>}), never by a client-supplied address.
 */
@Stateless
// Admission counts requests before the container knows the caller; the clean-up runs on the container's timer.
@PermitAll
public class RateLimiter {

    @PersistenceContext(unitName = "fincopilot")
    EntityManager em;

    /** Counts one request against the bucket and answers where it stands. */
    public RateLimit hit(String bucket, int limitPerMinute) {
        Object[] row = (Object[]) em.createNativeQuery(
                "insert into rate_limit_windows (bucket, window_start, hits) "
                + "values (?1, date_trunc('minute', clock_timestamp()), 1) "
                + "on conflict (bucket, window_start) do update set hits = rate_limit_windows.hits + 1 "
                + "returning hits, ceil(extract(epoch from date_trunc('minute', clock_timestamp()) "
                + "+ interval '1 minute' - clock_timestamp()))")
                .setParameter(1, bucket).getSingleResult();
        return verdict(((Number) row[0]).intValue(), limitPerMinute, ((Number) row[1]).intValue());
    }

    /** Counts one request against two buckets in one statement and answers the tighter verdict. */
    public RateLimit hitBoth(String first, int firstLimit, String second, int secondLimit) {
        List<?> rows = em.createNativeQuery(
                "insert into rate_limit_windows (bucket, window_start, hits) "
                + "values (?1, date_trunc('minute', clock_timestamp()), 1), (?2, date_trunc('minute', clock_timestamp()), 1) "
                + "on conflict (bucket, window_start) do update set hits = rate_limit_windows.hits + 1 "
                + "returning bucket, hits, ceil(extract(epoch from date_trunc('minute', clock_timestamp()) "
                + "+ interval '1 minute' - clock_timestamp()))")
                .setParameter(1, first).setParameter(2, second).getResultList();
        RateLimit verdict = null;
        for (Object r : rows) {
            Object[] row = (Object[]) r;
            RateLimit one = verdict(((Number) row[1]).intValue(), first.equals(row[0]) ? firstLimit : secondLimit,
                    ((Number) row[2]).intValue());
            verdict = verdict == null ? one : verdict.tighter(one);
        }
        return verdict;
    }

    /** Counts an occurrence and answers whether it is the bucket's first in this minute. */
    public boolean firstThisMinute(String bucket) {
        return hit(bucket, 1).allowed();
    }

    static RateLimit verdict(int hits, int limitPerMinute, int resetSeconds) {
        int reset = Math.max(1, resetSeconds);
        return new RateLimit(hits <= limitPerMinute, limitPerMinute, Math.max(0, limitPerMinute - hits), reset);
    }

    /** Old windows are of no further use. */
    @Schedule(minute = "*/5", hour = "*", persistent = false)
    public void forgetOldWindows() {
        em.createNativeQuery("delete from rate_limit_windows where window_start < now() - interval '5 minutes'")
                .executeUpdate();
    }
}
