package io.fincopilot.audit.boundary;

import io.fincopilot.audit.entity.AuditEvent;
import java.util.List;

/** Audit events as CSV (RFC 4180), with cells that a spreadsheet would run as formulas defused. */
public final class AuditCsv {

    private static final String HEADER =
            "tenant,sequence,occurred_at,actor,actor_type,action,target,source_ip,outcome,details,hash";

    private AuditCsv() {
    }

    public static String of(List<AuditEvent> events) {
        StringBuilder csv = new StringBuilder(HEADER).append("\r\n");
        for (AuditEvent e : events) {
            csv.append(String.join(",", cell(e.tenant().toString()), cell(Long.toString(e.sequence())),
                    cell(e.occurredAt().toString()), cell(e.actor()), cell(e.actorType()), cell(e.action()),
                    cell(e.target()), cell(e.sourceIp()), cell(e.outcome()), cell(e.details()), cell(e.hash())))
                    .append("\r\n");
        }
        return csv.toString();
    }

    static String cell(String value) {
        if (value == null) {
            return "";
        }
        String safe = !value.isEmpty() && "=+-@\t\r".indexOf(value.charAt(0)) >= 0 ? "'" + value : value;
        return "\"" + safe.replace("\"", "\"\"") + "\"";
    }
}
