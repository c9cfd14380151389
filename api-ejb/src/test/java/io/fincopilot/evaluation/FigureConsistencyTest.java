package io.fincopilot.evaluation;

import static io.fincopilot.evaluation.Item.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The figures agree wherever a reader would check, in every period the filings print, and change from year to year. */
class FigureConsistencyTest {

    private final EvaluationCorpus corpus = CorpusFixture.corpus();

    @Test
    void incomeStatementsAddUp() {
        forEachPeriod((c, l, p) -> {
            assertEquals(l.value(REVENUE, p) - l.value(COST_OF_REVENUE, p), l.value(GROSS_PROFIT, p), c.key() + " " + p.key());
            assertEquals(l.value(GROSS_PROFIT, p) - l.value(RESEARCH, p) - l.value(SGA, p), l.value(OPERATING_INCOME, p));
            assertEquals(l.value(OPERATING_INCOME, p) - l.value(INTEREST_EXPENSE, p) + l.value(OTHER_INCOME, p), l.value(PRETAX_INCOME, p));
            assertEquals(l.value(PRETAX_INCOME, p) - l.value(INCOME_TAX, p), l.value(NET_INCOME, p));
            long segments = 0;
            long segmentIncome = 0;
            for (int s = 0; s < c.segments().size(); s++) {
                segments += l.segment(SEGMENT_REVENUE, s, p);
                segmentIncome += l.segment(SEGMENT_OPERATING_INCOME, s, p);
            }
            assertEquals(l.value(REVENUE, p), segments);
            assertEquals(l.value(OPERATING_INCOME, p), segmentIncome + l.value(CORPORATE_EXPENSE, p));
            assertTrue(l.value(CORPORATE_EXPENSE, p) < 0 && l.value(NET_INCOME, p) > 0, c.key() + " " + p.key());
            assertEquals(Math.round(l.value(NET_INCOME, p) * 100.0 / l.value(SHARES_DILUTED, p)) / 100.0, l.eps(p));
        });
    }

    @Test
    void cashFlowsAddUpToTheChangeInCash() {
        forEachPeriod((c, l, p) -> {
            assertEquals(l.value(NET_INCOME, p) + l.value(DEPRECIATION, p) + l.value(SHARE_COMPENSATION, p) + l.value(WORKING_CAPITAL, p),
                    l.value(OPERATING_CASH_FLOW, p));
            assertEquals(l.value(OPERATING_CASH_FLOW, p) + l.value(INVESTING_CASH_FLOW, p) + l.value(FINANCING_CASH_FLOW, p), l.value(NET_CHANGE_IN_CASH, p));
            assertEquals(l.value(CASH, EquityStatements.startOf(p)) + l.value(NET_CHANGE_IN_CASH, p), l.value(CASH, end(p)), c.key() + " " + p.key());
        });
    }

    @Test
    void balanceSheetsBalanceAndEquityRollsForward() {
        forEachPeriod((c, l, p) -> {
            Period at = end(p);
            assertEquals(l.value(TOTAL_ASSETS, at), l.value(LIABILITIES_AND_EQUITY, at), c.key() + " " + at.key());
            assertTrue(l.value(CASH, at) > 0 && l.value(OTHER_LIABILITIES, at) > 0 && l.value(TOTAL_EQUITY, at) > 0, c.key() + " " + at.key());
            Period start = EquityStatements.startOf(p);
            assertEquals(l.value(TOTAL_EQUITY, start) + l.value(NET_INCOME, p) + l.value(OTHER_COMPREHENSIVE_INCOME, p) + l.value(SHARE_COMPENSATION, p)
                    - l.value(DIVIDENDS, p) - l.value(REPURCHASES, p), l.value(TOTAL_EQUITY, at));
        });
    }

    @Test
    void quartersAddUpToYearsAndYearsChange() {
        for (Company c : Companies.ALL) {
            Ledger l = corpus.ledger(c.key());
            for (int fy = Ledger.FIRST_YEAR; fy <= Ledger.LAST_YEAR; fy++) {
                long quarters = 0;
                for (int q = 1; q <= 4; q++) {
                    quarters += l.value(REVENUE, Period.quarter(fy, q));
                }
                assertEquals(l.value(REVENUE, Period.year(fy)), quarters);
                assertEquals(l.value(NET_INCOME, Period.yearToDate(fy, 3)) + l.value(NET_INCOME, Period.quarter(fy, 4)), l.value(NET_INCOME, Period.year(fy)));
                if (fy > Ledger.FIRST_YEAR) {
                    for (Item item : new Item[] {REVENUE, NET_INCOME, CAPEX, TOTAL_ASSETS}) {
                        Period now = item == TOTAL_ASSETS ? Period.yearEnd(fy) : Period.year(fy);
                        Period before = item == TOTAL_ASSETS ? Period.yearEnd(fy - 1) : Period.year(fy - 1);
                        assertNotEquals(l.value(item, before), l.value(item, now), c.key() + " " + item + " " + fy);
                    }
                }
            }
        }
    }

    /** A fact printed in several filings (a prior-year column, an MD&A table) is printed the same way everywhere. */
    @Test
    void aFactPrintsTheSameInEveryFiling() {
        Map<FactKey, String> seen = new HashMap<>();
        int repeated = 0;
        for (Filing f : corpus.filings()) {
            for (PrintedFigure figure : f.figures()) {
                FactKey key = new FactKey(f.company().key(), figure.item(), figure.segment(), figure.period());
                String digits = figure.printed().replaceAll("[()]", "");
                String before = seen.putIfAbsent(key, digits);
                if (before != null) {
                    assertEquals(before, digits, key + " in " + f.key() + " page " + figure.page());
                    repeated++;
                }
            }
        }
        assertTrue(repeated > 1000, repeated + " repeated facts");
    }

    private interface PeriodCheck {
        void check(Company c, Ledger l, Period p);
    }

    /** Every flow period the filings print: years, the 10-Qs' quarters and years to date. */
    private void forEachPeriod(PeriodCheck check) {
        for (Filing f : corpus.filings()) {
            Company c = f.company();
            Ledger l = corpus.ledger(c.key());
            for (PrintedFigure figure : f.figures()) {
                if (!figure.period().isInstant()) {
                    check.check(c, l, figure.period());
                }
            }
        }
    }

    private static Period end(Period p) {
        return Period.quarterEnd(p.fiscalYear(), p.quarter());
    }
}
