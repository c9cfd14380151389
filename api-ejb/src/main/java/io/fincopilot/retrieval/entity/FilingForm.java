package io.fincopilot.retrieval.entity;

/** What kind of filing a document is: SEC forms, a glossy annual report, or anything else (earnings releases, slides). */
public enum FilingForm {
    TEN_K, TEN_Q, EIGHT_K, ANNUAL_REPORT, OTHER;

    /** How people and the API write it: 10-K, 10-Q, 8-K, annual report, other. */
    public String label() {
        return switch (this) {
            case TEN_K -> "10-K";
            case TEN_Q -> "10-Q";
            case EIGHT_K -> "8-K";
            case ANNUAL_REPORT -> "annual report";
            case OTHER -> "other";
        };
    }

    /** @throws IllegalArgumentException for a label that is none of {@link #label()}'s */
    public static FilingForm fromLabel(String label) {
        for (FilingForm form : values()) {
            if (form.label().equalsIgnoreCase(label.strip())) {
                return form;
            }
        }
        throw new IllegalArgumentException("not a form: " + label);
    }

    /** Annual forms print a year's figures with the prior year's beside them. */
    public boolean isAnnual() {
        return this == TEN_K || this == ANNUAL_REPORT;
    }
}
