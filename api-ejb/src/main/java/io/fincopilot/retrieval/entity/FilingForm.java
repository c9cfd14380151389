package io.fincopilot.retrieval.entity;

/** What kind of filing a document is: SEC forms, a glossy annual report, or anything else (earnings releases, slides). */
public enum FilingForm {
    TEN_K, TEN_Q, EIGHT_K, ANNUAL_REPORT, OTHER;

    /** Annual forms print a year's figures with the prior year's beside them. */
    public boolean isAnnual() {
        return this == TEN_K || this == ANNUAL_REPORT;
    }
}
