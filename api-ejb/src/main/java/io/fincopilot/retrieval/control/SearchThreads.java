package io.fincopilot.retrieval.control;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.Lock;
import jakarta.ejb.LockType;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.FutureTask;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * The threads a search hands its side work to while it reads the scope and scans the vectors:
 * embedding the question, and the chunks that hold all of its words. They are made once, when the
 * application starts, by the container's {@link ManagedThreadFactory}, so each carries the
 * application's context and no caller's. A {@code ManagedExecutorService} would capture the
 * caller's context again for every task, which in Payara reads the application's service files
 * each time (8% of a search's time at 100k chunks, decision 70).
 */
@Singleton
@Startup
@Lock(LockType.READ)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
// Started by the container; a search offers work here only after its own authorization.
@PermitAll
public class SearchThreads {

    private static final int QUEUED_PER_THREAD = 16;

    @Resource
    ManagedThreadFactory factory;

    private ThreadPoolExecutor pool;

    @PostConstruct
    void start() {
        int threads = Math.max(2, Runtime.getRuntime().availableProcessors());
        pool = new ThreadPoolExecutor(threads, threads, 0, TimeUnit.SECONDS,
                new ArrayBlockingQueue<>(QUEUED_PER_THREAD * threads), factory);
        // Every thread now, in the application's context: none is made later inside a caller's request.
        pool.prestartAllCoreThreads();
    }

    /** Lets the work under way finish (a few seconds at most) before the threads are stopped. */
    @PreDestroy
    void stop() {
        pool.shutdown();
        try {
            if (!pool.awaitTermination(5, TimeUnit.SECONDS)) {
                pool.shutdownNow();
            }
        } catch (InterruptedException e) {
            pool.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }

    /**
     * Queues the task for a free thread. One refused (every thread busy and the queue full, or the
     * application stopping) is left to its caller, whose {@link FutureTask#run} runs it when its
     * result is wanted; so does one still queued then.
     */
    public void offer(FutureTask<?> task) {
        try {
            pool.execute(task);
        } catch (RejectedExecutionException e) {
            // Left for FutureTask.run in the caller's thread.
        }
    }
}
