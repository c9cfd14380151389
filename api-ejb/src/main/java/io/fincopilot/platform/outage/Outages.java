package io.fincopilot.platform.outage;

import io.fincopilot.platform.Causes;
import io.fincopilot.platform.problem.Problem;
import jakarta.json.Json;
import java.sql.SQLException;
import java.util.Optional;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Tells a failure of a shared dependency from any other failure, anywhere in a cause chain: the
 * first is a 503 with {@code Retry-After} that names what is unavailable (the client did nothing
 * wrong and may try again), the second stays a 500. The database counts as unavailable when the
 * pool cannot hand out a connection or PostgreSQL's connection was lost, is refused or is shutting
 * down (SQLSTATE classes 08 and 57P, and 53300, too many connections).
 */
public final class Outages {

    private static final Set<String> DATABASE_STATES = Set.of("57P01", "57P02", "57P03", "53300");

    private Outages() {
    }

    /** The 503 for the failure, if it is an outage. */
    public static Optional<Problem> problem(Throwable failure) {
        return dependency(failure).map(Outages::problem);
    }

    public static Problem problem(Dependency dependency) {
        return retryingAfter(Problem.of(503, dependency.slug(), "Service unavailable",
                dependency.description() + " is unavailable; nothing was changed, try again in "
                + dependency.retryAfterSeconds() + " s"), dependency);
    }

    /** The problem with the dependency's wait as {@code retryAfter}, which becomes the {@code Retry-After} header. */
    public static Problem retryingAfter(Problem problem, Dependency dependency) {
        return problem.with("retryAfter", Json.createValue(dependency.retryAfterSeconds()));
    }

    /** The {@code Retry-After} of a problem made here, if it is one. */
    public static Optional<String> retryAfter(Problem problem) {
        return Optional.ofNullable(problem.extensions().get("retryAfter")).map(Object::toString);
    }

    /** Which shared dependency the failure says is unavailable, if any. */
    public static Optional<Dependency> dependency(Throwable failure) {
        return Causes.of(failure).map(Outages::away).flatMap(Optional::stream).findFirst();
    }

    private static Optional<Dependency> away(Throwable cause) {
        if (cause instanceof DependencyUnavailable unavailable) {
            return Optional.of(unavailable.dependency());
        }
        // Payara's pool fails with a ResourceException ("Error in allocating a connection"), whatever PostgreSQL said.
        boolean database = cause instanceof SQLException sql && lostDatabase(sql)
                || cause instanceof jakarta.resource.ResourceException;
        return database ? Optional.of(Dependency.DATABASE) : Optional.empty();
    }

    /**
     * Logs a background task's failure: one line when a dependency is away (the task runs again
     * and would print the same stack every turn of the outage), the whole stack otherwise.
     */
    public static void log(Logger logger, String what, RuntimeException failure) {
        Optional<Dependency> away = dependency(failure);
        if (away.isPresent()) {
            logger.log(Level.WARNING, what + ": " + away.get().description() + " is unavailable");
        } else {
            logger.log(Level.WARNING, what, failure);
        }
    }

    private static boolean lostDatabase(SQLException sql) {
        String state = sql.getSQLState();
        if (state == null) {
            // The pool's own SQLException carries no state; its message says what it is.
            return sql.getMessage() != null && sql.getMessage().startsWith("Error in allocating a connection");
        }
        return state.startsWith("08") || DATABASE_STATES.contains(state);
    }
}
