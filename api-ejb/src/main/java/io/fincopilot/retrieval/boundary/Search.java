package io.fincopilot.retrieval.boundary;

import io.fincopilot.documents.control.IngestionModel;
import io.fincopilot.platform.PlatformMetrics;
import io.fincopilot.platform.problem.ProblemException;
import io.fincopilot.retrieval.control.FullTextIndex;
import io.fincopilot.retrieval.control.Fusion;
import io.fincopilot.retrieval.control.PassageStore;
import io.fincopilot.retrieval.control.RetrievalIndexes;
import io.fincopilot.retrieval.control.SearchScope;
import io.fincopilot.retrieval.control.SearchThreads;
import io.fincopilot.retrieval.entity.PageKind;
import io.fincopilot.retrieval.entity.Passage;
import io.fincopilot.retrieval.entity.ScoredChunk;
import io.fincopilot.retrieval.entity.SearchQuery;
import io.fincopilot.retrieval.entity.SearchResult;
import io.fincopilot.retrieval.entity.StatementKind;
import io.fincopilot.security.Permission;
import io.fincopilot.tenancy.entity.TenantId;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.StringJoiner;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Retrieval (decisions 55-58): the question embedded with the model's query instruction, the
 * nearest chunks by vector, the best by full-text rank, fused, inside the caller's organization
 * and the documents it was focused on. Read-only and outside any transaction: the indexes read
 * PostgreSQL with their own short statements.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class Search {

    /** What a page of the named statement adds to a fused score: about the gap between rank 1 and rank 30 in RRF. */
    static final double STATEMENT_LIFT = 1.0 / (Fusion.K + 1) - 1.0 / (Fusion.K + 30);
    /** Candidates each ranking contributes before fusion. */
    static final int CANDIDATES = 50;
    /** Dense candidates the full-text ranking also reads (beside the chunks holding every word of the question). */
    static final int RERANKED = 200;
    public static final int MAX_QUESTION = 2000;
    public static final int MAX_DOCUMENTS = 100;
    public static final int MAX_TAGS = 20;
    private static final java.util.regex.Pattern TAG = java.util.regex.Pattern.compile("[a-z0-9._-]{1,40}");

    private static final java.util.logging.Logger LOG = java.util.logging.Logger.getLogger(Search.class.getName());

    @Inject
    IngestionModel model;

    @Inject
    RetrievalIndexes indexes;

    @Inject
    PassageStore passages;

    @Inject
    SearchScope scopes;

    @Inject
    PlatformMetrics metrics;

    @Inject
    SearchThreads threads;

    @Inject
    @ConfigProperty(name = "fincopilot.retrieval.full-text-weight", defaultValue = "0.1")
    double fullTextWeight;

    @Inject
    @ConfigProperty(name = "fincopilot.retrieval.slow-search", defaultValue = "PT1S")
    java.time.Duration slowSearch;

    /** Refuses what {@link #search} would refuse (a bad limit or filter, a document not the organization's), without searching. */
    @RolesAllowed({Permission.ASK_NAME, Permission.DOCUMENTS_READ_NAME})
    public void check(TenantId tenant, SearchQuery query) {
        validate(query);
        scopes.of(tenant, query);
    }

    @RolesAllowed({Permission.ASK_NAME, Permission.DOCUMENTS_READ_NAME})
    public SearchResult search(TenantId tenant, SearchQuery query) {
        String question = validate(query);
        Laps laps = new Laps(metrics);
        // The question is embedded on a search thread while its scope is read here (the embedding is
        // computation, the scope mostly waits for PostgreSQL); if no thread is free, it runs here after it.
        FutureTask<float[]> embedding = new FutureTask<>(() -> model.stages().embedder().embedQuery(question));
        offer(embedding);
        try {
            SearchScope.Scope scope = scopes.of(tenant, query);
            laps.lap("scope");
            SearchResult found = searchIn(tenant, query, question, scope, embedding, laps);
            laps.logIfSlow(slowSearch, tenant, question);
            return found;
        } finally {
            embedding.cancel(false);
        }
    }

    private static String validate(SearchQuery query) {
        String question = query.question() == null ? "" : query.question().strip();
        if (question.isEmpty() || question.length() > MAX_QUESTION) {
            throw ProblemException.badRequest("question must be 1 to " + MAX_QUESTION + " characters");
        }
        if (query.limit() < 1 || query.limit() > SearchQuery.MAX_LIMIT) {
            throw ProblemException.badRequest("limit must be between 1 and " + SearchQuery.MAX_LIMIT);
        }
        if (query.documents().size() > MAX_DOCUMENTS || query.documents().stream().anyMatch(java.util.Objects::isNull)) {
            throw ProblemException.badRequest("documentIds must name at most " + MAX_DOCUMENTS + " documents");
        }
        if (query.tags().size() > MAX_TAGS || !query.tags().stream().allMatch(t -> t != null && TAG.matcher(t).matches())) {
            throw ProblemException.badRequest("tags must be at most " + MAX_TAGS + " tags of a-z, 0-9, '.', '_' and '-'");
        }
        return question;
    }

    /**
     * Each stage's time since the one before, into {@code fincopilot_search_stage}: where a slow search
     * spends it. A search slower than {@code fincopilot.retrieval.slow-search} is also logged with its
     * stages (the organization and the question's length, never its words).
     */
    private static final class Laps {
        private final PlatformMetrics metrics;
        private final long start = System.nanoTime();
        private final List<String> names = new ArrayList<>(5);
        private final List<Long> nanos = new ArrayList<>(5);
        private long last = start;

        Laps(PlatformMetrics metrics) {
            this.metrics = metrics;
        }

        void lap(String stage) {
            long now = System.nanoTime();
            metrics.searchStage(stage, java.time.Duration.ofNanos(now - last));
            names.add(stage);
            nanos.add(now - last);
            last = now;
        }

        void logIfSlow(java.time.Duration threshold, TenantId tenant, String question) {
            long total = last - start;
            if (total < threshold.toNanos()) {
                return;
            }
            StringJoiner stages = new StringJoiner(", ");
            for (int i = 0; i < names.size(); i++) {
                stages.add(String.format(java.util.Locale.ROOT, "%s %.1f ms", names.get(i), nanos.get(i) / 1e6));
            }
            LOG.info(String.format(java.util.Locale.ROOT, "slow search: %.1f ms (%s), organization %s, question of %d characters",
                    total / 1e6, stages, tenant.value(), question.length()));
        }
    }

    private SearchResult searchIn(TenantId tenant, SearchQuery query, String question, SearchScope.Scope scope,
            FutureTask<float[]> embedding, Laps laps) {
        if (scope.documents().isEmpty()) {
            return new SearchResult(List.of(), List.of(), scope.reason(), unmatched(scope));
        }
        Set<java.util.UUID> only = scope.everything() ? null : scope.ids();
        FullTextIndex words = indexes.fullText();
        // The chunks holding every word of the question are found in PostgreSQL while the question is
        // embedded and the vectors scanned here; if no search thread has taken it by then, it runs here after them.
        FutureTask<List<ScoredChunk>> exact = new FutureTask<>(() -> words.exactMatches(tenant, question, only, CANDIDATES));
        offer(exact);
        List<ScoredChunk> nearest;
        List<ScoredChunk> fullText;
        try {
            embedding.run();
            float[] vector = outcome(embedding);
            laps.lap("embed");
            nearest = indexes.vectors().nearest(tenant, vector, only, model.modelName(), RERANKED);
            laps.lap("dense");
            List<ScoredChunk> ranked = words.rank(tenant, question, only, nearest.stream().map(ScoredChunk::chunk).toList(),
                    CANDIDATES);
            exact.run();
            fullText = FullTextIndex.merge(outcome(exact), ranked, CANDIDATES);
            laps.lap("full-text");
        } finally {
            // Not started yet (the search failed first, or it ran here): the search thread skips it.
            exact.cancel(false);
        }
        List<ScoredChunk> dense = nearest.subList(0, Math.min(CANDIDATES, nearest.size()));
        List<ScoredChunk> fused = Fusion.fuse(dense, 1.0, fullText, fullTextWeight);
        List<Passage> loaded = passages.load(tenant, fused);
        laps.lap("passages");
        StatementKind statement = scope.focus() == null ? null : scope.focus().statementToSearch();
        if (statement != null) {
            loaded = prefer(loaded, statement.pageKind());
        }
        return new SearchResult(best(loaded, query), scope.documents(), scope.reason()
                + (statement == null ? "" : "; pages of the " + statement.name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ')
                        + " statement preferred"), unmatched(scope));
    }

    /** Hands a task to the search threads; one they cannot take (the application stopping) runs here when wanted. */
    private void offer(FutureTask<?> task) {
        try {
            threads.offer(task);
        } catch (jakarta.ejb.EJBException e) {
            // Left for FutureTask.run in the request's own thread.
        }
    }

    private static <T> T outcome(FutureTask<T> task) {
        try {
            return task.get();
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while searching", e);
        }
    }

    private static String unmatched(SearchScope.Scope scope) {
        return scope.focus() != null && scope.focus().scope() == io.fincopilot.retrieval.entity.QuestionFocus.Scope.NONE
                ? String.join("; ", scope.focus().notes()) : null;
    }

    /**
     * Lifts the passages on pages of the statement the question names (or its line item's): as if
     * they ranked {@link #STATEMENT_LIFT} places higher in the dense ranking.
     */
    static List<Passage> prefer(List<Passage> ranked, PageKind kind) {
        List<Passage> lifted = new ArrayList<>(ranked.size());
        for (Passage p : ranked) {
            lifted.add(kind.name().equals(p.pageKind()) ? p.withScore(p.score() + STATEMENT_LIFT) : p);
        }
        lifted.sort(java.util.Comparator.comparingDouble(Passage::score).reversed());
        return lifted;
    }

    /** The first {@code limit} passages; with {@code onePerPage}, only the best of each page. */
    static List<Passage> best(List<Passage> ranked, SearchQuery query) {
        List<Passage> chosen = new ArrayList<>();
        Set<String> pages = new HashSet<>();
        for (Passage p : ranked) {
            if (chosen.size() == query.limit()) {
                break;
            }
            if (!query.onePerPage() || pages.add(p.document() + "/" + p.page())) {
                chosen.add(p);
            }
        }
        return chosen;
    }
}
