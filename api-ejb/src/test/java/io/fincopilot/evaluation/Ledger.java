package io.fincopilot.evaluation;

import static io.fincopilot.evaluation.Item.*;

import io.fincopilot.evaluation.Company.Economics;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * A company's books for fiscal years {@value #FIRST_YEAR} to {@value #LAST_YEAR}, quarter by quarter,
 * drawn from a seed. Only base flows and balances are stored; every total is computed from them by
 * the same formula for a quarter, a year to date or a year, so the statements agree wherever a
 * reader checks: segments add up to revenue and operating income, gross profit is revenue less
 * cost, cash flows add up to the change in cash, the balance sheet balances and equity rolls forward.
 */
final class Ledger {

    static final int FIRST_YEAR = 2019;
    static final int LAST_YEAR = 2023;
    private static final int QUARTERS = (LAST_YEAR - FIRST_YEAR + 1) * 4;

    private final Map<Item, long[]> flows = new EnumMap<>(Item.class);
    /** Balances at the end of each quarter; index 0 is the end of fiscal {@value #FIRST_YEAR} - 1. */
    private final Map<Item, long[]> balances = new EnumMap<>(Item.class);
    private final long[][] segmentRevenue;
    private final long[][] segmentIncome;

    Ledger(Company company, Random random) {
        Economics e = company.economics();
        int segments = e.segments().size();
        segmentRevenue = new long[segments][QUARTERS];
        segmentIncome = new long[segments][QUARTERS];
        for (Item item : List.of(COST_OF_REVENUE, RESEARCH, SGA, INTEREST_EXPENSE, OTHER_INCOME, INCOME_TAX, SHARES_DILUTED, DEPRECIATION,
                SHARE_COMPENSATION, WORKING_CAPITAL, CAPEX, ACQUISITIONS, OTHER_INVESTING, DEBT_PROCEEDS, DEBT_REPAYMENTS, DIVIDENDS, REPURCHASES,
                OTHER_COMPREHENSIVE_INCOME)) {
            flows.put(item, new long[QUARTERS]);
        }
        for (Item item : List.of(CASH, RECEIVABLES, INVENTORIES, PREPAID, PROPERTY, GOODWILL, INTANGIBLES, OTHER_ASSETS, PAYABLES, ACCRUED,
                CURRENT_DEBT, LONG_TERM_DEBT, OTHER_LIABILITIES, PAID_IN_CAPITAL, RETAINED_EARNINGS, ACCUMULATED_OCI)) {
            balances.put(item, new long[QUARTERS + 1]);
        }
        new LedgerDraw(this, e, random).draw();
    }

    long[] flow(Item item) {
        return flows.get(item);
    }

    long[] balance(Item item) {
        return balances.get(item);
    }

    long[][] segmentRevenue() {
        return segmentRevenue;
    }

    long[][] segmentIncome() {
        return segmentIncome;
    }

    static int index(int fiscalYear, int quarter) {
        if (fiscalYear < FIRST_YEAR || fiscalYear > LAST_YEAR) {
            throw new IllegalArgumentException("the books cover fiscal " + FIRST_YEAR + " to " + LAST_YEAR + ", not " + fiscalYear);
        }
        return (fiscalYear - FIRST_YEAR) * 4 + quarter - 1;
    }

    /** A figure in the company's unit (per-share and percentage items: see {@link #eps} and {@link #margin}). */
    long value(Item item, Period period) {
        if (item.statement == Item.Statement.BALANCE_SHEET) {
            if (!period.isInstant()) {
                throw new IllegalArgumentException(item + " is a balance, not a flow over " + period.key());
            }
            // the opening balance (end of the year before the first) is printed as an equity statement's first row
            return instant(item, period.fiscalYear() == FIRST_YEAR - 1 && period.quarter() == 4 ? 0 : index(period.fiscalYear(), period.quarter()) + 1);
        }
        if (item == SHARES_DILUTED) {
            return Math.round(sum(item, period) / (double) (period.quarter() - period.firstQuarter() + 1));
        }
        long total = 0;
        for (int i = index(period.fiscalYear(), period.firstQuarter()); i <= index(period.fiscalYear(), period.quarter()); i++) {
            total += quarter(item, i);
        }
        return total;
    }

    long segment(Item item, int segment, Period period) {
        long[] values = (item == SEGMENT_REVENUE ? segmentRevenue : segmentIncome)[segment];
        long total = 0;
        for (int i = index(period.fiscalYear(), period.firstQuarter()); i <= index(period.fiscalYear(), period.quarter()); i++) {
            total += values[i];
        }
        return total;
    }

    /** Diluted earnings per share in dollars, rounded to cents as printed. */
    double eps(Period period) {
        return Math.round(value(NET_INCOME, period) * 100.0 / value(SHARES_DILUTED, period)) / 100.0;
    }

    /** Gross or operating margin in percent, to one decimal as printed. */
    double margin(Item item, Period period) {
        long numerator = value(item == GROSS_MARGIN ? GROSS_PROFIT : OPERATING_INCOME, period);
        return Math.round(numerator * 1000.0 / value(REVENUE, period)) / 10.0;
    }

    private long sum(Item item, Period period) {
        long total = 0;
        for (int i = index(period.fiscalYear(), period.firstQuarter()); i <= index(period.fiscalYear(), period.quarter()); i++) {
            total += flows.get(item)[i];
        }
        return total;
    }

    /** One quarter of a flow, base or computed. */
    long quarter(Item item, int i) {
        return switch (item) {
            case REVENUE -> column(segmentRevenue, i);
            case GROSS_PROFIT -> quarter(REVENUE, i) - quarter(COST_OF_REVENUE, i);
            case OPERATING_INCOME -> quarter(GROSS_PROFIT, i) - quarter(RESEARCH, i) - quarter(SGA, i);
            case CORPORATE_EXPENSE -> quarter(OPERATING_INCOME, i) - column(segmentIncome, i);
            case PRETAX_INCOME -> quarter(OPERATING_INCOME, i) - quarter(INTEREST_EXPENSE, i) + quarter(OTHER_INCOME, i);
            case NET_INCOME -> quarter(PRETAX_INCOME, i) - quarter(INCOME_TAX, i);
            case OPERATING_CASH_FLOW -> quarter(NET_INCOME, i) + quarter(DEPRECIATION, i) + quarter(SHARE_COMPENSATION, i) + quarter(WORKING_CAPITAL, i);
            case INVESTING_CASH_FLOW -> -quarter(CAPEX, i) - quarter(ACQUISITIONS, i) + quarter(OTHER_INVESTING, i);
            case FINANCING_CASH_FLOW -> quarter(DEBT_PROCEEDS, i) - quarter(DEBT_REPAYMENTS, i) - quarter(DIVIDENDS, i) - quarter(REPURCHASES, i);
            case NET_CHANGE_IN_CASH -> quarter(OPERATING_CASH_FLOW, i) + quarter(INVESTING_CASH_FLOW, i) + quarter(FINANCING_CASH_FLOW, i);
            default -> {
                long[] values = flows.get(item);
                if (values == null) {
                    throw new IllegalArgumentException(item + " is not a flow");
                }
                yield values[i];
            }
        };
    }

    /** A balance at index {@code b} (0 is the opening), base or computed. */
    long instant(Item item, int b) {
        return switch (item) {
            case CURRENT_ASSETS -> instant(CASH, b) + instant(RECEIVABLES, b) + instant(INVENTORIES, b) + instant(PREPAID, b);
            case TOTAL_ASSETS -> instant(CURRENT_ASSETS, b) + instant(PROPERTY, b) + instant(GOODWILL, b) + instant(INTANGIBLES, b) + instant(OTHER_ASSETS, b);
            case CURRENT_LIABILITIES -> instant(PAYABLES, b) + instant(ACCRUED, b) + instant(CURRENT_DEBT, b);
            case TOTAL_LIABILITIES -> instant(CURRENT_LIABILITIES, b) + instant(LONG_TERM_DEBT, b) + instant(OTHER_LIABILITIES, b);
            case TOTAL_EQUITY -> instant(PAID_IN_CAPITAL, b) + instant(RETAINED_EARNINGS, b) + instant(ACCUMULATED_OCI, b);
            case LIABILITIES_AND_EQUITY -> instant(TOTAL_LIABILITIES, b) + instant(TOTAL_EQUITY, b);
            case TOTAL_DEBT -> instant(CURRENT_DEBT, b) + instant(LONG_TERM_DEBT, b);
            default -> {
                long[] values = balances.get(item);
                if (values == null) {
                    throw new IllegalArgumentException(item + " is not a balance");
                }
                yield values[b];
            }
        };
    }

    private static long column(long[][] rows, int i) {
        long total = 0;
        for (long[] row : rows) {
            total += row[i];
        }
        return total;
    }
}
