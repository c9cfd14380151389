package io.fincopilot.documents.control;

import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.task.CompletionHandler;
import com.github.kagkarlsson.scheduler.task.ExecutionComplete;
import com.github.kagkarlsson.scheduler.task.ExecutionOperations;
import com.github.kagkarlsson.scheduler.task.FailureHandler;
import com.github.kagkarlsson.scheduler.task.TaskDescriptor;
import com.github.kagkarlsson.scheduler.task.TaskInstance;
import com.github.kagkarlsson.scheduler.task.SchedulableInstance;
import com.github.kagkarlsson.scheduler.task.helper.CustomTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import io.fincopilot.platform.outage.Outages;
import io.fincopilot.tenancy.entity.TenantId;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.Lock;
import jakarta.ejb.LockType;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.inject.Inject;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The ingestion queue: one db-scheduler task per document version, in PostgreSQL (decision 50).
 * A job runs in steps: {@link IngestionWorker#prepare} (extract, mask, chunk), then
 * {@link IngestionWorker#embedNext} batch after batch until the version is ready. A step works for
 * two seconds, and on while no other job waits; then the job goes behind its tenant's other jobs,
 * and every tenant's next job comes before any tenant's later ones ({@link TenantTurns}), so one
 * tenant's thousand pages take turns with everyone else's single page. A step that throws is
 * retried with backoff; after the last attempt the version fails with the reason. A job held by an
 * instance that died is taken up again
 * (db-scheduler's heartbeats and dead-execution detection).
 */
@Singleton
@Startup
@DependsOn("SchemaMigrations")
@Lock(LockType.READ)
// Started by the container and called by the upload protocol with the tenant it admitted.
@PermitAll
public class IngestionQueue {

    static final TaskDescriptor<Integer> INGEST = TaskDescriptor.of("ingest", Integer.class);
    static final TaskDescriptor<Integer> REEMBED = TaskDescriptor.of("reembed", Integer.class);
    /** A privacy export (decision 73): one run, its instance id the export's. */
    static final TaskDescriptor<Integer> EXPORT = TaskDescriptor.of("privacy-export", Integer.class);
    /** An organization's erasure (decision 76): one run, its instance id the erasure's. */
    static final TaskDescriptor<Integer> ERASURE = TaskDescriptor.of("organization-erasure", Integer.class);
    static final int PREPARE = 0;
    static final int EMBED = 1;
    static final int ATTEMPTS = 4;
    /** How long one step may work before others get their turn. */
    static final Duration SLICE = Duration.ofSeconds(2);

    private static final Logger LOG = Logger.getLogger(IngestionQueue.class.getName());

    @Resource(lookup = "jdbc/fincopilot")
    DataSource dataSource;

    @Resource
    ManagedThreadFactory threads;

    @Resource
    TransactionSynchronizationRegistry transactions;

    @Inject
    IngestionWorker worker;

    @Inject
    TenantTurns turns;

    @Inject
    io.fincopilot.privacy.control.ExportJob exports;

    @Inject
    io.fincopilot.privacy.control.OrganizationErasure erasures;

    @Inject
    @ConfigProperty(name = "fincopilot.ingestion.threads", defaultValue = "2")
    int workerThreads;

    @Inject
    @ConfigProperty(name = "fincopilot.ingestion.poll-interval", defaultValue = "PT1S")
    Duration pollInterval;

    private Scheduler scheduler;
    private ExecutorService executor;
    private ExecutorService due;

    @PostConstruct
    void start() {
        CustomTask<Integer> ingest = Tasks.custom(INGEST)
                .onFailure(new Backoff())
                .onDeadExecution(this::revive)
                .execute(this::step);
        CustomTask<Integer> reembed = Tasks.custom(REEMBED)
                .onFailure(new Backoff())
                .onDeadExecution(this::revive)
                .execute(this::reembedStep);
        CustomTask<Integer> export = Tasks.custom(EXPORT)
                .execute((instance, context) -> {
                    exports.run(UUID.fromString(instance.getId())); // records its own failure
                    return new com.github.kagkarlsson.scheduler.task.CompletionHandler.OnCompleteRemove<>();
                });
        CustomTask<Integer> erasure = Tasks.custom(ERASURE)
                // Every step of an erasure may run again: one cut off by a dead instance starts over.
                .onDeadExecution((dead, operations) -> operations.reschedule(dead, Instant.now()))
                .execute((instance, context) -> {
                    erasures.run(UUID.fromString(instance.getId())); // records its own failure
                    return new com.github.kagkarlsson.scheduler.task.CompletionHandler.OnCompleteRemove<>();
                });
        executor = Executors.newFixedThreadPool(workerThreads, threads);
        due = Executors.newSingleThreadExecutor(threads);
        scheduler = Scheduler.create(dataSource, ingest, reembed, export, erasure)
                .threads(workerThreads)
                .executorService(executor)
                .dueExecutor(due)
                .housekeeperExecutor(Executors.newSingleThreadScheduledExecutor(threads))
                .pollingInterval(pollInterval)
                .heartbeatInterval(Duration.ofSeconds(5))
                .enableImmediateExecution()
                .enablePriority()
                // Lock a job only when a worker is free to run it: a batch fetched ahead would keep
                // an order decided before the latest jobs (another tenant's turn) arrived.
                .pollUsingLockAndFetch(0.5, 1.0)
                .shutdownMaxWait(Duration.ofSeconds(10))
                .build();
        scheduler.start();
    }

    @PreDestroy
    void stop() {
        if (scheduler != null) {
            scheduler.stop();
        }
    }

    /** Queues a version's ingestion in the caller's transaction: it exists exactly when the version is confirmed. */
    @TransactionAttribute(TransactionAttributeType.MANDATORY)
    public void enqueue(TenantId tenant, UUID document, int version) {
        scheduler.scheduleIfNotExists(INGEST.instance(instanceId(tenant, document, version)).data(PREPARE)
                .priority(turns.place(tenant, null)).scheduledTo(Instant.now()));
        // The job becomes visible when the upload commits; look for it then rather than at the next poll.
        transactions.registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {
                // not committed yet
            }

            @Override
            public void afterCompletion(int status) {
                if (status == Status.STATUS_COMMITTED) {
                    scheduler.triggerCheckForDueExecutions();
                }
            }
        });
    }

    /** Queues a ready version to be embedded again by the current model (a model change). */
    @TransactionAttribute(TransactionAttributeType.MANDATORY)
    public boolean enqueueReembedding(TenantId tenant, UUID document, int version) {
        return scheduler.scheduleIfNotExists(REEMBED.instance(instanceId(tenant, document, version)).data(EMBED)
                .priority(turns.place(tenant, null)).scheduledTo(Instant.now()));
    }

    /** Queues a privacy export in the caller's transaction: it runs once the request commits. */
    @TransactionAttribute(TransactionAttributeType.MANDATORY)
    public void enqueueExport(UUID export) {
        scheduler.schedule(EXPORT.instance(export.toString()).data(0).scheduledTo(Instant.now()));
    }

    /** Queues an organization's erasure in the caller's transaction: it runs once the request commits. */
    @TransactionAttribute(TransactionAttributeType.MANDATORY)
    public void enqueueErasure(UUID erasure) {
        scheduler.schedule(ERASURE.instance(erasure.toString()).data(0).scheduledTo(Instant.now()));
    }

    static String instanceId(TenantId tenant, UUID document, int version) {
        return tenant.value() + "/" + document + "/" + version;
    }

    /** One version's step, its instance id {@code <tenant>/<document>/<version>}. */
    @FunctionalInterface
    private interface Step {
        boolean run(TenantId tenant, UUID document, int version);
    }

    private CompletionHandler<Integer> step(TaskInstance<Integer> instance,
            com.github.kagkarlsson.scheduler.task.ExecutionContext context) {
        return slice(instance, instance.getData() == PREPARE ? worker::prepare : worker::embedNext, worker::embedNext);
    }

    private CompletionHandler<Integer> reembedStep(TaskInstance<Integer> instance,
            com.github.kagkarlsson.scheduler.task.ExecutionContext context) {
        return slice(instance, worker::reembedNext, worker::reembedNext);
    }

    /**
     * Works for up to one slice, and on while no other job waits; then the job goes behind its
     * tenant's other jobs (its turn recomputed), or is done.
     */
    private CompletionHandler<Integer> slice(TaskInstance<Integer> instance, Step first, Step next) {
        String[] id = instance.getId().split("/");
        TenantId tenant = TenantId.parse(id[0]);
        UUID document = UUID.fromString(id[1]);
        int version = Integer.parseInt(id[2]);
        Instant sliceEnds = Instant.now().plus(SLICE);
        boolean more = first.run(tenant, document, version);
        while (more) {
            if (!Instant.now().isBefore(sliceEnds)) {
                if (turns.othersWaiting()) {
                    break;
                }
                sliceEnds = Instant.now().plus(SLICE);
            }
            more = next.run(tenant, document, version);
        }
        if (!more) {
            return (complete, operations) -> operations.remove();
        }
        return (complete, operations) -> {
            operations.reschedule(complete, Instant.now(), EMBED);
            turns.requeue(complete.getExecution(), tenant);
            // The rescheduled job and the one waiting are due now: fetch them without waiting for the next poll.
            scheduler.triggerCheckForDueExecutions();
        };
    }

    /**
     * A step whose instance died (no heartbeat): taken up again now, counted as a failed attempt, so
     * a document that kills every instance that reads it ends failed instead of going round for ever.
     */
    private void revive(ExecutionComplete dead, ExecutionOperations<Integer> operations) {
        Instant now = Instant.now();
        new Backoff().onFailure(ExecutionComplete.failure(dead.getExecution(), now, now,
                new IllegalStateException("the instance running this step stopped answering")), operations);
    }

    /**
     * How long a step that failed because a dependency is away waits before it runs again. Not the
     * document's fault: it waits for the database or S3 however long they are away, and the attempt
     * does not bring it nearer to failing (decision 77). Empty for any other failure.
     */
    static Optional<Duration> outageWait(Throwable cause) {
        return Outages.dependency(cause).map(d -> Duration.ofSeconds(d.retryAfterSeconds()));
    }

    /** A step that threw: again after 5, 20 and 80 seconds, then the version fails with the reason. */
    private final class Backoff implements FailureHandler<Integer> {
        @Override
        public void onFailure(ExecutionComplete complete, ExecutionOperations<Integer> operations) {
            int failures = complete.getExecution().consecutiveFailures + 1;
            Throwable cause = complete.getCause().orElse(null);
            String id = complete.getExecution().taskInstance.getId();
            Optional<Duration> outage = outageWait(cause);
            if (outage.isPresent()) {
                LOG.log(Level.WARNING, "ingestion of " + id + " waits for " + Outages.dependency(cause).orElseThrow().description()
                        + "; again in " + outage.get());
                // Scheduled anew (same data, same turn): a reschedule would count the attempt as a failure.
                @SuppressWarnings("unchecked")
                TaskInstance<Integer> same = complete.getExecution().taskInstance;
                operations.removeAndScheduleNew(SchedulableInstance.of(same, Instant.now().plus(outage.get())));
                return;
            }
            if (failures < ATTEMPTS) {
                Duration wait = Duration.ofSeconds(5L << (2 * (failures - 1)));
                LOG.log(Level.WARNING, "ingestion of " + id + " failed (attempt " + failures + "); again in " + wait, cause);
                operations.reschedule(complete, Instant.now().plus(wait));
                return;
            }
            if (REEMBED.getTaskName().equals(complete.getExecution().getTaskName())) {
                // The version stays ready with its earlier embeddings; the next reembed run tries again.
                LOG.log(Level.SEVERE, "embedding " + id + " again failed " + failures + " times; it keeps its earlier model", cause);
                operations.remove();
                return;
            }
            LOG.log(Level.SEVERE, "ingestion of " + id + " failed " + failures + " times; the version is marked failed", cause);
            String[] parts = id.split("/");
            try {
                worker.giveUp(TenantId.parse(parts[0]), UUID.fromString(parts[1]), Integer.parseInt(parts[2]),
                        "processing failed " + failures + " times; the last error was: "
                                + (cause == null ? "unknown" : cause.getClass().getSimpleName() + ": " + cause.getMessage()));
                operations.remove();
            } catch (RuntimeException e) {
                // The failure could not even be recorded (the database is away): keep the job and try again later.
                LOG.log(Level.SEVERE, "could not mark " + id + " failed; trying again in a minute", e);
                operations.reschedule(complete, Instant.now().plus(Duration.ofMinutes(1)));
            }
        }
    }
}
