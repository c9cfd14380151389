package io.fincopilot.evaluation;

import static io.fincopilot.evaluation.Item.*;

import java.util.ArrayList;
import java.util.List;

/**
 * The statement of equity (a roll-forward in four columns: paid-in capital, retained earnings,
 * accumulated other comprehensive income, total) and the statement of comprehensive income. The
 * roll-forward has no line of years, so our PDF reader sees no table there: its rows come out as
 * paragraphs, as they do from many real filings.
 */
final class EquityStatements {

    private static final Item[] COLUMNS = {PAID_IN_CAPITAL, RETAINED_EARNINGS, ACCUMULATED_OCI, TOTAL_EQUITY};

    private EquityStatements() {
    }

    /** One block per period in {@code periods}: the opening balance, the period's changes, the closing balance. */
    static void equity(FilingLayout l, boolean interim, List<Period> periods) {
        Statements.start(l, Section.EQUITY, l.company.equityTitle(), interim, 4);
        l.out.columnWidth(90);
        l.out.boldRow("", "Common Stock", "", "Accumulated", "");
        l.out.boldRow("", "and Paid-in", "Retained", "Other", "Total");
        l.out.boldRow("", "Capital", "Earnings", "Comprehensive", "Equity");
        l.out.tableHeader("(in " + l.company.unit().word + ")", "", "", "Income (Loss)", "");
        Period opening = null;
        for (Period period : periods) {
            Period start = startOf(period);
            if (!start.equals(opening)) {
                balance(l, start);
            }
            change(l, l.company.label(NET_INCOME), NET_INCOME, period, 1, 3);
            change(l, "Other comprehensive income (loss)", OTHER_COMPREHENSIVE_INCOME, period, 2, 3);
            change(l, "Share-based compensation", SHARE_COMPENSATION, period, 0, 3);
            if (l.ledger.value(DIVIDENDS, period) > 0) {
                change(l, "Dividends declared", DIVIDENDS, period, 1, 3);
            }
            change(l, "Repurchases of common stock", REPURCHASES, period, 1, 3);
            opening = Period.quarterEnd(period.fiscalYear(), period.quarter());
            balance(l, opening);
        }
        Statements.end(l);
    }

    static void comprehensive(FilingLayout l, List<Period> columns) {
        Statements.start(l, Section.COMPREHENSIVE_INCOME, l.company.comprehensiveTitle(), false, columns.size());
        ColumnHeader.years(l.company, columns, "(in " + l.company.unit().word + ")").draw(l.out);
        StatementTable t = new StatementTable(l, columns);
        t.row(NET_INCOME, l.company.label(NET_INCOME), true);
        t.label("Other comprehensive income (loss), net of tax:");
        List<String> translation = new ArrayList<>();
        List<String> hedges = new ArrayList<>();
        List<String> comprehensive = new ArrayList<>();
        for (Period p : columns) {
            long oci = l.ledger.value(OTHER_COMPREHENSIVE_INCOME, p);
            long part = Math.round(oci * 0.7);
            translation.add(Figures.amount(part));
            hedges.add(Figures.amount(oci - part));
            comprehensive.add(Figures.dollars(Figures.amount(l.ledger.value(NET_INCOME, p) + oci), l.company.style().detachedDollar()));
        }
        l.out.tableRow("Foreign currency translation adjustments", translation.toArray(String[]::new));
        l.out.tableRow("Unrealized gains (losses) on cash flow hedges", hedges.toArray(String[]::new));
        t.row(OTHER_COMPREHENSIVE_INCOME, "Other comprehensive income (loss)", false);
        l.out.tableRow("Comprehensive income", comprehensive.toArray(String[]::new));
        Statements.end(l);
    }

    /** The instant a flow period starts from: the end of the quarter before its first. */
    static Period startOf(Period period) {
        int quarter = period.firstQuarter() - 1;
        return quarter == 0 ? Period.yearEnd(period.fiscalYear() - 1) : Period.quarterEnd(period.fiscalYear(), quarter);
    }

    private static void balance(FilingLayout l, Period at) {
        String label = "Balance at " + FiscalCalendar.format(l.company.calendar().quarterEnd(at.fiscalYear(), at.quarter()));
        String[] cells = new String[COLUMNS.length];
        for (int c = 0; c < COLUMNS.length; c++) {
            cells[c] = Figures.amount(l.ledger.value(COLUMNS[c], at));
            l.figure(COLUMNS[c], null, at, cells[c], label);
        }
        l.out.tableRow(label, cells);
    }

    /** A change printed in column {@code column} and in the total column; outflows negative. */
    private static void change(FilingLayout l, String label, Item item, Period period, int column, int total) {
        long value = l.ledger.value(item, period);
        String printed = Figures.amount(item.isOutflow() ? -value : value);
        String[] cells = {"", "", "", ""};
        cells[column] = printed;
        cells[total] = printed;
        l.out.tableRow(label, cells);
        l.figure(item, null, period, printed, label);
    }
}
