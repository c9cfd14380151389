package io.fincopilot.documents.control;

import static io.fincopilot.persistence.NativeValues.uuid;

import io.fincopilot.tenancy.entity.TenantId;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Lock;
import jakarta.ejb.LockType;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.sse.Sse;
import jakarta.ws.rs.sse.SseEventSink;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Follows documents' ingestion for server-sent events streams: each stream gets its document's
 * latest version's status and pages done whenever they change, read from PostgreSQL once a second
 * (so it works whichever instance runs the job), until the version is ready or failed, the client
 * leaves, or 30 minutes pass. One timer of this instance polls every open stream; the caller was
 * authorized and the document found before its stream was added.
 */
@Singleton
@Startup
@DependsOn("SchemaMigrations")
@Lock(LockType.READ)
// Streams are added by the events resource once it has authorized the caller; the timer has no caller.
@PermitAll
public class DocumentProgress {

    static final Duration POLL = Duration.ofSeconds(1);
    static final Duration LONGEST = Duration.ofMinutes(30);

    /** One open stream. */
    private record Follower(TenantId tenant, UUID document, SseEventSink sink, Sse sse, Instant until,
            AtomicReference<String> last) {
    }

    @PersistenceContext(unitName = "fincopilot")
    EntityManager em;

    /**
     * A thread of the container's factory, not a managed executor's task: a task that completes an
     * asynchronous request (closing its stream) leaves the executor unable to reset its context.
     */
    @Resource
    ManagedThreadFactory threads;

    private final Set<Follower> followers = ConcurrentHashMap.newKeySet();
    private ScheduledExecutorService scheduler;

    @PostConstruct
    void start() {
        scheduler = Executors.newSingleThreadScheduledExecutor(threads);
        scheduler.scheduleWithFixedDelay(this::pollAll, POLL.toMillis(), POLL.toMillis(), TimeUnit.MILLISECONDS);
    }

    @PreDestroy
    void stop() {
        scheduler.shutdownNow();
        followers.forEach(f -> f.sink().close());
    }

    /** Sends where the document stands now, and every change after it. */
    public void follow(TenantId tenant, UUID document, SseEventSink sink, Sse sse) {
        Follower follower = new Follower(tenant, document, sink, sse, Instant.now().plus(LONGEST), new AtomicReference<>());
        if (poll(follower)) {
            followers.add(follower);
        }
    }

    /** Where the latest confirmed version stands, as sent in an event; null when the document is gone. */
    public JsonObject snapshot(TenantId tenant, UUID document) {
        List<?> rows = em.createNativeQuery("select v.version, v.status, v.pages_done, v.pages_total, v.failure_reason, "
                + "d.ready_version from document_versions v join documents d on d.id = v.document_id and d.tenant_id = v.tenant_id "
                + "where v.tenant_id = ?1 and v.document_id = ?2 and v.status <> 'UPLOADING' order by v.version desc limit 1")
                .setParameter(1, tenant.value()).setParameter(2, document).getResultList();
        if (rows.isEmpty()) {
            return null;
        }
        Object[] r = (Object[]) rows.get(0);
        JsonObjectBuilder json = Json.createObjectBuilder().add("document", document.toString())
                .add("version", ((Number) r[0]).intValue()).add("status", ((String) r[1]).toLowerCase())
                .add("pagesDone", ((Number) r[2]).intValue());
        if (r[3] != null) {
            json.add("pagesTotal", ((Number) r[3]).intValue());
        }
        if (r[4] != null) {
            json.add("failureReason", (String) r[4]);
        }
        if (r[5] != null) {
            json.add("readyVersion", ((Number) r[5]).intValue());
        }
        return json.build();
    }

    private void pollAll() {
        for (Follower follower : followers) {
            if (!poll(follower)) {
                followers.remove(follower);
            }
        }
    }

    /** Sends a change, if any; answers whether the stream stays open. */
    private boolean poll(Follower f) {
        try {
            if (f.sink().isClosed() || Instant.now().isAfter(f.until())) {
                f.sink().close();
                return false;
            }
            JsonObject now = snapshot(f.tenant(), f.document());
            if (now == null) {
                send(f, "deleted", Json.createObjectBuilder().add("document", f.document().toString()).build());
                f.sink().close();
                return false;
            }
            if (!now.toString().equals(f.last().getAndSet(now.toString()))) {
                send(f, "progress", now);
            }
            String status = now.getString("status");
            if (status.equals("ready") || status.equals("failed")) {
                f.sink().close();
                return false;
            }
            return true;
        } catch (RuntimeException e) {
            f.sink().close();
            return false;
        }
    }

    private static void send(Follower f, String name, JsonObject data) {
        f.sink().send(f.sse().newEventBuilder().name(name).mediaType(MediaType.APPLICATION_JSON_TYPE).data(data.toString())
                .build());
    }
}
