package io.fincopilot.billing.entity;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

/**
 * An invoice's content as computed from a month's usage: its lines and totals in one currency
 * (decision 72). Its {@link #csv()} is the canonical form: the same usage and terms give the same
 * bytes, which is how a closed month is shown to be reproducible.
 */
public record InvoiceDraft(UsagePeriod period, String currency, List<Line> lines, BigDecimal subtotal, BigDecimal taxRate,
        BigDecimal tax, BigDecimal total) {

    /**
     * One line: what (with the plan it comes from), how much of it, at which unit price, for which
     * amount (rounded half-even to the currency's minor unit).
     */
    public record Line(String plan, String description, BigDecimal quantity, String unit, BigDecimal unitPrice,
            BigDecimal amount) {
    }

    public static final String CSV_HEADER = "line,plan,description,quantity,unit,unit_price,amount,currency";

    /** The lines and totals as CSV (RFC 4180, LF line ends, plain decimals). */
    public String csv() {
        StringBuilder csv = new StringBuilder(CSV_HEADER).append('\n');
        rows().forEach(row -> csv.append(row).append('\n'));
        return csv.toString();
    }

    /** The CSV rows of {@link #csv()} after its header: one per line, then subtotal, tax and total. */
    public List<String> rows() {
        List<String> rows = new java.util.ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            Line line = lines.get(i);
            rows.add((i + 1) + "," + field(line.plan()) + "," + field(line.description()) + ","
                    + line.quantity().toPlainString() + "," + field(line.unit()) + "," + line.unitPrice().toPlainString() + ","
                    + line.amount().toPlainString() + "," + currency);
        }
        rows.add(",,Subtotal,,,," + subtotal.toPlainString() + "," + currency);
        rows.add(",,Tax at " + taxRate.multiply(BigDecimal.valueOf(100)).stripTrailingZeros().toPlainString() + "%,,,,"
                + tax.toPlainString() + "," + currency);
        rows.add(",,Total,,,," + total.toPlainString() + "," + currency);
        return rows;
    }

    public String csvSha256() {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(csv().getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A CSV field, quoted when it holds a comma, quote or line end; never read as a spreadsheet formula. */
    public static String field(String value) {
        if (value == null) {
            return "";
        }
        String text = !value.isEmpty() && "=+-@".indexOf(value.charAt(0)) >= 0 ? "'" + value : value;
        return text.contains(",") || text.contains("\"") || text.contains("\n") || text.contains("\r")
                ? "\"" + text.replace("\"", "\"\"") + "\"" : text;
    }
}
