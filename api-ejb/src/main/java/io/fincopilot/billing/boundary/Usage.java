package io.fincopilot.billing.boundary;

import io.fincopilot.audit.boundary.AuditTrail;
import io.fincopilot.audit.entity.Act;
import io.fincopilot.billing.control.Quotas;
import io.fincopilot.billing.control.StorageMeter;
import io.fincopilot.billing.control.UsageRecords;
import io.fincopilot.billing.entity.PlanTerms;
import io.fincopilot.billing.entity.UsagePeriod;
import io.fincopilot.security.Caller;
import io.fincopilot.security.Permission;
import io.fincopilot.security.Role;
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

    @Inject
    UsageRecords records;

    @Inject
    AuditTrail audit;

    /** An organization's usage as staff see it; the look is audited on the organization's chain. */
    @RolesAllowed({Role.PLATFORM_ADMIN_NAME, Role.BILLING_NAME})
    public UsageReport ofOrganization(TenantId tenant, Caller by, String sourceIp) {
        UsageReport report = of(tenant);
        audit.record(tenant.value(), new Act(by.actor(), by.kind().name().toLowerCase(java.util.Locale.ROOT),
                "billing.usage-viewed", "organization:" + tenant, sourceIp, Act.Outcome.SUCCESS, Map.of("period", report.period())));
        return report;
    }

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
        List<StorageMeter.Held> stored = records.held(tenant, first.firstDay(), period.end().atZone(ZoneOffset.UTC).toLocalDate());
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

    private List<TokenUse> tokens(TenantId tenant, UsagePeriod period) {
        List<?> rows = em.createNativeQuery("select provider, coalesce(model, ''), "
                + "sum(case when kind = 'TOKENS_IN' then quantity else 0 end), "
                + "sum(case when kind = 'TOKENS_OUT' then quantity else 0 end) from usage_events "
                + "where tenant_id = ?1 and kind in ('TOKENS_IN', 'TOKENS_OUT') and billing_month = ?2 "
                + "group by 1, 2 order by 1, 2").setParameter(1, tenant.value()).setParameter(2, Date.valueOf(period.firstDay()))
                .getResultList();
        return rows.stream().map(r -> (Object[]) r).map(row -> new TokenUse((String) row[0], (String) row[1],
                ((Number) row[2]).longValue(), ((Number) row[3]).longValue())).toList();
    }

}
