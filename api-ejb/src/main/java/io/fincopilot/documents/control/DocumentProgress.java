package io.fincopilot.documents.control;

import static io.fincopilot.persistence.NativeValues.uuid;

import io.fincopilot.tenancy.entity.TenantId;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
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
import java.util.UUID;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Follows a document's ingestion for a server-sent events stream: its latest version's status and
 * pages done, sent when they change (read from PostgreSQL once a second, so it works whichever
 * instance runs the job), until the version is ready or failed, the client leaves, or 30 minutes
 * pass. The caller was authorized and the document found before the stream opened.
 */
@ApplicationScoped
public class DocumentProgress {

    static final Duration POLL = Duration.ofSeconds(1);
    static final Duration LONGEST = Duration.ofMinutes(30);

    @PersistenceContext(unitName = "fincopilot")
    EntityManager em;

    @Resource
    ManagedScheduledExecutorService scheduler;

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

    public void follow(TenantId tenant, UUID document, SseEventSink sink, Sse sse) {
        Instant until = Instant.now().plus(LONGEST);
        AtomicReference<String> last = new AtomicReference<>();
        AtomicReference<ScheduledFuture<?>> task = new AtomicReference<>();
        Runnable poll = () -> {
            try {
                if (sink.isClosed() || Instant.now().isAfter(until)) {
                    stop(sink, task);
                    return;
                }
                JsonObject now = snapshot(tenant, document);
                if (now == null) {
                    send(sink, sse, "deleted", Json.createObjectBuilder().add("document", document.toString()).build());
                    stop(sink, task);
                    return;
                }
                if (!now.toString().equals(last.getAndSet(now.toString()))) {
                    send(sink, sse, "progress", now);
                }
                String status = now.getString("status");
                if (status.equals("ready") || status.equals("failed")) {
                    stop(sink, task);
                }
            } catch (RuntimeException e) {
                stop(sink, task);
            }
        };
        task.set(scheduler.scheduleWithFixedDelay(poll, 0, POLL.toMillis(), TimeUnit.MILLISECONDS));
    }

    private static void send(SseEventSink sink, Sse sse, String name, JsonObject data) {
        sink.send(sse.newEventBuilder().name(name).mediaType(MediaType.APPLICATION_JSON_TYPE).data(data.toString()).build());
    }

    private static void stop(SseEventSink sink, AtomicReference<ScheduledFuture<?>> task) {
        ScheduledFuture<?> running = task.get();
        if (running != null) {
            running.cancel(false);
        }
        sink.close();
    }
}
