package io.fincopilot.billing.entity;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * An issued invoice or credit note (decision 72): final once written; a correction is a credit
 * note that names it. Amounts are in its currency, rounded half-even to the minor unit.
 */
public record Invoice(UUID id, UUID tenant, UsagePeriod period, Kind kind, String number, String currency,
        BigDecimal subtotal, BigDecimal taxRate, BigDecimal tax, BigDecimal total, UUID corrects, String reason,
        Instant issuedAt, String csvSha256, List<InvoiceDraft.Line> lines) {

    public enum Kind { INVOICE, CREDIT_NOTE }

    /** Its content as the canonical CSV (what {@link #csvSha256()} is the hash of). */
    public InvoiceDraft draft() {
        return new InvoiceDraft(period, currency, lines, subtotal, taxRate, tax, total);
    }

    /** The columns that name the invoice before each of its CSV rows. */
    public static final String CSV_HEADER = "document,number,organization,period,issued_at," + InvoiceDraft.CSV_HEADER;

    /** Its CSV rows, each naming the invoice and the organization (a finance department's import). */
    public java.util.List<String> csvRows(String organization) {
        String prefix = (kind == Kind.INVOICE ? "invoice" : "credit note") + "," + number + ","
                + InvoiceDraft.field(organization) + "," + period + "," + issuedAt + ",";
        return draft().rows().stream().map(row -> prefix + row).toList();
    }

    /** The invoice alone as CSV, with its header. */
    public String csv(String organization) {
        StringBuilder csv = new StringBuilder(CSV_HEADER).append('\n');
        csvRows(organization).forEach(row -> csv.append(row).append('\n'));
        return csv.toString();
    }
}
