package io.fincopilot.evaluation;

import java.util.Locale;

/** How statements print numbers: thousands separators, negatives in parentheses, cents, one-decimal percentages. */
final class Figures {

    private Figures() {
    }

    /** Zero prints as a dash, as statements print it. */
    static String amount(long value) {
        if (value == 0) {
            return "\u2014";
        }
        String digits = String.format(Locale.US, "%,d", Math.abs(value));
        return value < 0 ? "(" + digits + ")" : digits;
    }

    static String perShare(double value) {
        String digits = String.format(Locale.US, "%.2f", Math.abs(value));
        return value < 0 ? "(" + digits + ")" : digits;
    }

    static String percent(double value) {
        return String.format(Locale.US, "%.1f%%", value);
    }

    /** With a dollar sign, apart ("$ 1,234", as filings printed from HTML come out) or attached ("$1,234"). */
    static String dollars(String figure, boolean detached) {
        return detached ? "$ " + figure : "$" + figure;
    }

    /** The change from {@code prior} to {@code current} in percent, one decimal ("9.9%", "(3.2)%"). */
    static String change(long current, long prior) {
        double pct = Math.round((current - prior) * 1000.0 / Math.abs(prior)) / 10.0;
        String digits = String.format(Locale.US, "%.1f", Math.abs(pct));
        return pct < 0 ? "(" + digits + ")%" : digits + "%";
    }
}
