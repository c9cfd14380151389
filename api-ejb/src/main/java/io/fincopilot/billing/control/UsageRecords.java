package io.fincopilot.billing.control;

import io.fincopilot.tenancy.entity.TenantId;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.sql.Date;
import java.time.LocalDate;
import java.util.List;

/**
 * What the usage events say about storage (decision 72): each stored version with the day it was
 * stored and the day it was released, each day being the later of the day it happened and the first
 * day of the month it was billed in, so that an event written after its month was invoiced (a late
 * one) changes only the open month, and a closed month computes again to the same figures.
 */
@ApplicationScoped
public class UsageRecords {

    @PersistenceContext(unitName = "fincopilot")
    EntityManager em;

    /** Every version held on some day from {@code first} up to, not including, {@code end}. */
    public List<StorageMeter.Held> held(TenantId tenant, LocalDate first, LocalDate end) {
        List<?> rows = em.createNativeQuery("select s.quantity, "
                + "greatest((s.occurred_at at time zone 'UTC')::date, s.billing_month), "
                + "greatest((r.occurred_at at time zone 'UTC')::date, r.billing_month) from usage_events s "
                + "left join usage_events r on r.tenant_id = s.tenant_id and r.kind = 'BYTES_RELEASED' "
                + "and r.document_id = s.document_id and r.version = s.version "
                + "where s.tenant_id = ?1 and s.kind = 'BYTES_STORED' and s.billing_month < ?3 "
                + "and (r.billing_month is null or greatest((r.occurred_at at time zone 'UTC')::date, r.billing_month) > ?2)")
                .setParameter(1, tenant.value()).setParameter(2, Date.valueOf(first)).setParameter(3, Date.valueOf(end))
                .getResultList();
        return rows.stream().map(r -> (Object[]) r).map(row -> new StorageMeter.Held(((Number) row[0]).longValue(),
                day(row[1]), row[2] == null ? null : day(row[2]))).toList();
    }

    /** A date column's value, as the driver gives it. */
    static LocalDate day(Object value) {
        return value instanceof Date d ? d.toLocalDate() : LocalDate.parse(value.toString().substring(0, 10));
    }

}
