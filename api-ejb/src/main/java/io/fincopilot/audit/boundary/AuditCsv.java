package io.fincopilot.audit.boundary;

import io.fincopilot.audit.entity.AuditEntry;
import io.fincopilot.audit.entity.AuditEvent;
import java.util.List;

/** Audit events as CSV (RFC 4180), with cells that a spreadsheet would run as formulas defused. */
public final class AuditCsv {

    /** What OWASP's CSV injection guidance says no cell may start with. */
    private static final String FORMULA_STARTS = "=+-@\t\r";

    private static final String HEADER =
            "tenant,sequence,occurred_at,actor,actor_type,action,target,source_ip,outcome,details,hash,actor_name,target_name";

    private AuditCsv() {
    }

    public static String of(List<AuditEntry> entries) {
        StringBuilder csv = new StringBuilder(HEADER).append("\r\n");
        for (AuditEntry entry : entries) {
            AuditEvent e = entry.event();
            csv.append(String.join(",", cell(e.tenant().toString()), cell(Long.toString(e.sequence())),
                    cell(e.occurredAt().toString()), cell(e.actor()), cell(e.actorType()), cell(e.action()),
                    cell(e.target()), cell(e.sourceIp()), cell(e.outcome()), cell(e.details()), cell(e.hash()),
                    cell(entry.actorName()), cell(entry.targetName())))
                    .append("\r\n");
        }
        return csv.toString();
    }

    static String cell(String value) {
        if (value == null) {
            return "";
        }
        String safe = mayRunAsFormula(value) ? "'" + value : value;
        return "\"" + safe.replace("\"", "\"\"") + "\"";
    }

    /**
     * Whether a spreadsheet could take the cell for a formula: it starts with = + - @, a tab or a carriage
     * return (OWASP's list), or does so after leading blanks, which an import can be set to trim
     * (LibreOffice Calc's "Trim spaces"). Such cells get a leading apostrophe.
     */
    static boolean mayRunAsFormula(String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (FORMULA_STARTS.indexOf(c) >= 0) {
                return true;
            }
            if (!Character.isWhitespace(c) && !Character.isSpaceChar(c)) {
                return false;
            }
        }
        return false;
    }
}
