package io.fincopilot.documents.control;

import static io.fincopilot.persistence.NativeValues.uuid;

import io.fincopilot.documents.entity.IngestionStatus;
import io.fincopilot.documents.entity.VersionStatus;
import io.fincopilot.platform.problem.Problem;
import io.fincopilot.platform.problem.ProblemException;
import io.fincopilot.security.Permission;
import io.fincopilot.tenancy.entity.TenantId;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Lock;
import jakarta.ejb.LockType;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.sse.Sse;
import jakarta.ws.rs.sse.SseEventSink;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Follows ingestion for server-sent events streams (decision 53): a stream of one document gets
 * its latest version's status and pages done whenever they change, until ready or failed; a
 * console's stream of the whole organization gets a change of any of its documents in progress,
 * until the page is left. Read from PostgreSQL once a second (so it works whichever instance runs
 * the job) by one timer of this instance; a comment every 15 s finds clients that left; no stream
 * lives longer than 30 minutes, and an organization has at most {@value #PER_TENANT} open at once.
 * The caller was authorized (and the document found) before its stream was added.
 */
@Singleton
@Startup
@DependsOn("SchemaMigrations")
@Lock(LockType.READ)
// The timer has no caller; streams are added by callers who may read documents.
@PermitAll
public class DocumentProgress {

    static final Duration POLL = Duration.ofSeconds(1);
    static final Duration KEEPALIVE = Duration.ofSeconds(15);
    static final Duration LONGEST = Duration.ofMinutes(30);
    static final int PER_TENANT = 20;
    static final Duration FINISHED_WINDOW = Duration.ofSeconds(30);
    private static final String LATEST = "select v.document_id, v.version, v.status, v.pages_done, v.pages_total, "
            + "v.failure_reason, d.ready_version from document_versions v join documents d on d.id = v.document_id "
            + "and d.tenant_id = v.tenant_id where v.tenant_id = ?1 and v.status <> 'UPLOADING' ";

    /** One open stream: of one document, or of every document of the tenant when {@code document} is null. */
    private static final class Follower {
        final TenantId tenant;
        final UUID document;
        final SseEventSink sink;
        final Sse sse;
        final Instant until = Instant.now().plus(LONGEST);
        final Map<UUID, String> last = new HashMap<>();
        Instant seen = Instant.now().minus(Duration.ofMinutes(1));
        Instant spoke = Instant.now();

        Follower(TenantId tenant, UUID document, SseEventSink sink, Sse sse) {
            this.tenant = tenant;
            this.document = document;
            this.sink = sink;
            this.sse = sse;
        }
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
        followers.forEach(f -> f.sink.close());
    }

    /** Sends where the document stands now, and every change after it, until it is ready or failed. */
    @RolesAllowed(Permission.DOCUMENTS_READ_NAME)
    public void follow(TenantId tenant, UUID document, SseEventSink sink, Sse sse) {
        add(new Follower(tenant, document, sink, sse));
    }

    /** Sends every change of the tenant's documents in progress (and their finishing) until the client leaves. */
    @RolesAllowed(Permission.DOCUMENTS_READ_NAME)
    public void followAll(TenantId tenant, SseEventSink sink, Sse sse) {
        add(new Follower(tenant, null, sink, sse));
    }

    /** Where the latest confirmed version stands, as sent in an event; null when the document is gone. */
    private JsonObject snapshot(TenantId tenant, UUID document) {
        List<?> rows = em.createNativeQuery(LATEST + "and v.document_id = ?2 order by v.version desc limit 1")
                .setParameter(1, tenant.value()).setParameter(2, document).getResultList();
        return rows.isEmpty() ? null : json((Object[]) rows.get(0));
    }

    private void add(Follower follower) {
        if (followers.stream().filter(f -> f.tenant.equals(follower.tenant)).count() >= PER_TENANT) {
            throw new ProblemException(Problem.of(429, "too-many-streams", "Too many event streams",
                    "the organization already follows " + PER_TENANT + " event streams; close one and try again"));
        }
        if (poll(follower)) {
            followers.add(follower);
        }
    }

    private void pollAll() {
        for (Follower follower : followers) {
            if (!poll(follower)) {
                followers.remove(follower);
            }
        }
    }

    /** Sends the changes, if any; answers whether the stream stays open. */
    private boolean poll(Follower f) {
        try {
            if (f.sink.isClosed() || Instant.now().isAfter(f.until)) {
                f.sink.close();
                return false;
            }
            boolean open = f.document == null ? pollAll(f) : pollOne(f);
            if (open && Instant.now().isAfter(f.spoke.plus(KEEPALIVE))) {
                f.sink.send(f.sse.newEventBuilder().comment("still here").build());
                f.spoke = Instant.now();
            }
            if (!open) {
                f.sink.close();
            }
            return open;
        } catch (RuntimeException e) {
            f.sink.close();
            return false;
        }
    }

    private boolean pollOne(Follower f) {
        JsonObject now = snapshot(f.tenant, f.document);
        if (now == null) {
            send(f, "deleted", Json.createObjectBuilder().add("document", f.document.toString()).build());
            return false;
        }
        if (!now.toString().equals(f.last.put(f.document, now.toString()))) {
            send(f, "progress", now);
        }
        return !IngestionStatus.valueOf(now.getString("status").toUpperCase(java.util.Locale.ROOT)).finished();
    }

    /**
     * The tenant's versions in progress, or finished in the last {@link #FINISHED_WINDOW} (rows of
     * older versions are skipped; unchanged ones are not sent again): wide enough for a finish
     * whose transaction ran long or an instance whose clock is a little off.
     */
    private boolean pollAll(Follower f) {
        Instant since = f.seen.minus(FINISHED_WINDOW);
        f.seen = Instant.now();
        List<?> rows = em.createNativeQuery(LATEST + "and (v.status in ('QUEUED', 'PROCESSING') or v.finished_at >= ?2) "
                + "order by v.document_id, v.version desc").setParameter(1, f.tenant.value())
                .setParameter(2, Timestamp.from(since)).getResultList();
        UUID previous = null;
        for (Object row : rows) {
            Object[] r = (Object[]) row;
            UUID document = uuid(r[0]);
            if (document.equals(previous)) {
                continue;
            }
            previous = document;
            JsonObject now = json(r);
            if (!now.toString().equals(f.last.put(document, now.toString()))) {
                send(f, "progress", now);
            }
        }
        return true;
    }

    private static JsonObject json(Object[] r) {
        Integer pagesTotal = r[4] == null ? null : ((Number) r[4]).intValue();
        JsonObjectBuilder json = Json.createObjectBuilder().add("document", String.valueOf(r[0]))
                .add("version", ((Number) r[1]).intValue())
                .add("status", IngestionStatus.of(VersionStatus.valueOf((String) r[2]), pagesTotal).label())
                .add("pagesDone", ((Number) r[3]).intValue());
        if (pagesTotal != null) {
            json.add("pagesTotal", pagesTotal);
        }
        if (r[5] != null) {
            json.add("failureReason", (String) r[5]);
        }
        if (r[6] != null) {
            json.add("readyVersion", ((Number) r[6]).intValue());
        }
        return json.build();
    }

    private static void send(Follower f, String name, JsonObject data) {
        f.sink.send(f.sse.newEventBuilder().name(name).mediaType(MediaType.APPLICATION_JSON_TYPE).data(data.toString())
                .build());
        f.spoke = Instant.now();
    }
}
