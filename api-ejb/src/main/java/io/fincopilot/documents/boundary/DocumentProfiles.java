package io.fincopilot.documents.boundary;

import io.fincopilot.audit.boundary.AuditTrail;
import io.fincopilot.audit.entity.Act;
import io.fincopilot.documents.entity.Document;
import io.fincopilot.platform.problem.ProblemException;
import io.fincopilot.retrieval.entity.FilingForm;
import io.fincopilot.retrieval.entity.PageKind;
import io.fincopilot.security.Caller;
import io.fincopilot.security.Permission;
import io.fincopilot.tenancy.entity.TenantId;
import io.fincopilot.tenancy.entity.TenantPartition;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/**
 * What a document is (company, ticker, form, fiscal period) and which pages hold its primary
 * statements: detected at ingestion, seen by readers, corrected by writers (audited). Questions
 * are focused on documents and pages by it (decision 57).
 */
@Stateless
public class DocumentProfiles {

    /** The profile and the pages of the ready version by kind (only kinds that have pages). */
    public record Profile(Document document, Map<PageKind, List<Integer>> pages) {
    }

    static final List<PageKind> EDITABLE = List.of(PageKind.INCOME_STATEMENT, PageKind.BALANCE_SHEET, PageKind.CASH_FLOW,
            PageKind.EQUITY, PageKind.NOTES);

    @PersistenceContext(unitName = "fincopilot")
    EntityManager em;

    @Inject
    AuditTrail audit;

    @RolesAllowed(Permission.DOCUMENTS_READ_NAME)
    public Profile get(TenantId tenant, UUID id) {
        Document document = TenantPartition.bind(em, tenant).find(Document.class, id);
        if (document == null) {
            throw ProblemException.notFound("document " + id);
        }
        return new Profile(document, pages(tenant, document));
    }

    @RolesAllowed(Permission.DOCUMENTS_WRITE_NAME)
    public Profile update(TenantId tenant, UUID id, ProfileUpdate update, Caller by, String sourceIp) {
        Document document = TenantPartition.bind(em, tenant).find(Document.class, id, LockModeType.PESSIMISTIC_WRITE);
        if (document == null) {
            throw ProblemException.notFound("document " + id);
        }
        Map<PageKind, List<Integer>> statements = statementPages(update.statementPages());
        if (!statements.isEmpty() && document.readyVersion() == null) {
            throw new ProblemException(io.fincopilot.platform.problem.Problem.of(409, "not-ready", "Document not ready",
                    "statement pages can be set once the document is ready"));
        }
        String form = update.form() == null ? null : FilingForm.fromLabel(update.form()).name();
        document.editProfile(blankToNull(update.company()), update.ticker(), form, update.fiscalYear(), update.fiscalQuarter(),
                update.periodEnd(), Instant.now());
        statements.forEach((kind, pages) -> {
            em.createNativeQuery("update chunks set page_kind = 'OTHER' where tenant_id = ?1 and document_id = ?2 "
                    + "and version = ?3 and page_kind = ?4").setParameter(1, tenant.value()).setParameter(2, id)
                    .setParameter(3, document.readyVersion()).setParameter(4, kind.name()).executeUpdate();
            if (!pages.isEmpty()) {
                em.createNativeQuery("update chunks set page_kind = ?4 where tenant_id = ?1 and document_id = ?2 "
                        + "and version = ?3 and page = any (cast(?5 as integer[]))").setParameter(1, tenant.value())
                        .setParameter(2, id).setParameter(3, document.readyVersion()).setParameter(4, kind.name())
                        .setParameter(5, pages.stream().map(String::valueOf).collect(java.util.stream.Collectors
                                .joining(",", "{", "}"))).executeUpdate();
            }
        });
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("company", String.valueOf(document.company()));
        details.put("ticker", String.valueOf(document.ticker()));
        details.put("form", String.valueOf(document.form()));
        details.put("fiscalYear", String.valueOf(document.fiscalYear()));
        details.put("fiscalQuarter", String.valueOf(document.fiscalQuarter()));
        details.put("periodEnd", String.valueOf(document.periodEnd()));
        statements.forEach((kind, pages) -> details.put(kind.name().toLowerCase(Locale.ROOT), pages.toString()));
        audit.record(tenant.value(), new Act(by.actor(), by.kind().name().toLowerCase(Locale.ROOT), "document.profile-edited",
                "document:" + id, sourceIp, Act.Outcome.SUCCESS, details));
        em.flush();
        return new Profile(document, pages(tenant, document));
    }

    private Map<PageKind, List<Integer>> pages(TenantId tenant, Document document) {
        Map<PageKind, List<Integer>> pages = new EnumMap<>(PageKind.class);
        if (document.readyVersion() == null) {
            return pages;
        }
        List<?> rows = em.createNativeQuery("select distinct page_kind, page from chunks where tenant_id = ?1 and document_id = ?2 "
                + "and version = ?3 and page_kind <> 'OTHER' order by page_kind, page").setParameter(1, tenant.value())
                .setParameter(2, document.id()).setParameter(3, document.readyVersion()).getResultList();
        for (Object row : rows) {
            Object[] r = (Object[]) row;
            pages.computeIfAbsent(PageKind.valueOf((String) r[0]), k -> new ArrayList<>()).add(((Number) r[1]).intValue());
        }
        return pages;
    }

    private static Map<PageKind, List<Integer>> statementPages(Map<String, List<Integer>> given) {
        Map<PageKind, List<Integer>> pages = new EnumMap<>(PageKind.class);
        if (given == null) {
            return pages;
        }
        given.forEach((name, numbers) -> {
            PageKind kind;
            try {
                kind = PageKind.valueOf(name.toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                kind = null;
            }
            if (kind == null || !EDITABLE.contains(kind)) {
                throw ProblemException.badRequest("statementPages: '" + name + "' is not one of income_statement, "
                        + "balance_sheet, cash_flow, equity, notes");
            }
            if (numbers == null || numbers.size() > 200 || numbers.stream().anyMatch(n -> n == null || n < 1 || n > 100_000)) {
                throw ProblemException.badRequest("statementPages: " + name + " must list at most 200 page numbers from 1");
            }
            pages.put(kind, List.copyOf(numbers));
        });
        return pages;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
