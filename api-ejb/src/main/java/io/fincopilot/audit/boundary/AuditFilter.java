package io.fincopilot.audit.boundary;

import io.fincopilot.audit.entity.AuditQuery;
import io.fincopilot.platform.problem.ProblemException;
import java.time.Instant;
import java.time.format.DateTimeParseException;

/** Turns the audit log's query parameters into a query, refusing malformed ones clearly. */
public final class AuditFilter {

    /** What PostgreSQL's timestamptz holds comfortably, and any audit query could mean. */
    static final Instant EARLIEST = Instant.parse("0001-01-01T00:00:00Z");
    static final Instant LATEST = Instant.parse("9999-12-31T23:59:59Z");

    /** What each query parameter means, for the API document of both APIs. */
    /** How an event's actor and the names behind pseudonyms are described in both APIs (decision 76). */
    public static final String STORED_ACTOR = "As the chain holds it: a member by pseudonym (p:<id>), a key, a service "
            + "account or staff by name";
    public static final String ACTOR_NAME = "The member behind the actor's pseudonym; null when not a member or erased";
    public static final String TARGET_NAME = "The member behind a person:p:<id> target; null otherwise or when erased";
    public static final String ACTOR = "Events by this actor: a username (a member's events carry their pseudonym "
            + "p:<id>, which is matched too), a pseudonym, or key:<prefix> for an API key";
    public static final String ACTION = "Events of this action, e.g. key.created";
    public static final String FROM = "Events at or after this instant (ISO-8601, e.g. 2026-01-31T00:00:00Z)";
    public static final String TO = "Events before this instant (ISO-8601)";
    public static final String OFFSET = "How many matching events to skip (default 0)";
    public static final String LIMIT = "At most this many events (1 to " + AuditQuery.MAX_LIMIT + ", default 100)";

    private AuditFilter() {
    }

    public static AuditQuery of(String actor, String action, String from, String to, Integer offset, Integer limit) {
        if (limit != null && (limit < 1 || limit > AuditQuery.MAX_LIMIT)) {
            throw ProblemException.badRequest("limit must be between 1 and " + AuditQuery.MAX_LIMIT);
        }
        if (offset != null && offset < 0) {
            throw ProblemException.badRequest("offset must not be negative");
        }
        return new AuditQuery(actor, action, instant("from", from), instant("to", to),
                offset == null ? 0 : offset, limit == null ? 100 : limit);
    }

    private static Instant instant(String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        Instant instant;
        try {
            instant = Instant.parse(value.trim());
        } catch (DateTimeParseException e) {
            throw ProblemException.badRequest(name + " must be an ISO-8601 instant such as 2026-01-31T00:00:00Z");
        }
        if (instant.isBefore(EARLIEST) || instant.isAfter(LATEST)) {
            throw ProblemException.badRequest(name + " must lie between " + EARLIEST + " and " + LATEST);
        }
        return instant;
    }
}
