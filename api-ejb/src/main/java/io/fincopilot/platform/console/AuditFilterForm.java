package io.fincopilot.platform.console;

import io.fincopilot.audit.entity.AuditQuery;
import java.io.Serializable;
import java.time.LocalDate;
import java.time.ZoneOffset;

/** The audit log's filter as both consoles show it: actor, action, and whole UTC days. */
public class AuditFilterForm implements Serializable {

    private String actor;
    private String action;
    private LocalDate from;
    private LocalDate to;

    public AuditQuery query() {
        return new AuditQuery(actor, action, from == null ? null : from.atStartOfDay().toInstant(ZoneOffset.UTC),
                to == null ? null : to.plusDays(1).atStartOfDay().toInstant(ZoneOffset.UTC), 0, AuditQuery.MAX_LIMIT);
    }

    public String getActor() {
        return actor;
    }

    public void setActor(String actor) {
        this.actor = actor;
    }

    public String getAction() {
        return action;
    }

    public void setAction(String action) {
        this.action = action;
    }

    public LocalDate getFrom() {
        return from;
    }

    public void setFrom(LocalDate from) {
        this.from = from;
    }

    public LocalDate getTo() {
        return to;
    }

    public void setTo(LocalDate to) {
        this.to = to;
    }
}
