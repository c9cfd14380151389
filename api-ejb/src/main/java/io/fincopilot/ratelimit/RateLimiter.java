package io.fincopilot.ratelimit;

import jakarta.annotation.security.PermitAll;
import jakarta.ejb.Schedule;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.Query;
import java.util.List;
import java.util.StringJoiner;

/**
 * Counts requests in fixed one-minute windows kept in PostgreSQL, so that every instance shares
 * the same counters: one atomic upsert per request, whatever the number of buckets. Buckets are
 * named by what they limit ({@code key:<id>}, {@code tenant:<id>}), never by a client-supplied address.
 */
@Stateless
// Admission counts requests before the container knows the caller; the clean-up runs on the container's timer.
@PermitAll
public class RateLimiter {

    @PersistenceContext(unitName = "fincopilot")
    EntityManager em;

    /** Counts one request against the bucket and answers where it stands. */
    public RateLimit hit(String bucket, int limitPerMinute) {
        return count(List.of(new Bucket(bucket, limitPerMinute)));
    }

    /** Counts one request against two buckets in one statement and answers the tighter verdict. */
    public RateLimit hitBoth(String first, int firstLimit, String second, int secondLimit) {
        return count(List.of(new Bucket(first, firstLimit), new Bucket(second, secondLimit)));
    }

    /** Counts an occurrence and answers whether it is the bucket's first in this minute. */
    public boolean firstThisMinute(String bucket) {
        return hit(bucket, 1).allowed();
    }

    /** One upsert for every bucket, on the database's clock; each row says its bucket, its hits and the seconds left. */
    private RateLimit count(List<Bucket> buckets) {
        StringJoiner values = new StringJoiner(", ");
        for (int i = 1; i <= buckets.size(); i++) {
            values.add("(?" + i + ", date_trunc('minute', clock_timestamp()), 1)");
        }
        Query upsert = em.createNativeQuery("insert into rate_limit_windows (bucket, window_start, hits) values "
                + values + " on conflict (bucket, window_start) do update set hits = rate_limit_windows.hits + 1 "
                + "returning bucket, hits, ceil(extract(epoch from date_trunc('minute', clock_timestamp()) "
                + "+ interval '1 minute' - clock_timestamp()))");
        for (int i = 1; i <= buckets.size(); i++) {
            upsert.setParameter(i, buckets.get(i - 1).name());
        }
        List<?> rows = upsert.getResultList();
        return Bucket.tightest(buckets, rows.stream().map(r -> (Object[]) r).toList());
    }

    /** Old windows are of no further use. */
    @Schedule(minute = "*/5", hour = "*", persistent = false)
    public void forgetOldWindows() {
        em.createNativeQuery("delete from rate_limit_windows where window_start < now() - interval '5 minutes'")
                .executeUpdate();
    }
}
