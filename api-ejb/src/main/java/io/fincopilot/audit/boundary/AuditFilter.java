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
