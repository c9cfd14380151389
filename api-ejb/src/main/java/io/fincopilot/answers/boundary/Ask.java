package io.fincopilot.answers.boundary;

import io.fincopilot.answers.control.AnswerLedger;
import io.fincopilot.answers.control.ExtractiveProvider;
import io.fincopilot.answers.entity.Answer;
import io.fincopilot.retrieval.boundary.Search;
import io.fincopilot.retrieval.entity.SearchQuery;
import io.fincopilot.retrieval.entity.SearchResult;
import io.fincopilot.security.Caller;
import io.fincopilot.security.Permission;
import io.fincopilot.tenancy.entity.TenantId;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.util.List;

/**
 * A question answered from the organization's documents (decision 58): retrieval as for search
 * (the same scope, focus and filters), then the answer provider over the best passages. A question
 * that names a company or period no document covers is answered by saying so. Every question is
 * audited (who, which documents) and counted for billing.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class Ask {

    /** Passages retrieved for an answer (the provider reads the best of them). */
    public static final int PASSAGES = 10;

    @Inject
    Search search;

    @Inject
    AnswerLedger ledger;

    private final ExtractiveProvider extractive = new ExtractiveProvider();

    @RolesAllowed(Permission.ASK_NAME)
    public Asked ask(TenantId tenant, Caller by, String sourceIp, SearchQuery query) {
        long start = System.nanoTime();
        SearchResult found = search.search(tenant, new SearchQuery(query.question(), query.documents(), query.tags(), PASSAGES,
                false));
        Answer answer = found.unmatched() != null
                ? new Answer("The documents searched do not answer this question: " + found.unmatched() + ".", List.of(), true,
                        extractive.name(), null, 0, 0)
                : extractive.answer(query.question().strip(), found.passages());
        ledger.asked(tenant, by, sourceIp, found, answer);
        return new Asked(answer, found, (System.nanoTime() - start) / 1_000_000);
    }
}
