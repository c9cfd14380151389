package io.fincopilot.evaluation;

import static io.fincopilot.evaluation.Item.*;

import io.fincopilot.evaluation.Company.Unit;
import java.util.List;

/**
 * Management's discussion: an overview, a results table with the change in percent, the margins in
 * words, segment results, a cash-flow summary and, for companies reporting in millions, figures in
 * sentences ("Capital expenditures were $512 million"). Every figure is recorded: these pages are
 * legitimate evidence too, and they look like statements without being ones.
 */
final class MdnaPages {

    private final FilingLayout l;
    private final FilingProse prose;

    MdnaPages(FilingLayout l, FilingProse prose) {
        this.l = l;
        this.prose = prose;
    }

    /** Compares {@code current} with {@code prior} (flows), and the cash flow summary over {@code cashCurrent} and {@code cashPrior}. */
    void write(String periodWords, Period current, Period prior, Period cashCurrent, Period cashPrior, int paragraphs) {
        l.heading("Overview");
        l.flow(prose.paragraphs(FilingProse.MDNA).get());
        boolean millions = l.company.unit() == Unit.MILLIONS;
        String revenueLabel = l.company.label(REVENUE);
        if (millions) {
            long now = l.ledger.value(REVENUE, current);
            long before = l.ledger.value(REVENUE, prior);
            l.flow(revenueLabel + " for " + periodWords + " was $" + Figures.amount(now) + " million, " + (now >= before ? "an increase" : "a decrease")
                    + " of " + Figures.change(now, before).replaceAll("[()]", "") + " from $" + Figures.amount(before) + " million a year earlier.");
            l.figure(REVENUE, null, current, Figures.amount(now), revenueLabel);
            l.figure(REVENUE, null, prior, Figures.amount(before), revenueLabel);
        }
        l.heading("Results of Operations");
        table(current, prior, List.of(REVENUE, COST_OF_REVENUE, GROSS_PROFIT, RESEARCH, SGA, OPERATING_INCOME, NET_INCOME));
        margins(current, prior);
        l.heading("Segment Results");
        segments(current, prior);
        l.flow(prose.paragraphs(FilingProse.MDNA).get());
        l.heading("Liquidity and Capital Resources");
        table(cashCurrent, cashPrior, List.of(OPERATING_CASH_FLOW, INVESTING_CASH_FLOW, FINANCING_CASH_FLOW));
        if (millions) {
            long capex = l.ledger.value(CAPEX, cashCurrent);
            l.flow("Capital expenditures were $" + Figures.amount(capex) + " million in the period, mainly for capacity and information systems.");
            l.figure(CAPEX, null, cashCurrent, Figures.amount(capex), "Capital expenditures");
            Period end = Period.quarterEnd(cashCurrent.fiscalYear(), cashCurrent.quarter());
            long cash = l.ledger.value(CASH, end);
            l.flow("We ended the period with cash and cash equivalents of $" + Figures.amount(cash) + " million.");
            l.figure(CASH, null, end, Figures.amount(cash), "cash and cash equivalents");
        }
        for (int i = 0; i < paragraphs; i++) {
            if (i == paragraphs / 2) {
                l.heading("Critical Accounting Estimates");
            }
            l.flow(prose.paragraphs(FilingProse.MDNA).get());
        }
    }

    private void table(Period current, Period prior, List<Item> items) {
        l.keep(40 + items.size() * 14);
        l.out.columnWidth(90);
        l.out.tableHeader("(in " + l.company.unit().word + ")", header(current), header(prior), "% Change");
        for (Item item : items) {
            if (item == RESEARCH && l.company.economics().researchRatio() == 0) {
                continue;
            }
            long now = l.ledger.value(item, current);
            long before = l.ledger.value(item, prior);
            String label = l.company.label(item);
            l.out.tableRow(label, Figures.amount(now), Figures.amount(before), Figures.change(now, before));
            l.figure(item, null, current, Figures.amount(now), label);
            l.figure(item, null, prior, Figures.amount(before), label);
        }
        l.out.columnWidth(110);
        l.out.space(8);
    }

    private void margins(Period current, Period prior) {
        double gross = l.ledger.margin(GROSS_MARGIN, current);
        double grossBefore = l.ledger.margin(GROSS_MARGIN, prior);
        double operating = l.ledger.margin(OPERATING_MARGIN, current);
        double operatingBefore = l.ledger.margin(OPERATING_MARGIN, prior);
        l.flow("Gross margin was " + Figures.percent(gross) + " compared with " + Figures.percent(grossBefore) + " a year earlier, and operating margin was "
                + Figures.percent(operating) + " compared with " + Figures.percent(operatingBefore) + ".");
        l.figure(GROSS_MARGIN, null, current, Figures.percent(gross), "Gross margin");
        l.figure(GROSS_MARGIN, null, prior, Figures.percent(grossBefore), "Gross margin");
        l.figure(OPERATING_MARGIN, null, current, Figures.percent(operating), "operating margin");
        l.figure(OPERATING_MARGIN, null, prior, Figures.percent(operatingBefore), "operating margin");
    }

    private void segments(Period current, Period prior) {
        List<String> names = l.company.segments();
        l.keep(40 + names.size() * 28);
        l.out.columnWidth(90);
        l.out.tableHeader("(in " + l.company.unit().word + ")", header(current), header(prior), "% Change");
        for (Item item : List.of(SEGMENT_REVENUE, SEGMENT_OPERATING_INCOME)) {
            for (int s = 0; s < names.size(); s++) {
                long now = l.ledger.segment(item, s, current);
                long before = l.ledger.segment(item, s, prior);
                String label = names.get(s) + " " + item.label;
                l.out.tableRow(label, Figures.amount(now), Figures.amount(before), Figures.change(now, before));
                l.figure(item, names.get(s), current, Figures.amount(now), label);
                l.figure(item, names.get(s), prior, Figures.amount(before), label);
            }
        }
        l.out.columnWidth(110);
        l.out.space(8);
    }

    /** The column's year as printed: the calendar year its period ends in. */
    private String header(Period p) {
        return String.valueOf(l.company.calendar().quarterEnd(p.fiscalYear(), p.quarter()).getYear());
    }
}
