package io.fincopilot.audit.entity;

import java.time.Instant;

/** Filters for reading an audit log; null means "any". */
public record AuditQuery(String actor, String action, Instant from, Instant to, int offset, int limit) {

    public static final int MAX_LIMIT = 1000;

    public AuditQuery {
        offset = Math.max(0, offset);
        limit = limit <= 0 ? 100 : Math.min(limit, MAX_LIMIT);
        actor = blankToNull(actor);
        action = blankToNull(action);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
