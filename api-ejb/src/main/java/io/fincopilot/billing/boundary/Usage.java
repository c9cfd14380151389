package io.fincopilot.billing.boundary;

import io.fincopilot.billing.control.Quotas;
import io.fincopilot.billing.control.StorageMeter;
import io.fincopilot.billing.entity.PlanTerms;
import io.fincopilot.billing.entity.UsagePeriod;
import io.fincopilot.persistence.NativeValues;
import io.fincopilot.security.Permission;
import io.fincopilot.tenancy.entity.TenantId;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.sql.Date;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What an organization used (decision 71): this month against its plan, and the months before,
 * from the usage events its documents and questions wrote. Amounts are strings (exact decimals).
 */
@Stateless
public class Usage {

    /** How many months a report goes back, this one included. */
    public static final int MONTHS = 12;

    public record PlanSummary(String code, String name, String monthlyPrice, String currency, boolean overageAllowed) {
    }

    /**
     * One quota: pages and questions this month; storage as the bytes held now (what a plan without
     * overage limits). {@code remaining} is 0 once used; a plan with overage bills what goes past.
     */
    public record QuotaUse(String quota, String unit, long used, long included, long remaining, boolean hard) {
    }

    public record TokenUse(String provider, String model, long tokensIn, long tokensOut) {
    }

    public record MonthUse(String month, long pagesIngested, long questionsAnswered, long tokensIn, long tokensOut,
            String storageGbMonths) {
    }

    public record UsageReport(String period, Instant periodStart, Instant resetsAt, PlanSummary plan, List<QuotaUse> quotas,
            long storageHeldBytes, String storageGbMonths, List<TokenUse> tokens, List<MonthUse> months) {
    }

    @PersistenceContext(unitName = "fincopilot")
    EntityManager em;

    @Inject
    Quotas quotas;

    @RolesAllowed(Permission.USAGE_READ_NAME)
    public UsageReport of(TenantId tenant) {
        Quotas.Standing standing = quotas.standing(tenant, Quotas.Quota.PAGES);
        PlanTerms plan = standing.plan();
        UsagePeriod period = standing.period();
        UsagePeriod first = period.minus(MONTHS - 1);
        Map<String, Map<String, Long>> byMonth = monthTotals(tenant, first);
        Map<String, Long> now = byMonth.getOrDefault(period.toString(), Map.of());
        long held = quotas.held(tenant);
        boolean hard = !plan.overageAllowed();
        List<QuotaUse> used = List.of(
                quota("pages", "pages", now.getOrDefault("PAGES_INGESTED", 0L), plan.includedPages(), hard),
                quota("questions", "questions", now.getOrDefault("QUESTION_ANSWERED", 0L), plan.includedQuestions(), hard),
                quota("storage", "bytes", held, plan.includedStorageBytes(), hard));
        List<StorageMeter.Held> stored = stored(tenant, first, period);
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        List<MonthUse> months = new ArrayList<>();
        for (int back = MONTHS - 1; back >= 0; back--) {
            UsagePeriod month = period.minus(back);
            Map<String, Long> totals = byMonth.getOrDefault(month.toString(), Map.of());
            months.add(new MonthUse(month.toString(), totals.getOrDefault("PAGES_INGESTED", 0L),
                    totals.getOrDefault("QUESTION_ANSWERED", 0L), totals.getOrDefault("TOKENS_IN", 0L),
                    totals.getOrDefault("TOKENS_OUT", 0L),
                    StorageMeter.gbMonths(StorageMeter.byteDays(stored, month, today), month).toPlainString()));
        }
        return new UsageReport(period.toString(), period.start(), period.end(),
                new PlanSummary(plan.code(), plan.name(), plan.monthlyPrice().toPlainString(), plan.currency(), plan.overageAllowed()),
                used, held, months.get(months.size() - 1).storageGbMonths(), tokens(tenant, period), months);
    }

    private static QuotaUse quota(String name, String unit, long used, long included, boolean hard) {
        return new QuotaUse(name, unit, used, included, Math.max(0, included - used), hard);
    }

    private Map<String, Map<String, Long>> monthTotals(TenantId tenant, UsagePeriod first) {
        List<?> rows = em.createNativeQuery("select to_char(month, 'YYYY-MM'), kind, quantity from usage_months "
                + "where tenant_id = ?1 and month >= ?2").setParameter(1, tenant.value())
                .setParameter(2, Date.valueOf(first.firstDay())).getResultList();
        Map<String, Map<String, Long>> totals = new HashMap<>();
        for (Object r : rows) {
            Object[] row = (Object[]) r;
            totals.computeIfAbsent((String) row[0], m -> new HashMap<>()).put((String) row[1], ((Number) row[2]).longValue());
        }
        return totals;
    }

    /** Every version held at some time within the months: stored before their end, not released before their start. */
    private List<StorageMeter.Held> stored(TenantId tenant, UsagePeriod first, UsagePeriod last) {
        List<?> rows = em.createNativeQuery("select s.quantity, s.occurred_at, r.occurred_at from usage_events s "
                + "left join usage_events r on r.tenant_id = s.tenant_id and r.kind = 'BYTES_RELEASED' "
                + "and r.document_id = s.document_id and r.version = s.version "
                + "where s.tenant_id = ?1 and s.kind = 'BYTES_STORED' and s.occurred_at < ?3 "
                + "and (r.occurred_at is null or r.occurred_at >= ?2)").setParameter(1, tenant.value())
                .setParameter(2, NativeValues.timestamptz(first.start())).setParameter(3, NativeValues.timestamptz(last.end()))
                .getResultList();
        return rows.stream().map(r -> (Object[]) r).map(row -> new StorageMeter.Held(((Number) row[0]).longValue(),
                day(NativeValues.instant(row[1])), row[2] == null ? null : day(NativeValues.instant(row[2])))).toList();
    }

    private List<TokenUse> tokens(TenantId tenant, UsagePeriod period) {
        List<?> rows = em.createNativeQuery("select provider, coalesce(model, ''), "
                + "sum(case when kind = 'TOKENS_IN' then quantity else 0 end), "
                + "sum(case when kind = 'TOKENS_OUT' then quantity else 0 end) from usage_events "
                + "where tenant_id = ?1 and kind in ('TOKENS_IN', 'TOKENS_OUT') and occurred_at >= ?2 and occurred_at < ?3 "
                + "group by 1, 2 order by 1, 2").setParameter(1, tenant.value())
                .setParameter(2, NativeValues.timestamptz(period.start())).setParameter(3, NativeValues.timestamptz(period.end()))
                .getResultList();
        return rows.stream().map(r -> (Object[]) r).map(row -> new TokenUse((String) row[0], (String) row[1],
                ((Number) row[2]).longValue(), ((Number) row[3]).longValue())).toList();
    }

    private static LocalDate day(Instant instant) {
        return instant.atZone(ZoneOffset.UTC).toLocalDate();
    }
}
