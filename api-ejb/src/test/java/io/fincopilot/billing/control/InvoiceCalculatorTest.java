package io.fincopilot.billing.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fincopilot.billing.entity.InvoiceDraft;
import io.fincopilot.billing.entity.PlanTerms;
import io.fincopilot.billing.entity.UsagePeriod;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.api.Test;

class InvoiceCalculatorTest {

    private static final UsagePeriod FEBRUARY = new UsagePeriod(YearMonth.of(2026, 2));
    private static final BigDecimal NO_TAX = BigDecimal.ZERO;

    static PlanTerms plan(String code, String price, String currency, boolean overage) {
        return new PlanTerms(code, "Plan " + code, new BigDecimal(price), currency, 600, 10_000_000, 300, 1000, 100,
                new BigDecimal("10.000"), new BigDecimal("0.050000"), new BigDecimal("0.020000"), new BigDecimal("0.250000"),
                overage).validated();
    }

    private static InvoiceCalculator.Segment whole(PlanTerms plan, long pages, long questions, long byteDays) {
        return new InvoiceCalculator.Segment(plan, FEBRUARY.firstDay(), FEBRUARY.firstDay().plusMonths(1), pages, questions,
                BigInteger.valueOf(byteDays));
    }

    @Test
    void aWholeMonthOnOnePlanWithOverageGivesTheseLines() {
        InvoiceDraft draft = InvoiceCalculator.compute(FEBRUARY,
                List.of(whole(plan("pro", "299", "USD", true), 1250, 80, 11L * 1_000_000_000 * 28)), new BigDecimal("0.2")).get(0);
        assertEquals("""
                line,plan,description,quantity,unit,unit_price,amount,currency
                1,pro,"Plan Plan pro, 2026-02-01 to 2026-02-28, 28 of 28 days",1.000000,month,299.000000,299.00,USD
                2,pro,Pages ingested, included (1000 in the plan for these days),1000.000000,pages,0.000000,0.00,USD
                3,pro,Pages ingested over the included 1000,250.000000,pages,0.050000,12.50,USD
                4,pro,Questions answered, included (100 in the plan for these days),80.000000,questions,0.000000,0.00,USD
                5,pro,Storage, included (10.000000 GB-months in the plan for these days),10.000000,GB-months,0.000000,0.00,USD
                6,pro,Storage over the included 10.000000 GB-months,1.000000,GB-months,0.250000,0.25,USD
                ,,Subtotal,,,,311.75,USD
                ,,Tax at 20%,,,,62.35,USD
                ,,Total,,,,374.10,USD
                """.replace("Pages ingested, included (1000 in the plan for these days)",
                        "\"Pages ingested, included (1000 in the plan for these days)\"")
                .replace("Questions answered, included (100 in the plan for these days)",
                        "\"Questions answered, included (100 in the plan for these days)\"")
                .replace("Storage, included (10.000000 GB-months in the plan for these days)",
                        "\"Storage, included (10.000000 GB-months in the plan for these days)\""), draft.csv());
    }

    @Test
    void aHardPlanBillsItsFeeOnlyWhateverWasUsed() {
        InvoiceDraft draft = InvoiceCalculator.compute(FEBRUARY,
                List.of(whole(plan("free", "0", "EUR", false), 5000, 5000, 50L * 1_000_000_000 * 28)), NO_TAX).get(0);
        assertEquals(new BigDecimal("0.00"), draft.total());
        assertEquals(4, draft.lines().size(), "no overage lines");
    }

    @Test
    void aMoveMidMonthBillsEachPlanForItsDaysAndCurrenciesApart() {
        LocalDate moved = LocalDate.of(2026, 2, 15);
        List<InvoiceDraft> drafts = InvoiceCalculator.compute(FEBRUARY, List.of(
                new InvoiceCalculator.Segment(plan("starter", "49", "USD", true), FEBRUARY.firstDay(), moved, 0, 0, BigInteger.ZERO),
                new InvoiceCalculator.Segment(plan("pro", "299", "USD", true), moved, FEBRUARY.firstDay().plusMonths(1), 0, 0,
                        BigInteger.ZERO),
                new InvoiceCalculator.Segment(plan("yen", "4900", "JPY", true), moved, moved, 0, 0, BigInteger.ZERO)), NO_TAX);
        assertEquals(1, drafts.size(), "a segment of no days bills nothing, in no currency");
        // 49 * 14/28 + 299 * 14/28
        assertEquals(new BigDecimal("174.00"), drafts.get(0).total());
        assertTrue(drafts.get(0).lines().get(0).description().contains("14 of 28 days"));
    }

    @Property(tries = 200)
    void totalsAreTheSumOfTheLinesAtTheCurrencysScale(@ForAll("plans") PlanTerms plan,
            @ForAll @LongRange(max = 1_000_000) long pages, @ForAll @LongRange(max = 1_000_000) long questions,
            @ForAll @LongRange(max = 10_000_000_000_000L) long byteDays, @ForAll @IntRange(max = 30) int taxPercent) {
        BigDecimal rate = BigDecimal.valueOf(taxPercent, 2);
        InvoiceDraft draft = InvoiceCalculator.compute(FEBRUARY, List.of(whole(plan, pages, questions, byteDays)), rate).get(0);
        int minor = InvoiceCalculator.minorDigits(plan.currency());
        BigDecimal sum = BigDecimal.ZERO;
        for (InvoiceDraft.Line line : draft.lines()) {
            assertEquals(minor, line.amount().scale());
            assertTrue(line.amount().signum() >= 0 && line.quantity().signum() >= 0);
            sum = sum.add(line.amount());
        }
        assertEquals(0, sum.compareTo(draft.subtotal()));
        assertEquals(draft.subtotal().add(draft.tax()), draft.total());
        assertEquals(minor, draft.total().scale());
        assertEquals(draft.csv(), InvoiceCalculator.compute(FEBRUARY, List.of(whole(plan, pages, questions, byteDays)), rate)
                .get(0).csv(), "the same usage gives the same bytes");
        if (!plan.overageAllowed()) {
            assertEquals(plan.monthlyPrice(), draft.subtotal(), "a hard plan bills its fee only");
        }
    }

    /** However a month is cut into days on the same plan, the fees add up to its price, give or take rounding. */
    @Property(tries = 200)
    void feesOfAMonthCutIntoPiecesAddUpToThePrice(@ForAll("plans") PlanTerms plan,
            @ForAll @IntRange(min = 1, max = 27) int cut1, @ForAll @IntRange(min = 1, max = 27) int cut2) {
        LocalDate start = FEBRUARY.firstDay();
        List<LocalDate> cuts = new ArrayList<>(List.of(start, start.plusDays(Math.min(cut1, cut2)),
                start.plusDays(Math.max(cut1, cut2)), start.plusMonths(1)));
        List<InvoiceCalculator.Segment> segments = new ArrayList<>();
        for (int i = 0; i + 1 < cuts.size(); i++) {
            segments.add(new InvoiceCalculator.Segment(plan, cuts.get(i), cuts.get(i + 1), 0, 0, BigInteger.ZERO));
        }
        BigDecimal fees = InvoiceCalculator.compute(FEBRUARY, segments, NO_TAX).get(0).lines().stream()
                .filter(l -> l.unit().equals("month")).map(InvoiceDraft.Line::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
        BigDecimal minorUnit = BigDecimal.ONE.movePointLeft(InvoiceCalculator.minorDigits(plan.currency()));
        assertTrue(fees.subtract(plan.monthlyPrice()).abs().compareTo(minorUnit.multiply(BigDecimal.valueOf(3))) < 0,
                fees + " for a price of " + plan.monthlyPrice());
    }

    /** Use past what the days include is billed at the unit price, and only that. */
    @Property(tries = 200)
    void overageIsWhatPassesTheProRataIncludedQuantity(@ForAll @IntRange(min = 1, max = 28) int days,
            @ForAll @LongRange(max = 100_000) long pages) {
        PlanTerms plan = plan("pro", "299", "USD", true);
        LocalDate start = FEBRUARY.firstDay();
        var segment = new InvoiceCalculator.Segment(plan, start, start.plusDays(days), pages, 0, BigInteger.ZERO);
        long included = plan.includedPages() * days / 28;
        BigDecimal overage = InvoiceCalculator.lines(FEBRUARY, segment).stream()
                .filter(l -> l.unit().equals("pages")).map(InvoiceDraft.Line::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
        assertEquals(BigDecimal.valueOf(Math.max(0, pages - included)).multiply(plan.overagePagePrice())
                .setScale(2, java.math.RoundingMode.HALF_EVEN), overage);
    }

    @Provide
    Arbitrary<PlanTerms> plans() {
        Arbitrary<String> currencies = Arbitraries.of("USD", "EUR", "JPY", "GBP");
        return currencies.flatMap(currency -> Arbitraries.integers().between(0, 5_000_000).flatMap(cents ->
                Arbitraries.of(true, false).map(overage -> plan("px", InvoiceCalculator.minorDigits(currency) == 0
                        ? String.valueOf(cents) : BigDecimal.valueOf(cents, 2).toPlainString(), currency, overage))));
    }
}
