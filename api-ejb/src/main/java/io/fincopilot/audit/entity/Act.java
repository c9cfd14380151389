package io.fincopilot.audit.entity;

import java.util.Map;

/**
 * What happened, by whom, to what, from where, with what outcome: everything of an audit event but
 * its place in the chain.
 */
public record Act(String actor, String actorType, String action, String target, String sourceIp, Outcome outcome,
        Map<String, ?> details) {

    public enum Outcome { SUCCESS, DENIED, FAILURE }

    public Act {
        details = details == null ? Map.of() : Map.copyOf(details);
    }
}
