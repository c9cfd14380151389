package io.fincopilot.billing.entity;

import io.fincopilot.platform.problem.ProblemException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * What a plan costs and includes (decision 71). Money is a {@link BigDecimal} in the plan's ISO
 * 4217 currency, never a double: the monthly price has at most the currency's minor digits (2 for
 * USD and EUR, 0 for JPY), unit prices at most six decimals. Storage is included in GB-months
 * (10^9 bytes held for a whole month); a plan without overage refuses what would go past what it
 * includes.
 */
public record PlanTerms(String code, String name, BigDecimal monthlyPrice, String currency, int rateLimitPerMinute,
        long maxUploadBytes, int maxPagesPerDocument, long includedPages, long includedQuestions,
        BigDecimal includedStorageGb, BigDecimal overagePagePrice, BigDecimal overageQuestionPrice,
        BigDecimal overageStorageGbMonthPrice, boolean overageAllowed) {

    /** The columns {@link #of(Object[])} reads, in its order, of a table aliased {@code p}. */
    public static final String COLUMNS = "p.code, p.name, p.monthly_price, p.currency, p.rate_limit_per_minute, "
            + "p.max_upload_bytes, p.max_pages_per_document, p.included_pages, p.included_questions, p.included_storage_gb, "
            + "p.overage_page_price, p.overage_question_price, p.overage_storage_gb_month_price, p.overage_allowed";
    public static final int COLUMN_COUNT = 14;

    public static final BigDecimal BYTES_PER_GB = BigDecimal.valueOf(1_000_000_000L);
    /** A plan's code: what organizations and invoices name it by. */
    public static final String CODE_SHAPE = "[a-z0-9][a-z0-9-]{1,39}";
    private static final Pattern CODE = Pattern.compile(CODE_SHAPE);
    private static final int UNIT_PRICE_DECIMALS = 6;
    private static final BigDecimal MAX_PRICE = new BigDecimal("99999999");
    private static final BigDecimal MAX_STORAGE_GB = new BigDecimal("999999999");
    private static final long MAX_INCLUDED = 1_000_000_000_000L;

    public static PlanTerms of(Object[] row) {
        return new PlanTerms((String) row[0], (String) row[1], decimal(row[2]), ((String) row[3]).strip(), number(row[4]).intValue(),
                number(row[5]).longValue(), number(row[6]).intValue(), number(row[7]).longValue(), number(row[8]).longValue(),
                decimal(row[9]), decimal(row[10]), decimal(row[11]), decimal(row[12]), (Boolean) row[13]);
    }

    /** Bytes of storage the plan includes (what a hard plan lets an organization hold). */
    public long includedStorageBytes() {
        return includedStorageGb.multiply(BYTES_PER_GB).longValue();
    }

    public Currency currencyUnit() {
        return Currency.getInstance(currency);
    }

    /**
     * The same terms, checked and normalised (currency upper case, prices at their scale); every
     * problem is named in one 400 answer.
     */
    public PlanTerms validated() {
        List<String> problems = new ArrayList<>();
        if (code == null || !CODE.matcher(code).matches()) {
            problems.add("code: 2 to 40 lower-case letters, digits and '-', starting with a letter or digit");
        }
        if (name == null || name.isBlank() || name.strip().length() > 100 || name.chars().anyMatch(c -> c < 0x20 || c == 0x7f)) {
            problems.add("name: 1 to 100 printable characters");
        }
        Currency unit = currency(currency, problems);
        int minorDigits = unit == null ? 2 : Math.max(0, unit.getDefaultFractionDigits());
        if (unit != null && unit.getDefaultFractionDigits() < 0) {
            problems.add("currency: a currency money is paid in (not XXX, XTS, a metal or a drawing right)");
        }
        if (unit != null && minorDigits > 2) {
            problems.add("currency: one with at most 2 minor digits (amounts are kept to the cent)");
        }
        BigDecimal price = amount("monthlyPrice", monthlyPrice, minorDigits, MAX_PRICE, problems);
        if (rateLimitPerMinute < 1 || rateLimitPerMinute > 1_000_000) {
            problems.add("rateLimitPerMinute: 1 to 1000000");
        }
        if (maxUploadBytes < 1 || maxUploadBytes > 5L * 1024 * 1024 * 1024) {
            problems.add("maxUploadBytes: 1 byte to 5 GiB");
        }
        if (maxPagesPerDocument < 1 || maxPagesPerDocument > 100_000) {
            problems.add("maxPagesPerDocument: 1 to 100000");
        }
        if (includedPages < 0 || includedQuestions < 0 || includedPages > MAX_INCLUDED || includedQuestions > MAX_INCLUDED) {
            problems.add("includedPages and includedQuestions: from 0 to " + MAX_INCLUDED);
        }
        BigDecimal storage = amount("includedStorageGb", includedStorageGb, 3, MAX_STORAGE_GB, problems);
        BigDecimal pagePrice = amount("overagePagePrice", overagePagePrice, UNIT_PRICE_DECIMALS, MAX_PRICE, problems);
        BigDecimal questionPrice = amount("overageQuestionPrice", overageQuestionPrice, UNIT_PRICE_DECIMALS, MAX_PRICE, problems);
        BigDecimal storagePrice = amount("overageStorageGbMonthPrice", overageStorageGbMonthPrice, UNIT_PRICE_DECIMALS,
                MAX_PRICE, problems);
        if (!problems.isEmpty()) {
            throw ProblemException.badRequest(String.join("; ", problems));
        }
        return new PlanTerms(code, name.strip(), price.setScale(minorDigits), unit.getCurrencyCode(), rateLimitPerMinute,
                maxUploadBytes, maxPagesPerDocument, includedPages, includedQuestions, storage.setScale(3),
                pagePrice.setScale(UNIT_PRICE_DECIMALS), questionPrice.setScale(UNIT_PRICE_DECIMALS),
                storagePrice.setScale(UNIT_PRICE_DECIMALS), overageAllowed);
    }

    /** Whether two terms bill the same (price, currency, what is included, overage), whatever their name and limits. */
    public boolean billsLike(PlanTerms other) {
        return code.equals(other.code) && monthlyPrice.compareTo(other.monthlyPrice) == 0 && currency.equals(other.currency)
                && includedPages == other.includedPages && includedQuestions == other.includedQuestions
                && includedStorageGb.compareTo(other.includedStorageGb) == 0 && overageAllowed == other.overageAllowed
                && overagePagePrice.compareTo(other.overagePagePrice) == 0
                && overageQuestionPrice.compareTo(other.overageQuestionPrice) == 0
                && overageStorageGbMonthPrice.compareTo(other.overageStorageGbMonthPrice) == 0;
    }

    public PlanTerms withCode(String newCode) {
        return new PlanTerms(newCode, name, monthlyPrice, currency, rateLimitPerMinute, maxUploadBytes, maxPagesPerDocument,
                includedPages, includedQuestions, includedStorageGb, overagePagePrice, overageQuestionPrice,
                overageStorageGbMonthPrice, overageAllowed);
    }

    private static Currency currency(String code, List<String> problems) {
        if (code != null && code.strip().matches("[A-Za-z]{3}")) {
            try {
                return Currency.getInstance(code.strip().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                // named below
            }
        }
        problems.add("currency: an ISO 4217 code such as USD or EUR");
        return null;
    }

    private static BigDecimal amount(String field, BigDecimal value, int decimals, BigDecimal max, List<String> problems) {
        if (value == null) {
            problems.add(field + ": required");
        } else if (value.signum() < 0 || value.compareTo(max) > 0) {
            problems.add(field + ": from 0 to " + max.toPlainString());
        } else if (value.stripTrailingZeros().scale() > decimals) {
            problems.add(field + ": at most " + decimals + " decimals");
        } else {
            return value;
        }
        return BigDecimal.ZERO;
    }

    private static Number number(Object value) {
        return (Number) value;
    }

    private static BigDecimal decimal(Object value) {
        return value instanceof BigDecimal d ? d : new BigDecimal(value.toString());
    }
}
