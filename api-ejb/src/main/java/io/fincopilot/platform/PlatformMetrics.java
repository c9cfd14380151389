package io.fincopilot.platform;

import io.fincopilot.platform.outage.Dependency;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.Tag;
import org.eclipse.microprofile.metrics.Timer;
import org.eclipse.microprofile.metrics.annotation.RegistryScope;

/**
 * The application's own metrics in /metrics: {@code fincopilot_requests} (a timer per API operation
 * and status class: request rate and latency) and {@code fincopilot_refusals_total} (requests
 * refused before a resource, by problem type, rate limiting among them).
 */
@ApplicationScoped
public class PlatformMetrics {

    private static final Metadata REQUESTS = Metadata.builder().withName("fincopilot_requests")
            .withDescription("API requests by operation and status class").build();
    private static final Metadata REFUSALS = Metadata.builder().withName("fincopilot_refusals")
            .withDescription("Requests refused before reaching a resource, by problem type").build();

    private static final Metadata STAGES = Metadata.builder().withName("fincopilot_ingestion_stage")
            .withDescription("Time spent in each ingestion stage (download, extract, mask, chunk, classify, store, embed)").build();
    private static final Metadata SEARCH_STAGES = Metadata.builder().withName("fincopilot_search_stage")
            .withDescription("Time spent in each stage of a search (scope, embed, dense, full-text, passages)").build();
    private static final Metadata INDEX_BYTES = Metadata.builder().withName("fincopilot_retrieval_memory_index_bytes")
            .withDescription("Bytes the built-in vector index holds for the tenants it has loaded").build();
    private static final Metadata OUTCOMES = Metadata.builder().withName("fincopilot_ingestion_versions")
            .withDescription("Document versions ingested, by outcome (ready, or failed with its code)").build();

    private static final Metadata ASKED = Metadata.builder().withName("fincopilot_ask")
            .withDescription("Questions answered, by provider and outcome (answered, abstained, fallback, cached): latency").build();
    private static final Metadata PROVIDER_CALLS = Metadata.builder().withName("fincopilot_provider_calls")
            .withDescription("Calls of remote answer providers by outcome (answered, unavailable, refused, unusable, timeout, "
                    + "circuit-open, bulkhead-full)").build();
    private static final Metadata CACHE = Metadata.builder().withName("fincopilot_answer_cache")
            .withDescription("Questions looked up in the answer cache, by result (hit, miss)").build();

    private static final Metadata OUTAGES = Metadata.builder().withName("fincopilot_outages")
            .withDescription("Requests answered 503 because a shared dependency was away, by dependency").build();
    private static final Metadata VERIFICATIONS = Metadata.builder().withName("fincopilot_audit_verifications")
            .withDescription("Audit chains verified, by result (valid, broken)").build();
    private static final Metadata READY = Metadata.builder().withName("fincopilot_dependency_ready")
            .withDescription("1 when the dependency answers this instance's readiness check, else 0").build();
    private static final Metadata QUEUE_OLDEST = Metadata.builder().withName("fincopilot_queue_oldest_due_seconds")
            .withDescription("How long the oldest due background job (ingestion, export, erasure) has waited to be taken").build();
    private static final Metadata QUEUE_DUE = Metadata.builder().withName("fincopilot_queue_due_jobs")
            .withDescription("Background jobs due and not taken yet").build();

    @Inject
    @RegistryScope(scope = MetricRegistry.APPLICATION_SCOPE)
    MetricRegistry registry;

    /** The timer of each operation and status class, kept: the registry's look-up is not free on every request. */
    private final ConcurrentMap<String, Timer> requestTimers = new ConcurrentHashMap<>();

    public void request(String operation, int status, Duration duration) {
        String statusClass = status / 100 + "xx";
        requestTimers.computeIfAbsent(operation + " " + statusClass, k -> registry.timer(REQUESTS,
                new Tag("operation", operation), new Tag("status", statusClass))).update(duration);
    }

    public void refused(String problemType) {
        registry.counter(REFUSALS, new Tag("reason", problemType.substring(problemType.lastIndexOf('/') + 1))).inc();
    }

    public void ingestionStage(String stage, Duration duration) {
        registry.timer(STAGES, new Tag("stage", stage)).update(duration);
    }

    public void searchStage(String stage, Duration duration) {
        requestTimers.computeIfAbsent("search " + stage, k -> registry.timer(SEARCH_STAGES, new Tag("stage", stage)))
                .update(duration);
    }

    /** The built-in vector index's memory, read when /metrics is. */
    public <T> void memoryIndex(T index, java.util.function.ToDoubleFunction<T> bytes) {
        registry.gauge(INDEX_BYTES, index, t -> bytes.applyAsDouble(t));
    }

    public void ingested(String outcome) {
        registry.counter(OUTCOMES, new Tag("outcome", outcome)).inc();
    }

    public void asked(String provider, String outcome, Duration duration) {
        registry.timer(ASKED, new Tag("provider", provider), new Tag("outcome", outcome)).update(duration);
    }

    public void providerCall(String provider, String outcome) {
        registry.counter(PROVIDER_CALLS, new Tag("provider", provider), new Tag("outcome", outcome)).inc();
    }

    public void answerCache(boolean hit) {
        registry.counter(CACHE, new Tag("result", hit ? "hit" : "miss")).inc();
    }

    public void outage(Dependency dependency) {
        registry.counter(OUTAGES, new Tag("dependency", dependency.label())).inc();
    }

    /**
     * The counters the alert rules read, made at zero: a counter that appears only at its first
     * increment is never seen to increase by {@code increase()}, so the first broken chain or
     * failed version would not alert.
     */
    public void startAtZero() {
        registry.counter(VERIFICATIONS, new Tag("result", "valid"));
        registry.counter(VERIFICATIONS, new Tag("result", "broken"));
        for (Dependency dependency : Dependency.values()) {
            registry.counter(OUTAGES, new Tag("dependency", dependency.label()));
        }
        registry.counter(OUTCOMES, new Tag("outcome", "ready"));
        registry.counter(OUTCOMES, new Tag("outcome", "failed:processing_error"));
        for (io.fincopilot.ingestion.entity.IngestionFailure.Code code : io.fincopilot.ingestion.entity.IngestionFailure.Code.values()) {
            registry.counter(OUTCOMES, new Tag("outcome", "failed:" + code.name().toLowerCase(java.util.Locale.ROOT)));
        }
    }

    public void auditVerified(boolean valid) {
        registry.counter(VERIFICATIONS, new Tag("result", valid ? "valid" : "broken")).inc();
    }

    /** A dependency's readiness, as last looked at (the supplier must not block: /metrics calls it). */
    public void readiness(String dependency, java.util.function.BooleanSupplier ready) {
        registry.gauge(READY, () -> ready.getAsBoolean() ? 1 : 0, new Tag("dependency", dependency));
    }

    /** The background queue's backlog, as last looked at (NaN while it cannot be read). */
    public void queue(java.util.function.DoubleSupplier oldestDueSeconds, java.util.function.DoubleSupplier due) {
        registry.gauge(QUEUE_OLDEST, oldestDueSeconds::getAsDouble);
        registry.gauge(QUEUE_DUE, due::getAsDouble);
    }
}
