package io.fincopilot.evaluation;

import static io.fincopilot.evaluation.Item.*;

import io.fincopilot.evaluation.Company.Economics;
import java.util.Random;

/**
 * Draws a ledger's base flows and balances quarter by quarter: revenue by segment with growth that
 * varies by year (some years fall), costs as drifting shares of revenue, cash flows, and balances
 * rolled forward. Two rules keep it plausible for any seed: new debt is raised when cash would fall
 * below about three weeks of revenue, and other long-term liabilities absorb what balances the
 * sheet, with other assets raised when they would fall below a floor.
 */
final class LedgerDraw {

    private final Ledger ledger;
    private final Economics e;
    private final Random random;

    LedgerDraw(Ledger ledger, Economics economics, Random random) {
        this.ledger = ledger;
        this.e = economics;
        this.random = random;
    }

    void draw() {
        double annual = e.revenue() / (1 + e.growth());
        double[] season = {0.24 + noise(0.01), 0.25 + noise(0.01), 0.25 + noise(0.01), 0};
        season[3] = 1 - season[0] - season[1] - season[2];
        double taxRate = 0.17 + random.nextDouble() * 0.07;
        double interestRate = 0.035 + random.nextDouble() * 0.015;
        double capexRatio = 0.04 + random.nextDouble() * 0.03;
        double dividendPerShare = e.researchRatio() > 0.15 && e.costRatio() < 0.3 ? 0 : 0.15 + random.nextDouble() * 0.35;
        long shares = e.revenue() > 100_000 ? 30_000 + random.nextInt(40_000) : 300 + random.nextInt(400);
        opening(annual);
        double[] weights = e.weights().stream().mapToDouble(Double::doubleValue).toArray();
        for (int year = Ledger.FIRST_YEAR; year <= Ledger.LAST_YEAR; year++) {
            annual *= 1 + e.growth() + noise(0.10);
            double costRatio = e.costRatio() + noise(0.03);
            for (int s = 0; s < weights.length; s++) {
                weights[s] *= 1 + noise(0.12);
            }
            boolean acquires = random.nextDouble() < 0.4;
            for (int q = 1; q <= 4; q++) {
                int i = Ledger.index(year, q);
                double revenue = annual * season[q - 1];
                revenue(i, revenue, weights);
                long rev = ledger.quarter(REVENUE, i);
                set(COST_OF_REVENUE, i, rev * (costRatio + noise(0.008)));
                set(RESEARCH, i, rev * e.researchRatio() * (1 + noise(0.08)));
                set(SGA, i, rev * (e.sgaRatio() + noise(0.01)));
                segmentIncome(i);
                long debt = ledger.instant(TOTAL_DEBT, i);
                set(INTEREST_EXPENSE, i, debt * interestRate / 4);
                set(OTHER_INCOME, i, rev * (0.001 + noise(0.008)));
                set(INCOME_TAX, i, ledger.quarter(PRETAX_INCOME, i) * taxRate);
                shares = Math.round(shares * (1 - 0.004 + noise(0.004)));
                ledger.flow(SHARES_DILUTED)[i] = shares;
                cashFlows(i, rev, capexRatio, dividendPerShare * shares, acquires && q == 2 ? annual * (0.02 + random.nextDouble() * 0.04) : 0);
                balances(i, rev);
            }
        }
    }

    private void opening(double annual) {
        put(CASH, 0, annual * (0.10 + random.nextDouble() * 0.08));
        put(RECEIVABLES, 0, annual * 0.15);
        put(INVENTORIES, 0, e.inventory() ? annual * e.costRatio() * 0.22 : 0);
        put(PREPAID, 0, annual * 0.025);
        put(PROPERTY, 0, annual * (0.25 + random.nextDouble() * 0.1));
        put(GOODWILL, 0, annual * (0.15 + random.nextDouble() * 0.15));
        put(INTANGIBLES, 0, annual * 0.12);
        put(PAYABLES, 0, annual * e.costRatio() * 0.13);
        put(ACCRUED, 0, annual * 0.06);
        long debt = Math.round(annual * (0.20 + random.nextDouble() * 0.15));
        put(CURRENT_DEBT, 0, debt * 0.06);
        put(LONG_TERM_DEBT, 0, debt - ledger.balance(CURRENT_DEBT)[0]);
        put(PAID_IN_CAPITAL, 0, annual * 0.25);
        put(RETAINED_EARNINGS, 0, annual * (0.25 + random.nextDouble() * 0.1));
        put(ACCUMULATED_OCI, 0, -annual * 0.02);
        put(OTHER_ASSETS, 0, annual * 0.05);
        put(OTHER_LIABILITIES, 0, 0);
        plug(0, annual / 4);
    }

    private void revenue(int i, double revenue, double[] weights) {
        double total = 0;
        for (double w : weights) {
            total += w;
        }
        for (int s = 0; s < weights.length; s++) {
            ledger.segmentRevenue()[s][i] = Math.round(revenue * weights[s] / total);
        }
    }

    /** Segment profit in proportion to revenue times margin; what is left of operating income is corporate cost. */
    private void segmentIncome(int i) {
        long operating = ledger.quarter(OPERATING_INCOME, i);
        long rev = ledger.quarter(REVENUE, i);
        long segmentsTotal = operating + Math.round(rev * 0.015);
        int count = e.segments().size();
        double[] w = new double[count];
        double total = 0;
        for (int s = 0; s < count; s++) {
            w[s] = ledger.segmentRevenue()[s][i] * e.margins().get(s) * (1 + noise(0.1));
            total += w[s];
        }
        long left = segmentsTotal;
        for (int s = 0; s < count - 1; s++) {
            ledger.segmentIncome()[s][i] = Math.round(segmentsTotal * w[s] / total);
            left -= ledger.segmentIncome()[s][i];
        }
        ledger.segmentIncome()[count - 1][i] = left;
    }

    private void cashFlows(int i, long rev, double capexRatio, double dividends, double acquisition) {
        set(DEPRECIATION, i, rev * (0.04 + noise(0.005)));
        set(SHARE_COMPENSATION, i, rev * (e.researchRatio() > 0.15 ? 0.04 : 0.012) * (1 + noise(0.1)));
        set(WORKING_CAPITAL, i, rev * (-0.005 + noise(0.04)));
        set(CAPEX, i, rev * capexRatio * (1 + noise(0.2)));
        set(ACQUISITIONS, i, acquisition);
        set(OTHER_INVESTING, i, rev * noise(0.008));
        set(DIVIDENDS, i, dividends / 4);
        set(REPURCHASES, i, rev * (0.01 + random.nextDouble() * 0.03));
        long debt = ledger.instant(TOTAL_DEBT, i);
        set(DEBT_REPAYMENTS, i, debt * 0.015);
        set(DEBT_PROCEEDS, i, random.nextDouble() < 0.12 ? rev * (0.15 + random.nextDouble() * 0.2) : 0);
        long cash = ledger.balance(CASH)[i] + ledger.quarter(NET_CHANGE_IN_CASH, i);
        long floor = Math.round(rev * 0.25);
        if (cash < floor) {
            // rounded up to a multiple of 25 units, as a note issue would be
            ledger.flow(DEBT_PROCEEDS)[i] += (floor - cash + 24) / 25 * 25;
        }
        set(OTHER_COMPREHENSIVE_INCOME, i, rev * (-0.001 + noise(0.01)));
    }

    private void balances(int i, long rev) {
        int b = i + 1;
        put(CASH, b, ledger.balance(CASH)[i] + ledger.quarter(NET_CHANGE_IN_CASH, i));
        put(RECEIVABLES, b, rev * (0.62 + noise(0.08)));
        put(INVENTORIES, b, e.inventory() ? ledger.quarter(COST_OF_REVENUE, i) * (0.85 + noise(0.15)) : 0);
        put(PREPAID, b, rev * (0.10 + noise(0.02)));
        long depreciation = ledger.flow(DEPRECIATION)[i];
        long amortization = Math.round(depreciation * 0.25);
        long acquired = ledger.flow(ACQUISITIONS)[i];
        put(PROPERTY, b, ledger.balance(PROPERTY)[i] + ledger.flow(CAPEX)[i] - (depreciation - amortization));
        put(GOODWILL, b, ledger.balance(GOODWILL)[i] + Math.round(acquired * 0.6));
        put(INTANGIBLES, b, Math.max(0, ledger.balance(INTANGIBLES)[i] + Math.round(acquired * 0.35) - amortization));
        put(PAYABLES, b, ledger.quarter(COST_OF_REVENUE, i) * (0.52 + noise(0.06)));
        put(ACCRUED, b, rev * (0.25 + noise(0.04)));
        long debt = ledger.instant(TOTAL_DEBT, i) + ledger.flow(DEBT_PROCEEDS)[i] - ledger.flow(DEBT_REPAYMENTS)[i];
        put(CURRENT_DEBT, b, debt * 0.06);
        put(LONG_TERM_DEBT, b, debt - ledger.balance(CURRENT_DEBT)[b]);
        put(PAID_IN_CAPITAL, b, ledger.balance(PAID_IN_CAPITAL)[i] + ledger.flow(SHARE_COMPENSATION)[i]);
        put(RETAINED_EARNINGS, b, ledger.balance(RETAINED_EARNINGS)[i] + ledger.quarter(NET_INCOME, i) - ledger.flow(DIVIDENDS)[i]
                - ledger.flow(REPURCHASES)[i]);
        put(ACCUMULATED_OCI, b, ledger.balance(ACCUMULATED_OCI)[i] + ledger.flow(OTHER_COMPREHENSIVE_INCOME)[i]);
        put(OTHER_ASSETS, b, rev * 0.2);
        plug(b, rev);
    }

    /** Other long-term liabilities balance the sheet, but never below 30% of a quarter's revenue. */
    private void plug(int b, double rev) {
        long floor = Math.round(rev * 0.3);
        long assets = ledger.instant(TOTAL_ASSETS, b);
        long other = assets - ledger.instant(TOTAL_EQUITY, b) - ledger.instant(CURRENT_LIABILITIES, b) - ledger.balance(LONG_TERM_DEBT)[b];
        if (other < floor) {
            ledger.balance(OTHER_ASSETS)[b] += floor - other;
            other = floor;
        }
        ledger.balance(OTHER_LIABILITIES)[b] = other;
    }

    private void set(Item item, int i, double value) {
        ledger.flow(item)[i] = Math.round(value);
    }

    private void put(Item item, int b, double value) {
        ledger.balance(item)[b] = Math.round(value);
    }

    /** Uniform in [-spread/2, spread/2). */
    private double noise(double spread) {
        return (random.nextDouble() - 0.5) * spread;
    }
}
