package io.fincopilot.ratelimit;

import jakarta.annotation.security.PermitAll;
import jakarta.ejb.Schedule;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.Query;
import java.util.List;
import java.util.StringJoiner;

/**
 * The shared counters of the rate limits: fixed one-minute windows in PostgreSQL that every instance
 * reserves hits from (see {@link RateLimits}). Buckets are named by what they limit
 * ({@code key:<id>}, {@code tenant:<id>}), never by a client-supplied address.
 */
@Stateless
// Admission counts requests before the container knows the caller; the clean-up runs on the container's timer.
@PermitAll
public class RateLimiter {

    @PersistenceContext(unitName = "fincopilot")
    EntityManager em;

    /**
     * Adds each ask's hits to its bucket's counter for the current minute, on the database's clock,
     * in one upsert. Committed on its own: a reservation an instance spends must never be rolled back
     * with the request that made it.
     */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public List<Allowances.Grant> reserve(List<Allowances.Ask> asks) {
        StringJoiner values = new StringJoiner(", ");
        for (int i = 0; i < asks.size(); i++) {
            values.add("(cast(?" + (2 * i + 1) + " as text), cast(?" + (2 * i + 2) + " as integer))");
        }
        // The clock is read once: the window the hits are counted in and the time left in it must agree,
        // even when the upsert waits for a row's lock across the end of a minute.
        Query upsert = em.createNativeQuery("with t as materialized (select clock_timestamp() as c) "
                + "insert into rate_limit_windows (bucket, window_start, hits) "
                + "select v.bucket, date_trunc('minute', t.c), v.hits from t, (values " + values + ") as v(bucket, hits) "
                + "on conflict (bucket, window_start) do update set hits = rate_limit_windows.hits + excluded.hits "
                + "returning bucket, hits, floor(1000 * extract(epoch from window_start)), "
                + "floor(1000 * extract(epoch from window_start + interval '1 minute' - (select c from t)))");
        for (int i = 0; i < asks.size(); i++) {
            upsert.setParameter(2 * i + 1, asks.get(i).bucket().name());
            upsert.setParameter(2 * i + 2, asks.get(i).hits());
        }
        List<?> rows = upsert.getResultList();
        return rows.stream().map(r -> (Object[]) r).map(row -> new Allowances.Grant((String) row[0],
                ((Number) row[1]).intValue(), ((Number) row[2]).longValue(), ((Number) row[3]).longValue())).toList();
    }

    /** Old windows are of no further use. */
    @Schedule(minute = "*/5", hour = "*", persistent = false)
    public void forgetOldWindows() {
        em.createNativeQuery("delete from rate_limit_windows where window_start < now() - interval '5 minutes'")
                .executeUpdate();
    }
}
