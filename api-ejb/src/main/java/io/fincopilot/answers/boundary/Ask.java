package io.fincopilot.answers.boundary;

import io.fincopilot.answers.control.AnswerCache;
import io.fincopilot.answers.control.AnswerLedger;
import io.fincopilot.answers.control.AnswerProviders;
import io.fincopilot.answers.control.ChatPrompt;
import io.fincopilot.answers.control.ExtractiveProvider;
import io.fincopilot.answers.control.ModelAnswers;
import io.fincopilot.answers.control.ModelReply;
import io.fincopilot.answers.control.ProviderFailure;
import io.fincopilot.answers.control.RemoteChat;
import io.fincopilot.answers.control.RemoteModels;
import io.fincopilot.answers.control.TextSink;
import io.fincopilot.answers.entity.Answer;
import io.fincopilot.billing.control.Quotas;
import io.fincopilot.platform.PlatformMetrics;
import io.fincopilot.platform.problem.ProblemException;
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
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.faulttolerance.exceptions.BulkheadException;
import org.eclipse.microprofile.faulttolerance.exceptions.CircuitBreakerOpenException;
import org.eclipse.microprofile.faulttolerance.exceptions.TimeoutException;

/**
 * A question answered from the organization's documents (decisions 58-60): from the cache when the
 * same question met the same documents before; else retrieval as for search (the same scope, focus
 * and filters), then the organization's answer provider over the best passages. A remote model
 * that fails, whatever the way, is replaced by the extractive answer, which says so. A question
 * that names a company or period no document covers is answered by saying so. Every question is
 * audited (who, which documents) and counted for billing.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class Ask {

    private static final Logger LOG = Logger.getLogger(Ask.class.getName());

    /** Passages retrieved for an answer (the provider reads the best of them). */
    public static final int PASSAGES = 10;

    @Inject
    Quotas quotas;

    @Inject
    Search search;

    @Inject
    AnswerLedger ledger;

    @Inject
    AnswerProviders providers;

    @Inject
    RemoteModels remote;

    @Inject
    AnswerCache cache;

    @Inject
    PlatformMetrics metrics;

    private final ExtractiveProvider extractive = new ExtractiveProvider();

    /** A question the organization asked (its console's history): never the answer, which is not kept. */
    public record Recent(String askedBy, String question, java.time.Instant askedAt, String provider, boolean abstained,
            boolean fallback) implements java.io.Serializable {
    }

    /** The organization's latest questions, newest first. */
    @RolesAllowed(Permission.ASK_NAME)
    public List<Recent> recent(TenantId tenant, int limit) {
        return ledger.recent(tenant, Math.max(1, Math.min(limit, 100)));
    }

    /** Refuses, before a streamed answer starts, what {@link #ask} would refuse. */
    @RolesAllowed(Permission.ASK_NAME)
    public void check(TenantId tenant, SearchQuery query) {
        check(tenant, query, null);
    }

    /** As {@link #check(TenantId, SearchQuery)}, and the Idempotency-Key's shape too. */
    @RolesAllowed(Permission.ASK_NAME)
    public void check(TenantId tenant, SearchQuery query, String idempotencyKey) {
        actKey(idempotencyKey, query);
        quotas.requireQuestion(tenant);
        search.check(tenant, new SearchQuery(query.question(), query.documents(), query.tags(), PASSAGES, false));
    }

    @RolesAllowed(Permission.ASK_NAME)
    public Asked ask(TenantId tenant, Caller by, String sourceIp, SearchQuery query) {
        return ask(tenant, by, sourceIp, query, null);
    }

    /** @param stream where the answer's text goes as it is written; null to have it whole */
    @RolesAllowed(Permission.ASK_NAME)
    public Asked ask(TenantId tenant, Caller by, String sourceIp, SearchQuery query, AnswerStream stream) {
        return ask(tenant, by, sourceIp, query, stream, null);
    }

    /**
     * @param idempotencyKey the client's name for this question (its Idempotency-Key): however often it
     *     is retried, it counts once in the organization's usage; null for a question of its own
     */
    @RolesAllowed(Permission.ASK_NAME)
    public Asked ask(TenantId tenant, Caller by, String sourceIp, SearchQuery query, AnswerStream stream, String idempotencyKey) {
        String actKey = actKey(idempotencyKey, query);
        long start = System.nanoTime();
        quotas.requireQuestion(tenant);
        AnswerProviders.Choice choice = providers.of(tenant);
        SearchQuery asked = new SearchQuery(query.question(), query.documents(), query.tags(), PASSAGES, false);
        AnswerCache.Key key = AnswerCache.key(tenant, asked, choice.provider());
        String documentsState = cache.documentsState(tenant);
        Optional<AnswerCache.Hit> hit = cache.find(key, documentsState);
        metrics.answerCache(hit.isPresent());
        if (hit.isPresent()) {
            send(stream, hit.get().answer().text());
            return done(tenant, by, sourceIp, query, start, hit.get().found(), hit.get().answer(), null, true, actKey);
        }
        SearchResult found = search.search(tenant, asked);
        Answer answer;
        String fallback = choice.unavailable();
        if (found.unmatched() != null) {
            answer = new Answer("The documents searched do not answer this question: " + found.unmatched() + ".", List.of(), true,
                    extractive.name(), null, 0, 0);
        } else if (AnswerProviders.EXTRACTIVE.equals(choice.provider())) {
            answer = extractive.answer(query.question().strip(), found.passages());
        } else {
            ChatPrompt prompt = ChatPrompt.of(query.question(), found.passages());
            ModelAnswers.Held held = stream == null ? null : new ModelAnswers.Held(stream);
            Answer remoteAnswer = null;
            try {
                remoteAnswer = ModelAnswers.of(call(choice.provider(), prompt, held), prompt, choice.provider());
                metrics.providerCall(choice.provider(), "answered");
            } catch (RuntimeException e) {
                fallback = reason(choice.provider(), e);
                metrics.providerCall(choice.provider(), outcome(e));
            } finally {
                // A timeout interrupts this thread; what follows (the stream, the ledger) must not be.
                Thread.interrupted();
            }
            if (fallback != null && held != null && held.passedAny()) {
                stream.restart(fallback);
            }
            answer = remoteAnswer != null ? remoteAnswer : extractive.answer(query.question().strip(), found.passages());
            if (remoteAnswer != null && held != null && held.passedAny()) {
                if (remoteAnswer.abstained()) {
                    stream.restart("the model's answer cited none of the passages");
                } else {
                    stream = null; // its text went out as it came
                }
            }
        }
        send(stream, answer.text());
        Asked result = done(tenant, by, sourceIp, query, start, found, answer, fallback, false, actKey);
        if (fallback == null) {
            cache.keep(key, documentsState, answer, found);
        }
        return result;
    }

    private ModelReply call(String provider, ChatPrompt prompt, TextSink sink) {
        RemoteChat chat = providers.remote(provider).orElseThrow();
        return AnswerProviders.ANTHROPIC.equals(provider) ? remote.anthropic(chat, prompt, sink) : remote.openAi(chat, prompt, sink);
    }

    private Asked done(TenantId tenant, Caller by, String sourceIp, SearchQuery query, long start, SearchResult found,
            Answer answer, String fallback, boolean cached, String actKey) {
        ledger.asked(tenant, by, sourceIp, query.question().strip(), found, answer, fallback != null, cached, actKey);
        Duration took = Duration.ofNanos(System.nanoTime() - start);
        metrics.asked(answer.provider(), cached ? "cached" : fallback != null ? "fallback" : answer.abstained() ? "abstained"
                : "answered", took);
        return new Asked(answer, found, took.toMillis(), fallback, cached);
    }

    /**
     * An Idempotency-Key as usage events keep it (at most 200 printable characters, or a 400): with the
     * UTC day and a hash of the question and its filters, so a key sent again with another question,
     * or on another day, names another act and counts again (decision 72).
     */
    static String actKey(String idempotencyKey, SearchQuery query) {
        if (idempotencyKey == null || idempotencyKey.isBlank()) {
            return null;
        }
        String key = idempotencyKey.strip();
        if (key.length() > 200 || key.chars().anyMatch(c -> c < 0x21 || c > 0x7e)) {
            throw ProblemException.badRequest("Idempotency-Key: at most 200 printable ASCII characters");
        }
        String asked = query.question().strip() + "\n" + query.documents() + "\n" + query.tags();
        try {
            byte[] hash = java.security.MessageDigest.getInstance("SHA-256").digest(asked.getBytes(java.nio.charset.StandardCharsets.UTF_8));
            return java.time.LocalDate.now(java.time.ZoneOffset.UTC) + ":" + java.util.HexFormat.of().formatHex(hash, 0, 12) + ":" + key;
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void send(AnswerStream stream, String text) {
        if (stream != null) {
            stream.text(text);
        }
    }

    /** Why a remote model's answer is not the one given, in words for the caller. */
    static String reason(String provider, RuntimeException e) {
        if (e instanceof ProviderFailure failure) {
            LOG.log(Level.WARNING, () -> "the " + provider + " provider failed: " + failure.getMessage()
                    + (failure.detail() == null ? "" : " (" + failure.detail() + ")"));
            return failure.getMessage();
        }
        if (e instanceof TimeoutException) {
            return provider + " did not finish its answer within the time allowed";
        }
        if (e instanceof CircuitBreakerOpenException) {
            return provider + " failed repeatedly, so it is not asked for a while (circuit open)";
        }
        if (e instanceof BulkheadException) {
            return "too many questions are waiting for " + provider;
        }
        LOG.log(Level.WARNING, "the " + provider + " provider failed unexpectedly", e);
        return provider + " failed unexpectedly";
    }

    static String outcome(RuntimeException e) {
        return e instanceof ProviderFailure.Refused ? "refused" : e instanceof ProviderFailure.Unusable ? "unusable"
                : e instanceof ProviderFailure ? "unavailable" : e instanceof TimeoutException ? "timeout"
                : e instanceof CircuitBreakerOpenException ? "circuit-open" : e instanceof BulkheadException ? "bulkhead-full" : "error";
    }
}
