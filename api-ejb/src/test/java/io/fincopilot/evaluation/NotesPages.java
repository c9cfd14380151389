package io.fincopilot.evaluation;

import static io.fincopilot.evaluation.Item.*;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * The notes, run on from page to page as filings set them (a page may open in the middle of a
 * note): policies, inventories, property, debt, income taxes, earnings per share and the segment
 * note, with tables whose totals repeat statement figures.
 */
final class NotesPages {

    private final FilingLayout l;
    private final Supplier<String> paragraphs;
    private final boolean interim;
    private int number;

    NotesPages(FilingLayout l, FilingProse prose, boolean interim) {
        this.l = l;
        this.paragraphs = prose.paragraphs(FilingProse.NOTES);
        this.interim = interim;
    }

    /**
     * @param balances the balance sheet dates the tables compare (most recent first)
     * @param flows the periods of the flow tables (taxes, earnings per share, segments)
     * @param prose paragraphs after each note's table
     */
    void write(List<Period> balances, List<Period> flows, ColumnHeader balanceHeader, ColumnHeader flowHeader, int prose) {
        l.newPage(Section.NOTES);
        l.out.title((interim ? "Notes to Condensed " : "Notes to ") + "Consolidated Financial Statements");
        l.mark((interim ? "Notes to Condensed " : "Notes to ") + "Consolidated Financial Statements");
        note(interim ? "Basis of Presentation" : "Summary of Significant Accounting Policies", prose + 1);
        if (interim) {
            Period lastYearEnd = balances.get(balances.size() - 1);
            l.flow("These condensed consolidated financial statements should be read in conjunction with the consolidated financial statements "
                    + "in our Annual Report on Form 10-K for the fiscal year ended "
                    + FiscalCalendar.format(l.company.calendar().yearEnd(lastYearEnd.fiscalYear())) + ".");
        }
        if (l.company.economics().inventory()) {
            note("Inventories", 0);
            split(balances, balanceHeader, INVENTORIES, new String[] {"Raw materials", "Work in process", "Finished goods"}, new double[] {0.3, 0.2},
                    "Total inventories");
            rest(prose);
        }
        if (!interim) {
            note("Property, Plant and Equipment", 0);
            property(balances, balanceHeader);
            rest(prose);
        }
        note("Debt", 0);
        split(balances, balanceHeader, TOTAL_DEBT, new String[] {"4.25% Senior Notes due 2027", "3.10% Senior Notes due 2031", "Term loan"},
                new double[] {0.4, 0.35}, "Total debt");
        StatementTable debt = new StatementTable(l, balances);
        debt.row(CURRENT_DEBT, "Less: current portion", false);
        debt.row(LONG_TERM_DEBT, "Long-term debt, net of current portion", false);
        rest(prose);
        if (!interim) {
            note("Income Taxes", 0);
            table(flows, flowHeader, t -> t.row(PRETAX_INCOME), t -> t.total(INCOME_TAX));
            rest(prose);
        }
        note("Earnings Per Share", 0);
        table(flows, flowHeader, t -> t.row(NET_INCOME, l.company.label(NET_INCOME), true), t -> t.row(SHARES_DILUTED, "Diluted weighted-average shares", false),
                t -> t.row(EPS_DILUTED, "Diluted earnings per share", true));
        rest(prose);
        note("Segment Information", 0);
        l.flow("We report " + l.company.segments().size() + " segments: " + String.join(", ", l.company.segments())
                + ". Our chief operating decision maker evaluates them on revenue and operating income.");
        segments(flows, flowHeader);
        rest(prose);
        note("Commitments and Contingencies", prose);
    }

    private void note(String title, int paragraphCount) {
        number++;
        l.heading("Note " + number + ". " + title);
        rest(paragraphCount);
    }

    private void rest(int paragraphCount) {
        for (int i = 0; i < paragraphCount; i++) {
            l.flow(paragraphs.get());
        }
    }

    @SafeVarargs
    private void table(List<Period> columns, ColumnHeader header, java.util.function.Consumer<StatementTable>... rows) {
        l.keep(30 + header.upper().size() * 14 + rows.length * 14);
        prepare(columns);
        header.draw(l.out);
        StatementTable t = new StatementTable(l, columns);
        for (var row : rows) {
            row.accept(t);
        }
        finish();
    }

    private void segments(List<Period> columns, ColumnHeader header) {
        List<String> names = l.company.segments();
        l.keep(60 + header.upper().size() * 14 + (names.size() * 2 + 5) * 14);
        prepare(columns);
        header.draw(l.out);
        StatementTable t = new StatementTable(l, columns);
        t.label("Revenue:");
        for (int s = 0; s < names.size(); s++) {
            t.segment(SEGMENT_REVENUE, s, names.get(s));
        }
        t.row(REVENUE, "Total " + l.company.label(REVENUE).toLowerCase(java.util.Locale.US).replace("total ", ""), true);
        t.label("Operating income:");
        for (int s = 0; s < names.size(); s++) {
            t.segment(SEGMENT_OPERATING_INCOME, s, names.get(s));
        }
        t.row(CORPORATE_EXPENSE);
        t.row(OPERATING_INCOME, "Total operating income", true);
        finish();
    }

    /** A balance broken into parts (the last takes the rest), then its total. */
    private void split(List<Period> columns, ColumnHeader header, Item item, String[] parts, double[] shares, String totalLabel) {
        l.keep(40 + header.upper().size() * 14 + (parts.length + 3) * 14);
        prepare(columns);
        header.draw(l.out);
        List<List<String>> cells = new ArrayList<>();
        for (int p = 0; p < parts.length; p++) {
            cells.add(new ArrayList<>());
        }
        for (Period period : columns) {
            long total = l.ledger.value(item, period);
            long left = total;
            for (int p = 0; p < parts.length; p++) {
                long part = p < shares.length ? Math.round(total * shares[p]) : left;
                left -= part;
                cells.get(p).add(Figures.amount(part));
            }
        }
        for (int p = 0; p < parts.length; p++) {
            l.out.tableRow(parts[p], cells.get(p).toArray(String[]::new));
        }
        new StatementTable(l, columns).row(item, totalLabel, true);
        finish();
    }

    private void property(List<Period> columns, ColumnHeader header) {
        l.keep(40 + header.upper().size() * 14 + 6 * 14);
        prepare(columns);
        header.draw(l.out);
        List<String> gross = new ArrayList<>();
        List<String> accumulated = new ArrayList<>();
        for (Period period : columns) {
            long net = l.ledger.value(PROPERTY, period);
            long depreciation = Math.round(net * 0.8);
            gross.add(Figures.amount(net + depreciation));
            accumulated.add(Figures.amount(-depreciation));
        }
        l.out.tableRow("Land, buildings, machinery and equipment, at cost", gross.toArray(String[]::new));
        l.out.tableRow("Less: accumulated depreciation", accumulated.toArray(String[]::new));
        new StatementTable(l, columns).row(PROPERTY, l.company.label(PROPERTY), true);
        finish();
    }

    private void prepare(List<Period> columns) {
        l.out.columnWidth(columns.size() > 3 ? 75 : columns.size() == 3 ? 95 : 110);
    }

    private void finish() {
        l.out.columnWidth(110);
        l.out.space(10);
    }
}
