package io.fincopilot.billing.control;

import io.fincopilot.billing.entity.PlanTerms;
import io.fincopilot.billing.entity.UsagePeriod;
import io.fincopilot.platform.problem.Problem;
import io.fincopilot.platform.problem.ProblemException;
import io.fincopilot.tenancy.entity.TenantId;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.json.Json;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.sql.Date;
import java.time.Clock;
import java.time.Instant;
import java.util.List;

/**
 * Quotas, enforced at the act (decision 71): a plan without overage refuses, with 402 and a
 * problem naming the quota, what was used and when it resets, a question once the month's
 * questions are used, an upload that would hold more than the plan's storage or come when the
 * month's pages are used, and a document whose pages would go past them. Plans with overage are
 * never refused: what goes past is billed.
 */
@ApplicationScoped
public class Quotas {

    /** What is checked: its name in problems and reports, and its usage kind. */
    public enum Quota {
        PAGES("pages", "PAGES_INGESTED"),
        QUESTIONS("questions", "QUESTION_ANSWERED"),
        STORAGE("storage", null);

        private final String label;
        private final String kind;

        Quota(String label, String kind) {
            this.label = label;
            this.kind = kind;
        }

        public String label() {
            return label;
        }

        public String kind() {
            return kind;
        }
    }

    /** The organization's plan with what it used of one monthly quota. */
    public record Standing(PlanTerms plan, UsagePeriod period, long used) {
    }

    @PersistenceContext(unitName = "fincopilot")
    EntityManager em;

    Clock clock = Clock.systemUTC();

    /** One read: the organization's plan, and what it used of {@code quota} this month. */
    public Standing standing(TenantId tenant, Quota quota) {
        UsagePeriod period = UsagePeriod.of(Instant.now(clock));
        List<?> rows = em.createNativeQuery("select " + PlanTerms.COLUMNS + ", (select u.quantity from usage_months u "
                + "where u.tenant_id = o.id and u.month = ?2 and u.kind = ?3) from organizations o join plans p on p.code = o.plan "
                + "where o.id = ?1").setParameter(1, tenant.value()).setParameter(2, Date.valueOf(period.firstDay()))
                .setParameter(3, quota.kind() == null ? "" : quota.kind()).getResultList();
        if (rows.isEmpty()) {
            throw ProblemException.notFound("organization " + tenant);
        }
        Object[] row = (Object[]) rows.get(0);
        Object used = row[PlanTerms.COLUMN_COUNT];
        return new Standing(PlanTerms.of(row), period, used == null ? 0 : ((Number) used).longValue());
    }

    /** Refuses a question when the plan is hard and the month's questions are used. */
    public void requireQuestion(TenantId tenant) {
        Standing standing = standing(tenant, Quota.QUESTIONS);
        if (!standing.plan().overageAllowed() && standing.used() >= standing.plan().includedQuestions()) {
            throw exceeded(Quota.QUESTIONS, standing, standing.plan().includedQuestions(), "questions answered");
        }
    }

    /**
     * Refuses an upload when the plan is hard and the month's pages are used, or when the bytes would
     * take the organization past the storage its plan includes. Called first before the body is read
     * ({@code bytes} 0), then where the upload is reserved: there the organization's uploads take turns,
     * so two concurrent uploads cannot both take the last of the storage.
     */
    public void requireUpload(TenantId tenant, long bytes) {
        Standing pages = standing(tenant, Quota.PAGES);
        PlanTerms plan = pages.plan();
        if (plan.overageAllowed()) {
            return;
        }
        if (pages.used() >= plan.includedPages()) {
            throw exceeded(Quota.PAGES, pages, plan.includedPages(), "pages ingested");
        }
        if (bytes > 0) {
            takeTurn(tenant);
        }
        long held = held(tenant);
        if (held + bytes > plan.includedStorageBytes()) {
            throw new ProblemException(Problem.of(402, "quota-exceeded", "Quota used up",
                    "the plan '" + plan.code() + "' lets the organization hold " + plan.includedStorageBytes() + " bytes; it holds "
                            + held + (bytes > 0 ? " and this upload has " + bytes : "")
                            + ": delete documents or move to a larger plan")
                    .with("quota", Quota.STORAGE.label()).with("used", Json.createValue(held))
                    .with("included", Json.createValue(plan.includedStorageBytes())));
        }
    }

    /**
     * How many more pages this month's quota lets a document have, counting the pages of versions
     * being ingested now; unlimited for a plan with overage. The caller holds the organization's turn.
     */
    public long pagesLeft(TenantId tenant, java.util.UUID document, int version) {
        // The turn first: a version finishing (its pages moving from in flight to used) holds it too.
        takeTurn(tenant);
        Standing pages = standing(tenant, Quota.PAGES);
        if (pages.plan().overageAllowed()) {
            return Long.MAX_VALUE;
        }
        Number inFlight = (Number) em.createNativeQuery("select coalesce(sum(pages_total), 0) from document_versions "
                + "where tenant_id = ?1 and status = 'PROCESSING' and pages_total is not null "
                + "and not (document_id = ?2 and version = ?3)").setParameter(1, tenant.value()).setParameter(2, document)
                .setParameter(3, version).getSingleResult();
        return Math.max(0, pages.plan().includedPages() - pages.used() - inFlight.longValue());
    }

    /** Why a document cannot be ingested this month, for its failure reason. */
    public static String pagesRefused(int pages, long left, UsagePeriod period) {
        return "the document has " + pages + " pages and the plan's monthly quota has " + left + " left; it resets at "
                + period.end();
    }

    public UsagePeriod period() {
        return UsagePeriod.of(Instant.now(clock));
    }

    /** Bytes the organization holds, counting uploads under way. */
    public long held(TenantId tenant) {
        return ((Number) em.createNativeQuery("select coalesce(sum(size_bytes), 0) from document_versions where tenant_id = ?1")
                .setParameter(1, tenant.value()).getSingleResult()).longValue();
    }

    /** The organization's acts that count against a quota take turns until the transaction ends. */
    public void takeTurn(TenantId tenant) {
        em.createNativeQuery("select pg_advisory_xact_lock(hashtextextended('quota:' || ?1, 0))")
                .setParameter(1, tenant.value().toString()).getSingleResult();
    }

    private static ProblemException exceeded(Quota quota, Standing standing, long included, String what) {
        return new ProblemException(Problem.of(402, "quota-exceeded", "Quota used up",
                "the plan '" + standing.plan().code() + "' includes " + included + " " + what + " a month and "
                        + standing.used() + " were used in " + standing.period() + "; the quota resets at "
                        + standing.period().end() + " (or move to a plan with more, or with overage)")
                .with("quota", quota.label()).with("used", Json.createValue(standing.used()))
                .with("included", Json.createValue(included)).with("resetsAt", standing.period().end().toString()));
    }
}
