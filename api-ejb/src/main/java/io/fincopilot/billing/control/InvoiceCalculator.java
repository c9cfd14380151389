package io.fincopilot.billing.control;

import io.fincopilot.billing.entity.InvoiceDraft;
import io.fincopilot.billing.entity.PlanTerms;
import io.fincopilot.billing.entity.UsagePeriod;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A month's invoice from its plan segments and their usage (decision 72). Pure arithmetic, no
 * clock, no database: the same segments give the same draft, byte for byte.
 *
 * <p>Each segment is a run of days on one plan revision. Its fee is the monthly price times its
 * share of the month's days; what it includes is the plan's quantities times that share (pages and
 * questions rounded down, GB-months to six decimals); use past that is billed at the plan's unit
 * prices when the plan allows overage. Every amount is rounded half-even to the currency's minor
 * unit, line by line; tax is the configured rate on the subtotal, rounded the same way.
 */
public final class InvoiceCalculator {

    /** Days on one plan revision within the month, and what was used on them. */
    public record Segment(PlanTerms terms, LocalDate from, LocalDate until, long pages, long questions,
            BigInteger storageByteDays) {

        long days() {
            return ChronoUnit.DAYS.between(from, until);
        }
    }

    private static final int QUANTITY_DECIMALS = 6;

    private InvoiceCalculator() {
    }

    /** One draft per currency, in the order the currencies first appear. */
    public static List<InvoiceDraft> compute(UsagePeriod period, List<Segment> segments, BigDecimal taxRate) {
        Map<String, List<InvoiceDraft.Line>> byCurrency = new LinkedHashMap<>();
        for (Segment segment : segments) {
            if (segment.days() > 0) {
                byCurrency.computeIfAbsent(segment.terms().currency(), c -> new ArrayList<>()).addAll(lines(period, segment));
            }
        }
        List<InvoiceDraft> drafts = new ArrayList<>();
        byCurrency.forEach((currency, lines) -> {
            int minor = minorDigits(currency);
            BigDecimal subtotal = lines.stream().map(InvoiceDraft.Line::amount).reduce(BigDecimal.ZERO.setScale(minor),
                    BigDecimal::add);
            BigDecimal tax = subtotal.multiply(taxRate).setScale(minor, RoundingMode.HALF_EVEN);
            drafts.add(new InvoiceDraft(period, currency, List.copyOf(lines), subtotal, taxRate, tax, subtotal.add(tax)));
        });
        return drafts;
    }

    static List<InvoiceDraft.Line> lines(UsagePeriod period, Segment segment) {
        PlanTerms plan = segment.terms();
        int minor = minorDigits(plan.currency());
        long monthDays = period.month().lengthOfMonth();
        long days = segment.days();
        BigDecimal share = BigDecimal.valueOf(days).divide(BigDecimal.valueOf(monthDays), 12, RoundingMode.HALF_EVEN);
        String when = segment.from() + " to " + segment.until().minusDays(1) + ", " + days + " of " + monthDays + " days";
        List<InvoiceDraft.Line> lines = new ArrayList<>();
        lines.add(new InvoiceDraft.Line(plan.code(), "Plan " + plan.name() + ", " + when,
                share.setScale(QUANTITY_DECIMALS, RoundingMode.HALF_EVEN), "month", plan.monthlyPrice().setScale(QUANTITY_DECIMALS),
                plan.monthlyPrice().multiply(BigDecimal.valueOf(days))
                        .divide(BigDecimal.valueOf(monthDays), minor, RoundingMode.HALF_EVEN)));
        long includedPages = Math.multiplyExact(plan.includedPages(), days) / monthDays;
        long includedQuestions = Math.multiplyExact(plan.includedQuestions(), days) / monthDays;
        count(lines, plan, minor, "Pages ingested", "pages", segment.pages(), includedPages, plan.overagePagePrice());
        count(lines, plan, minor, "Questions answered", "questions", segment.questions(), includedQuestions,
                plan.overageQuestionPrice());
        BigDecimal usedGbMonths = new BigDecimal(segment.storageByteDays())
                .divide(PlanTerms.BYTES_PER_GB.multiply(BigDecimal.valueOf(monthDays)), QUANTITY_DECIMALS, RoundingMode.HALF_EVEN);
        BigDecimal includedGbMonths = plan.includedStorageGb().multiply(share).setScale(QUANTITY_DECIMALS, RoundingMode.HALF_EVEN);
        measure(lines, plan, minor, usedGbMonths, includedGbMonths);
        return lines;
    }

    private static void count(List<InvoiceDraft.Line> lines, PlanTerms plan, int minor, String what, String unit, long used,
            long included, BigDecimal unitPrice) {
        boolean over = plan.overageAllowed() && used > included;
        lines.add(new InvoiceDraft.Line(plan.code(), what + ", included (" + included + " in the plan for these days)",
                BigDecimal.valueOf(over ? included : used).setScale(QUANTITY_DECIMALS), unit, zero(), BigDecimal.ZERO.setScale(minor)));
        if (over) {
            BigDecimal quantity = BigDecimal.valueOf(used - included);
            lines.add(new InvoiceDraft.Line(plan.code(), what + " over the included " + included,
                    quantity.setScale(QUANTITY_DECIMALS), unit, unitPrice, quantity.multiply(unitPrice).setScale(minor, RoundingMode.HALF_EVEN)));
        }
    }

    private static void measure(List<InvoiceDraft.Line> lines, PlanTerms plan, int minor, BigDecimal used, BigDecimal included) {
        boolean over = plan.overageAllowed() && used.compareTo(included) > 0;
        lines.add(new InvoiceDraft.Line(plan.code(), "Storage, included (" + included.toPlainString()
                + " GB-months in the plan for these days)", over ? included : used, "GB-months", zero(),
                BigDecimal.ZERO.setScale(minor)));
        if (over) {
            BigDecimal quantity = used.subtract(included);
            lines.add(new InvoiceDraft.Line(plan.code(), "Storage over the included " + included.toPlainString() + " GB-months",
                    quantity, "GB-months", plan.overageStorageGbMonthPrice(),
                    quantity.multiply(plan.overageStorageGbMonthPrice()).setScale(minor, RoundingMode.HALF_EVEN)));
        }
    }

    private static BigDecimal zero() {
        return BigDecimal.ZERO.setScale(QUANTITY_DECIMALS);
    }

    static int minorDigits(String currency) {
        return Math.max(0, Currency.getInstance(currency).getDefaultFractionDigits());
    }
}
