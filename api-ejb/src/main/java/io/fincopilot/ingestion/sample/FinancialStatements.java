package io.fincopilot.ingestion.sample;

import static io.fincopilot.ingestion.sample.ReportFigures.amount;

import java.util.List;

/** The primary statements (pages 33 to 36) and the segment note's table, each figure recorded as a fact. */
final class FinancialStatements {

    private static final int CURRENT = AnnualReport.FISCAL_YEAR;
    private static final String[] YEARS = {String.valueOf(CURRENT), String.valueOf(CURRENT - 1)};

    private FinancialStatements() {
    }

    static void write(ReportWriter out, ReportFigures f, List<Fact> facts) {
        statement(out, "Consolidated Statements of Income", "(in thousands, except per-share data)");
        row(out, facts, "Revenue", f.revenue);
        row(out, facts, "Cost of services", f.costOfServices);
        row(out, facts, "Gross profit", f.grossProfit);
        row(out, facts, "Selling, general and administrative", f.sga);
        row(out, facts, "Depreciation and amortization", f.depreciation);
        row(out, facts, "Operating income", f.operatingIncome);
        row(out, facts, "Interest expense, net", f.interest);
        row(out, facts, "Income before income taxes", f.pretax);
        row(out, facts, "Provision for income taxes", f.taxes);
        row(out, facts, "Net income", f.netIncome);
        record(out, facts, "Diluted earnings per share (dollars)", f.dilutedEps(0), f.dilutedEps(1));
        row(out, facts, "Diluted shares outstanding", f.dilutedShares);
        footnote(out);

        statement(out, "Consolidated Balance Sheets", "(in thousands, as of December 31)");
        out.tableRow("Current assets:");
        row(out, facts, "Cash and cash equivalents", f.cash);
        row(out, facts, "Accounts receivable, net", f.receivables);
        row(out, facts, "Prepaid expenses and other", f.prepaid);
        row(out, facts, "Total current assets", f.currentAssets(0), f.currentAssets(1));
        row(out, facts, "Property and equipment, net", f.property);
        row(out, facts, "Goodwill", f.goodwill);
        row(out, facts, "Other assets", f.otherAssets);
        row(out, facts, "Total assets", f.totalAssets(0), f.totalAssets(1));
        out.tableRow("Liabilities and shareholders' equity:");
        row(out, facts, "Accounts payable", f.payables);
        row(out, facts, "Accrued liabilities", f.accrued);
        row(out, facts, "Total current liabilities", f.currentLiabilities(0), f.currentLiabilities(1));
        row(out, facts, "Long-term debt", f.debt);
        row(out, facts, "Other liabilities", f.otherLiabilities);
        row(out, facts, "Total liabilities", f.totalLiabilities(0), f.totalLiabilities(1));
        row(out, facts, "Total shareholders' equity", f.equity(0), f.equity(1));
        row(out, facts, "Total liabilities and shareholders' equity", f.totalAssets(0), f.totalAssets(1));
        footnote(out);

        statement(out, "Consolidated Statements of Cash Flows", "(in thousands)");
        row(out, facts, "Net income ", f.netIncome);
        row(out, facts, "Depreciation and amortization ", f.depreciation);
        row(out, facts, "Share-based compensation", f.shareBasedCompensation);
        row(out, facts, "Changes in working capital", f.workingCapital);
        row(out, facts, "Net cash provided by operating activities", f.operatingCashFlow);
        row(out, facts, "Capital expenditures", -f.capex[0], -f.capex[1]);
        row(out, facts, "Acquisitions, net of cash acquired", -f.acquisitions[0], -f.acquisitions[1]);
        row(out, facts, "Net cash used in investing activities", f.investingCashFlow(0), f.investingCashFlow(1));
        row(out, facts, "Dividends paid", -f.dividends[0], -f.dividends[1]);
        row(out, facts, "Repurchases of common stock", -f.repurchases[0], -f.repurchases[1]);
        row(out, facts, "Repayment of long-term debt", -f.debtRepayment[0], -f.debtRepayment[1]);
        row(out, facts, "Net cash used in financing activities", f.financingCashFlow(0), f.financingCashFlow(1));
        row(out, facts, "Net change in cash and cash equivalents", f.netChangeInCash(0), f.netChangeInCash(1));
        footnote(out);

        statement(out, "Quarterly Revenue (unaudited)", "(in thousands)");
        String[] quarters = {"First quarter", "Second quarter", "Third quarter", "Fourth quarter"};
        for (int q = 0; q < 4; q++) {
            row(out, facts, quarters[q] + " revenue", f.quarterlyRevenue[0][q], f.quarterlyRevenue[1][q]);
        }
        footnote(out);
    }

    static void segments(ReportWriter out, ReportFigures f, List<Fact> facts) {
        out.paragraph("We report three segments, each managed separately and reviewed by our chief operating decision maker.");
        out.tableHeader("(in thousands)", YEARS);
        for (int s = 0; s < ReportFigures.SEGMENTS.length; s++) {
            row(out, facts, ReportFigures.SEGMENTS[s] + " revenue", f.segmentRevenue[0][s], f.segmentRevenue[1][s]);
        }
        for (int s = 0; s < ReportFigures.SEGMENTS.length; s++) {
            row(out, facts, ReportFigures.SEGMENTS[s] + " operating income", f.segmentOperatingIncome[0][s], f.segmentOperatingIncome[1][s]);
        }
        out.space(12);
    }

    private static void statement(ReportWriter out, String title, String unit) {
        out.newPage();
        out.title(title);
        out.paragraph(AnnualReport.COMPANY + " and subsidiaries.");
        out.tableHeader(unit, YEARS);
    }

    private static void footnote(ReportWriter out) {
        out.space(12);
        out.paragraph("See accompanying notes to the consolidated financial statements.");
    }

    private static void row(ReportWriter out, List<Fact> facts, String label, long[] values) {
        row(out, facts, label, values[0], values[1]);
    }

    private static void row(ReportWriter out, List<Fact> facts, String label, long current, long prior) {
        record(out, facts, label, amount(current), amount(prior));
    }

    /** Labels repeated on a later statement carry a trailing space and are not facts twice. */
    private static void record(ReportWriter out, List<Fact> facts, String label, String current, String prior) {
        out.tableRow(label.strip(), current, prior);
        if (!label.endsWith(" ")) {
            facts.add(new Fact(label, CURRENT, current, out.page()));
            facts.add(new Fact(label, CURRENT - 1, prior, out.page()));
        }
    }
}
