package io.fincopilot.evaluation;

/**
 * The period a figure belongs to: a fiscal year, one quarter (three months), the year to date
 * through a quarter, or the instant a quarter ends (balance sheet figures; quarter 4 is the
 * year's end).
 */
record Period(int fiscalYear, int quarter, Span span) {

    enum Span { YEAR, QUARTER, YEAR_TO_DATE, INSTANT }

    Period {
        if (quarter < 1 || quarter > 4 || span == Span.YEAR && quarter != 4 || span == Span.YEAR_TO_DATE && (quarter < 2 || quarter > 3)) {
            throw new IllegalArgumentException("no such period: " + fiscalYear + " Q" + quarter + " " + span);
        }
    }

    static Period year(int fiscalYear) {
        return new Period(fiscalYear, 4, Span.YEAR);
    }

    static Period quarter(int fiscalYear, int quarter) {
        return new Period(fiscalYear, quarter, Span.QUARTER);
    }

    /** Through the end of {@code quarter}: the first quarter's is the quarter itself, the fourth's the year. */
    static Period yearToDate(int fiscalYear, int quarter) {
        return quarter == 1 ? quarter(fiscalYear, 1) : quarter == 4 ? year(fiscalYear) : new Period(fiscalYear, quarter, Span.YEAR_TO_DATE);
    }

    static Period yearEnd(int fiscalYear) {
        return new Period(fiscalYear, 4, Span.INSTANT);
    }

    static Period quarterEnd(int fiscalYear, int quarter) {
        return new Period(fiscalYear, quarter, Span.INSTANT);
    }

    boolean isInstant() {
        return span == Span.INSTANT;
    }

    /** The first and last quarter a flow adds up. */
    int firstQuarter() {
        return span == Span.QUARTER ? quarter : 1;
    }

    /** A short key for JSON and messages: "FY2022", "FY2023-Q2", "FY2023-6M" (six months), "FY2022-end", "FY2023-Q2-end". */
    String key() {
        return switch (span) {
            case YEAR -> "FY" + fiscalYear;
            case QUARTER -> "FY" + fiscalYear + "-Q" + quarter;
            case YEAR_TO_DATE -> "FY" + fiscalYear + "-" + quarter * 3 + "M";
            case INSTANT -> quarter == 4 ? "FY" + fiscalYear + "-end" : "FY" + fiscalYear + "-Q" + quarter + "-end";
        };
    }
}
