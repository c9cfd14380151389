package io.fincopilot.ratelimit;

import jakarta.ejb.Schedule;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

/**
 * Counts requests in fixed one-minute windows kept in PostgreSQL, so that every instance shares
 * the same counters: one atomic upsert per bucket and request. Buckets are named by what they
 * limit ({@code key:<id>}, {@code tenant:<id>}), never by a client-supplied address.
 */
@Stateless
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
        int hits = ((Number) row[0]).intValue();
        int reset = Math.max(1, ((Number) row[1]).intValue());
        return new RateLimit(hits <= limitPerMinute, limitPerMinute, Math.max(0, limitPerMinute - hits), reset);
    }

    /** Old windows are of no further use. */
    @Schedule(minute = "*/5", hour = "*", persistent = false)
    public void forgetOldWindows() {
        em.createNativeQuery("delete from rate_limit_windows where window_start < now() - interval '5 minutes'")
                .executeUpdate();
    }
}
