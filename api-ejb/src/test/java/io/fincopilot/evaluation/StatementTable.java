package io.fincopilot.evaluation;

import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * Rows of a statement with one column per period, each printed figure recorded. The first row and
 * totals carry a dollar sign, as statements set them; outflows print in parentheses.
 */
final class StatementTable {

    private final FilingLayout layout;
    private final List<Period> columns;
    private boolean first = true;

    StatementTable(FilingLayout layout, List<Period> columns) {
        this.layout = layout;
        this.columns = List.copyOf(columns);
    }

    /** A label line without figures ("Current assets:"). */
    void label(String text) {
        layout.out.tableRow(text);
    }

    void row(Item item) {
        row(item, layout.company.label(item), false);
    }

    void total(Item item) {
        row(item, layout.company.label(item), true);
    }

    void row(Item item, String label, boolean total) {
        row(item, label, total, UnaryOperator.identity());
    }

    /** A balance printed on a flow statement ("Cash at end of year"): the instant each column's period ends. */
    void closingBalance(Item item, String label) {
        row(item, label, true, p -> Period.quarterEnd(p.fiscalYear(), p.quarter()));
    }

    /** The same, at the instant each column's period starts ("Cash at beginning of year" is last year's closing cash). */
    void openingBalance(Item item, String label) {
        row(item, label, false, EquityStatements::startOf);
    }

    void segment(Item item, int segment, String label) {
        String name = layout.company.segments().get(segment);
        List<String> cells = new ArrayList<>();
        for (Period period : columns) {
            String printed = Figures.amount(layout.ledger.segment(item, segment, period));
            cells.add(decorate(printed, false));
            layout.figure(item, name, period, printed, label);
        }
        layout.out.tableRow(label, cells.toArray(String[]::new));
        first = false;
    }

    private void row(Item item, String label, boolean total, UnaryOperator<Period> periodOf) {
        List<String> cells = new ArrayList<>();
        for (Period column : columns) {
            Period period = periodOf.apply(column);
            String printed = printed(item, period);
            cells.add(decorate(printed, total));
            layout.figure(item, null, period, printed, label);
        }
        layout.out.tableRow(label, cells.toArray(String[]::new));
        first = false;
    }

    private String printed(Item item, Period period) {
        if (item.isPerShare()) {
            return Figures.perShare(layout.ledger.eps(period));
        }
        long value = layout.ledger.value(item, period);
        return Figures.amount(item.isOutflow() ? -value : value);
    }

    private String decorate(String printed, boolean total) {
        return first || total ? Figures.dollars(printed, layout.company.style().detachedDollar()) : printed;
    }
}
