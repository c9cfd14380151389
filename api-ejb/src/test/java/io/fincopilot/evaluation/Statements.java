package io.fincopilot.evaluation;

import static io.fincopilot.evaluation.Item.*;

import java.util.List;
import java.util.Locale;

/**
 * The primary statements, each on its own page: income, balance sheet, cash flows. Quarterly
 * reports print them "condensed" and "(Unaudited)". Which columns and header lines they carry is
 * the caller's choice (see {@link ColumnHeader}).
 */
final class Statements {

    private Statements() {
    }

    /** {@code preamble}: lines above the title (a quarterly report's "PART I. FINANCIAL INFORMATION"). */
    static void income(FilingLayout l, boolean interim, List<Period> columns, ColumnHeader header, String... preamble) {
        start(l, Section.INCOME_STATEMENT, l.company.incomeTitle(), interim, columns.size(), preamble);
        header.draw(l.out);
        StatementTable t = new StatementTable(l, columns);
        t.row(REVENUE);
        t.row(COST_OF_REVENUE);
        t.total(GROSS_PROFIT);
        t.label("Operating expenses:");
        if (l.company.economics().researchRatio() > 0) {
            t.row(RESEARCH);
        }
        t.row(SGA);
        t.total(OPERATING_INCOME);
        t.row(INTEREST_EXPENSE);
        t.row(OTHER_INCOME);
        t.row(PRETAX_INCOME);
        t.row(INCOME_TAX);
        t.total(NET_INCOME);
        t.label("Earnings per share:");
        t.row(EPS_DILUTED, "Diluted", true);
        t.label("Weighted-average shares outstanding (in " + l.company.unit().word + "):");
        t.row(SHARES_DILUTED, "Diluted", false);
        end(l);
    }

    static void balance(FilingLayout l, boolean interim, List<Period> columns, ColumnHeader header) {
        start(l, Section.BALANCE_SHEET, l.company.balanceTitle(), interim, columns.size());
        header.draw(l.out);
        StatementTable t = new StatementTable(l, columns);
        t.label("ASSETS");
        t.label("Current assets:");
        t.row(CASH);
        t.row(RECEIVABLES);
        if (l.company.economics().inventory()) {
            t.row(INVENTORIES);
        }
        t.row(PREPAID);
        t.row(CURRENT_ASSETS);
        t.row(PROPERTY);
        t.row(GOODWILL);
        t.row(INTANGIBLES);
        t.row(OTHER_ASSETS);
        t.total(TOTAL_ASSETS);
        String equity = l.company.style().equityWord();
        t.label("LIABILITIES AND " + equity.toUpperCase(Locale.US) + " EQUITY");
        t.label("Current liabilities:");
        t.row(PAYABLES, l.company.label(PAYABLES), true);
        t.row(ACCRUED);
        t.row(CURRENT_DEBT);
        t.row(CURRENT_LIABILITIES);
        t.row(LONG_TERM_DEBT);
        t.row(OTHER_LIABILITIES);
        t.row(TOTAL_LIABILITIES);
        t.label("Commitments and contingencies");
        t.label(Character.toUpperCase(equity.charAt(0)) + equity.substring(1) + " equity:");
        t.row(PAID_IN_CAPITAL);
        t.row(RETAINED_EARNINGS);
        t.row(ACCUMULATED_OCI, "Accumulated other comprehensive income (loss)", false);
        t.row(TOTAL_EQUITY);
        t.total(LIABILITIES_AND_EQUITY);
        end(l);
    }

    static void cashFlows(FilingLayout l, boolean interim, List<Period> columns, ColumnHeader header) {
        start(l, Section.CASH_FLOW, l.company.cashFlowTitle(), interim, columns.size());
        header.draw(l.out);
        StatementTable t = new StatementTable(l, columns);
        t.label("Cash flows from operating activities:");
        t.row(NET_INCOME, l.company.label(NET_INCOME), true);
        t.label("Adjustments to reconcile net income to net cash provided by operating activities:");
        t.row(DEPRECIATION);
        t.row(SHARE_COMPENSATION);
        t.row(WORKING_CAPITAL);
        t.row(OPERATING_CASH_FLOW);
        t.label("Cash flows from investing activities:");
        t.row(CAPEX);
        t.row(ACQUISITIONS);
        t.row(OTHER_INVESTING);
        t.row(INVESTING_CASH_FLOW, "Net cash provided by (used in) investing activities", false);
        t.label("Cash flows from financing activities:");
        t.row(DEBT_PROCEEDS);
        t.row(DEBT_REPAYMENTS);
        if (l.ledger.value(DIVIDENDS, columns.get(0)) > 0) {
            t.row(DIVIDENDS);
        }
        t.row(REPURCHASES);
        t.row(FINANCING_CASH_FLOW, "Net cash provided by (used in) financing activities", false);
        t.row(NET_CHANGE_IN_CASH);
        t.openingBalance(CASH, "Cash and cash equivalents at beginning of period");
        t.closingBalance(CASH, "Cash and cash equivalents at end of period");
        end(l);
    }

    /** A statement's page: the company, the title ("Condensed" and "(Unaudited)" in quarterly reports). */
    static void start(FilingLayout l, Section section, String title, boolean interim, int columns, String... preamble) {
        l.newPage(section);
        for (String line : preamble) {
            l.out.heading(line);
        }
        boolean capitals = l.company.coverName().equals(l.company.coverName().toUpperCase(Locale.US));
        String full = interim ? "Condensed " + title : title;
        l.mark(full);
        l.out.centered(capitals ? l.company.coverName() : l.company.name(), 11, true);
        l.out.centered(capitals ? full.toUpperCase(Locale.US) : full, 12, true);
        if (interim) {
            l.out.centered("(Unaudited)", 9, false);
        }
        l.out.space(8);
        l.out.columnWidth(columns > 3 ? 75 : columns == 3 ? 95 : 110);
    }

    static void end(FilingLayout l) {
        l.out.space(10);
        l.out.paragraph(l.company.style().detachedDollar() ? "See accompanying notes to the consolidated financial statements."
                : "The accompanying notes are an integral part of these consolidated financial statements.");
        l.out.columnWidth(110);
    }
}
