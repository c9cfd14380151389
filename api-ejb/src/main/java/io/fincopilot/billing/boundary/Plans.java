package io.fincopilot.billing.boundary;

import io.fincopilot.audit.boundary.AuditTrail;
import io.fincopilot.audit.entity.Act;
import io.fincopilot.audit.entity.AuditEvent;
import io.fincopilot.billing.entity.PlanTerms;
import io.fincopilot.persistence.Constraints;
import io.fincopilot.platform.problem.ProblemException;
import io.fincopilot.security.Caller;
import io.fincopilot.security.CredentialCache;
import io.fincopilot.security.Role;
import jakarta.annotation.Resource;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.PersistenceException;
import jakarta.persistence.Query;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The plans organizations are on (decision 71): platform admins create and edit them, billing staff
 * read them. Every edit is audited on the platform's chain, and the database keeps each revision of
 * the terms for the invoices of the months they applied to. Plans are never deleted: an edit takes
 * effect on the next request of every organization on the plan.
 */
@Stateless
public class Plans {

    private static final String COLUMN_NAMES = "name, monthly_price, currency, rate_limit_per_minute, max_upload_bytes, "
            + "max_pages_per_document, included_pages, included_questions, included_storage_gb, overage_page_price, "
            + "overage_question_price, overage_storage_gb_month_price, overage_allowed";

    @PersistenceContext(unitName = "fincopilot")
    EntityManager em;

    @Inject
    AuditTrail audit;

    @Inject
    CredentialCache credentials;

    @Resource
    TransactionSynchronizationRegistry transactions;

    @RolesAllowed({Role.PLATFORM_ADMIN_NAME, Role.BILLING_NAME})
    public List<PlanTerms> all() {
        List<?> rows = em.createNativeQuery("select " + PlanTerms.COLUMNS + " from plans p order by p.monthly_price, p.code")
                .getResultList();
        return rows.stream().map(r -> PlanTerms.of((Object[]) r)).toList();
    }

    @RolesAllowed({Role.PLATFORM_ADMIN_NAME, Role.BILLING_NAME})
    public PlanTerms get(String code) {
        return find(code, false);
    }

    @RolesAllowed(Role.PLATFORM_ADMIN_NAME)
    public PlanTerms create(PlanTerms requested, Caller by, String sourceIp) {
        PlanTerms plan = requested.validated();
        try {
            bind(em.createNativeQuery("insert into plans (code, " + COLUMN_NAMES + ", updated_at) values "
                    + "(?14, ?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?15)"), plan).setParameter(14, plan.code())
                    .executeUpdate();
            em.flush();
        } catch (PersistenceException e) {
            if (Constraints.isUniqueViolation(e, "plans_pkey")) {
                throw ProblemException.conflict("a plan with code '" + plan.code() + "' already exists");
            }
            throw e;
        }
        audit.record(AuditEvent.PLATFORM_CHAIN, act(by, sourceIp, "plan.created", plan, terms(plan)));
        return plan;
    }

    /** New terms for a plan (its code stays); audited with what changed. */
    @RolesAllowed(Role.PLATFORM_ADMIN_NAME)
    public PlanTerms update(String code, PlanTerms requested, Caller by, String sourceIp) {
        PlanTerms before = find(code, true);
        PlanTerms plan = requested.withCode(before.code()).validated();
        bind(em.createNativeQuery("update plans set (" + COLUMN_NAMES + ", updated_at) = "
                + "(?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?15) where code = ?14"), plan)
                .setParameter(14, plan.code()).executeUpdate();
        Map<String, Object> changed = new LinkedHashMap<>();
        Map<String, Object> old = terms(before);
        terms(plan).forEach((name, value) -> {
            if (!value.equals(old.get(name))) {
                changed.put(name, old.get(name) + " -> " + value);
            }
        });
        audit.record(AuditEvent.PLATFORM_CHAIN, act(by, sourceIp, "plan.updated", plan, changed));
        credentials.forgetAll(transactions);
        return plan;
    }

    private PlanTerms find(String code, boolean forUpdate) {
        List<?> rows = em.createNativeQuery("select " + PlanTerms.COLUMNS + " from plans p where p.code = ?1"
                + (forUpdate ? " for update" : "")).setParameter(1, code == null ? "" : code.strip().toLowerCase(Locale.ROOT))
                .getResultList();
        if (rows.isEmpty()) {
            throw ProblemException.notFound("plan " + code);
        }
        return PlanTerms.of((Object[]) rows.get(0));
    }

    private static Query bind(Query query, PlanTerms plan) {
        return query.setParameter(1, plan.name()).setParameter(2, plan.monthlyPrice()).setParameter(3, plan.currency())
                .setParameter(4, plan.rateLimitPerMinute()).setParameter(5, plan.maxUploadBytes())
                .setParameter(6, plan.maxPagesPerDocument()).setParameter(7, plan.includedPages())
                .setParameter(8, plan.includedQuestions()).setParameter(9, plan.includedStorageGb())
                .setParameter(10, plan.overagePagePrice()).setParameter(11, plan.overageQuestionPrice())
                .setParameter(12, plan.overageStorageGbMonthPrice()).setParameter(13, plan.overageAllowed())
                .setParameter(15, io.fincopilot.persistence.NativeValues.timestamptz(Instant.now()));
    }

    /** The terms as the audit trail records them: plain strings, amounts as written. */
    private static Map<String, Object> terms(PlanTerms plan) {
        Map<String, Object> terms = new LinkedHashMap<>();
        terms.put("name", plan.name());
        terms.put("monthlyPrice", plan.monthlyPrice().toPlainString() + " " + plan.currency());
        terms.put("rateLimitPerMinute", String.valueOf(plan.rateLimitPerMinute()));
        terms.put("maxUploadBytes", String.valueOf(plan.maxUploadBytes()));
        terms.put("maxPagesPerDocument", String.valueOf(plan.maxPagesPerDocument()));
        terms.put("includedPages", String.valueOf(plan.includedPages()));
        terms.put("includedQuestions", String.valueOf(plan.includedQuestions()));
        terms.put("includedStorageGb", plan.includedStorageGb().toPlainString());
        terms.put("overagePagePrice", plan.overagePagePrice().toPlainString());
        terms.put("overageQuestionPrice", plan.overageQuestionPrice().toPlainString());
        terms.put("overageStorageGbMonthPrice", plan.overageStorageGbMonthPrice().toPlainString());
        terms.put("overageAllowed", String.valueOf(plan.overageAllowed()));
        return terms;
    }

    private static Act act(Caller by, String sourceIp, String action, PlanTerms plan, Map<String, ?> details) {
        return new Act(by.actor(), by.kind().name().toLowerCase(Locale.ROOT), action, "plan:" + plan.code(), sourceIp,
                Act.Outcome.SUCCESS, details);
    }
}
