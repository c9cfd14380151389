package io.fincopilot.ingestion.sample;

import java.util.Locale;
import java.util.Random;

/**
 * The sample company's figures for two fiscal years, in thousands of dollars, drawn from a seed
 * and kept consistent where a reader would check (segments sum to revenue, gross profit minus
 * expenses is operating income, assets equal liabilities plus equity, cash flows add up).
 */
final class ReportFigures {

    static final String[] SEGMENTS = {"Freight", "Warehousing", "Brokerage"};

    /** Index 0 is the current year, 1 the prior year. */
    final long[][] segmentRevenue = new long[2][SEGMENTS.length];
    final long[][] segmentOperatingIncome = new long[2][SEGMENTS.length];
    final long[] revenue = new long[2];
    final long[] costOfServices = new long[2];
    final long[] grossProfit = new long[2];
    final long[] sga = new long[2];
    final long[] depreciation = new long[2];
    final long[] operatingIncome = new long[2];
    final long[] interest = new long[2];
    final long[] pretax = new long[2];
    final long[] taxes = new long[2];
    final long[] netIncome = new long[2];
    final long[] dilutedShares = new long[2];
    final long[] cash = new long[2];
    final long[] receivables = new long[2];
    final long[] prepaid = new long[2];
    final long[] property = new long[2];
    final long[] goodwill = new long[2];
    final long[] otherAssets = new long[2];
    final long[] payables = new long[2];
    final long[] accrued = new long[2];
    final long[] debt = new long[2];
    final long[] otherLiabilities = new long[2];
    final long[] shareBasedCompensation = new long[2];
    final long[] workingCapital = new long[2];
    final long[] operatingCashFlow = new long[2];
    final long[] capex = new long[2];
    final long[] acquisitions = new long[2];
    final long[] dividends = new long[2];
    final long[] repurchases = new long[2];
    final long[] debtRepayment = new long[2];
    final long[][] quarterlyRevenue = new long[2][4];

    ReportFigures(Random random) {
        long[] base = {520_000 + random.nextInt(180_000), 300_000 + random.nextInt(150_000), 150_000 + random.nextInt(100_000)};
        for (int s = 0; s < SEGMENTS.length; s++) {
            double growth = 0.03 + random.nextDouble() * 0.10;
            segmentRevenue[0][s] = base[s];
            segmentRevenue[1][s] = Math.round(base[s] / (1 + growth));
        }
        for (int y = 0; y < 2; y++) {
            for (int s = 0; s < SEGMENTS.length; s++) {
                revenue[y] += segmentRevenue[y][s];
            }
            costOfServices[y] = share(revenue[y], 0.62, 0.06, random);
            grossProfit[y] = revenue[y] - costOfServices[y];
            sga[y] = share(revenue[y], 0.13, 0.04, random);
            depreciation[y] = share(revenue[y], 0.04, 0.01, random);
            operatingIncome[y] = grossProfit[y] - sga[y] - depreciation[y];
            long left = operatingIncome[y];
            for (int s = 0; s < SEGMENTS.length - 1; s++) {
                segmentOperatingIncome[y][s] = Math.round(operatingIncome[y] * segmentRevenue[y][s] / (double) revenue[y]);
                left -= segmentOperatingIncome[y][s];
            }
            segmentOperatingIncome[y][SEGMENTS.length - 1] = left;
            interest[y] = 8_000 + random.nextInt(9_000);
            pretax[y] = operatingIncome[y] - interest[y];
            taxes[y] = Math.round(pretax[y] * (0.21 + random.nextDouble() * 0.04));
            netIncome[y] = pretax[y] - taxes[y];
            dilutedShares[y] = 47_000 + random.nextInt(3_000);
            for (int q = 0; q < 4; q++) {
                quarterlyRevenue[y][q] = q < 3 ? share(revenue[y], 0.24, 0.02, random) : revenue[y] - quarterlyRevenue[y][0] - quarterlyRevenue[y][1] - quarterlyRevenue[y][2];
            }
            shareBasedCompensation[y] = 9_000 + random.nextInt(6_000);
            workingCapital[y] = -15_000 + random.nextInt(20_000);
            operatingCashFlow[y] = netIncome[y] + depreciation[y] + shareBasedCompensation[y] + workingCapital[y];
            capex[y] = share(revenue[y], 0.07, 0.02, random);
            acquisitions[y] = y == 0 ? 0 : 40_000 + random.nextInt(40_000);
            dividends[y] = 20_000 + random.nextInt(5_000);
            repurchases[y] = 10_000 + random.nextInt(30_000);
            debtRepayment[y] = 15_000 + random.nextInt(25_000);
        }
        cash[1] = 90_000 + random.nextInt(60_000);
        cash[0] = cash[1] + netChangeInCash(0);
        for (int y = 0; y < 2; y++) {
            receivables[y] = share(revenue[y], 0.13, 0.02, random);
            prepaid[y] = share(revenue[y], 0.02, 0.01, random);
            property[y] = share(revenue[y], 0.45, 0.10, random);
            goodwill[y] = 180_000 + (y == 0 ? 60_000 : 0);
            otherAssets[y] = share(revenue[y], 0.03, 0.01, random);
            payables[y] = share(revenue[y], 0.08, 0.02, random);
            accrued[y] = share(revenue[y], 0.05, 0.01, random);
            debt[y] = 250_000 + random.nextInt(100_000);
            otherLiabilities[y] = share(revenue[y], 0.04, 0.01, random);
        }
    }

    private static long share(long of, double center, double spread, Random random) {
        return Math.round(of * (center + (random.nextDouble() - 0.5) * spread));
    }

    long currentAssets(int y) {
        return cash[y] + receivables[y] + prepaid[y];
    }

    long totalAssets(int y) {
        return currentAssets(y) + property[y] + goodwill[y] + otherAssets[y];
    }

    long currentLiabilities(int y) {
        return payables[y] + accrued[y];
    }

    long totalLiabilities(int y) {
        return currentLiabilities(y) + debt[y] + otherLiabilities[y];
    }

    long equity(int y) {
        return totalAssets(y) - totalLiabilities(y);
    }

    long investingCashFlow(int y) {
        return -capex[y] - acquisitions[y];
    }

    long financingCashFlow(int y) {
        return -dividends[y] - repurchases[y] - debtRepayment[y];
    }

    long netChangeInCash(int y) {
        return operatingCashFlow[y] + investingCashFlow(y) + financingCashFlow(y);
    }

    /** Thousands as a statement prints them: 1,204,611 or (12,007). */
    static String amount(long thousands) {
        String digits = String.format(Locale.US, "%,d", Math.abs(thousands));
        return thousands < 0 ? "(" + digits + ")" : digits;
    }

    /** A dollar figure in millions for prose: $1,204.6 million. */
    static String millions(long thousands) {
        return String.format(Locale.US, "$%,.1f million", thousands / 1000.0);
    }

    String dilutedEps(int y) {
        return String.format(Locale.US, "%.2f", netIncome[y] / (double) dilutedShares[y]);
    }
}
