package io.fincopilot.answers.control;

import io.fincopilot.answers.entity.Answer;
import io.fincopilot.audit.boundary.AuditTrail;
import io.fincopilot.audit.entity.Act;
import io.fincopilot.retrieval.entity.SearchResult;
import io.fincopilot.security.Caller;
import io.fincopilot.tenancy.entity.TenantId;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/**
 * What a question leaves behind, in one transaction: the audit event (who asked, which documents
 * were searched, whether it abstained; never the question's answer), the question in the
 * organization's history (its console lists the recent ones), and the usage events the billing
 * issue reads (a question answered, and tokens in and out when a remote model answered; an answer
 * from the cache spent none).
 */
@ApplicationScoped
public class AnswerLedger {

    @PersistenceContext(unitName = "fincopilot")
    EntityManager em;

    @Inject
    AuditTrail audit;

    @Transactional(TxType.REQUIRES_NEW)
    public void asked(TenantId tenant, Caller by, String sourceIp, String question, SearchResult found, Answer answer,
            boolean fallback, boolean cached, String actKey) {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("documents", found.searched().stream().limit(50).map(s -> s.id().toString()).toList());
        details.put("provider", answer.provider());
        details.put("abstained", answer.abstained());
        details.put("fallback", fallback);
        details.put("cached", cached);
        // Usage first: its trigger takes the organization's usage lock before the audit chain's head, the
        // order a month's close takes them in (decision 72), so the two cannot deadlock.
        usage(tenant, "QUESTION_ANSWERED", 1, answer, actKey);
        if (!cached && answer.tokensIn() > 0) {
            usage(tenant, "TOKENS_IN", answer.tokensIn(), answer, actKey);
        }
        if (!cached && answer.tokensOut() > 0) {
            usage(tenant, "TOKENS_OUT", answer.tokensOut(), answer, actKey);
        }
        audit.record(tenant.value(), new Act(by.actor(), by.kind().name().toLowerCase(Locale.ROOT), "question.asked",
                "question", sourceIp, Act.Outcome.SUCCESS, details));
        em.createNativeQuery("insert into questions (id, tenant_id, asked_by, question, provider, abstained, fallback, asked_at) "
                + "values (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)").setParameter(1, UUID.randomUUID()).setParameter(2, tenant.value())
                .setParameter(3, by.username()).setParameter(4, question).setParameter(5, answer.provider())
                .setParameter(6, answer.abstained()).setParameter(7, fallback)
                .setParameter(8, io.fincopilot.persistence.NativeValues.timestamptz(Instant.now())).executeUpdate();
    }

    /** One usage event; with an act key (a client's Idempotency-Key with its question), once per key however often it comes. */
    private void usage(TenantId tenant, String kind, long quantity, Answer answer, String actKey) {
        em.createNativeQuery("insert into usage_events (id, tenant_id, kind, quantity, occurred_at, provider, model, act_key) "
                + "values (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8) on conflict (tenant_id, kind, act_key) where act_key is not null "
                + "do nothing").setParameter(1, UUID.randomUUID()).setParameter(2, tenant.value())
                .setParameter(3, kind).setParameter(4, quantity)
                .setParameter(5, io.fincopilot.persistence.NativeValues.timestamptz(Instant.now()))
                .setParameter(6, answer.provider()).setParameter(7, answer.model()).setParameter(8, actKey).executeUpdate();
    }

    @SuppressWarnings("unchecked")
    public java.util.List<io.fincopilot.answers.boundary.Ask.Recent> recent(TenantId tenant, int limit) {
        java.util.List<Object[]> rows = em.createNativeQuery("select asked_by, question, asked_at, provider, abstained, fallback "
                + "from questions where tenant_id = ?1 order by asked_at desc limit ?2").setParameter(1, tenant.value())
                .setParameter(2, limit).getResultList();
        return rows.stream().map(r -> new io.fincopilot.answers.boundary.Ask.Recent((String) r[0], (String) r[1],
                io.fincopilot.persistence.NativeValues.instant(r[2]), (String) r[3], (Boolean) r[4], (Boolean) r[5])).toList();
    }
}
