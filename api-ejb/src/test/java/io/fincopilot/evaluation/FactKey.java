package io.fincopilot.evaluation;

/** A figure's identity across filings: a 10-K's prior-year column prints the same fact as the year before's 10-K. */
record FactKey(String company, Item item, String segment, Period period) {

    static FactKey of(Company company, Item item, Period period) {
        return new FactKey(company.key(), item, null, period);
    }

    static FactKey segment(Company company, Item item, String segment, Period period) {
        return new FactKey(company.key(), item, segment, period);
    }
}
