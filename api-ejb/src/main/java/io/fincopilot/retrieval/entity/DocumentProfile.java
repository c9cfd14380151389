package io.fincopilot.retrieval.entity;

import java.time.LocalDate;
import java.util.Set;
import java.util.TreeSet;

/**
 * What a document is, as far as its first pages and its name tell: whose filing, which form, which
 * period. Every field but the form may be null, and is when the signals are missing or disagree:
 * a wrong profile hides the right document from a question, a missing one only widens the search.
 *
 * @param company the registrant's name as printed ("3M COMPANY", "Apple Inc.")
 * @param ticker the trading symbol, when the cover or the file name gives one
 * @param fiscalYear the fiscal year the company names the period by (FY2022 may end in June or September 2022)
 * @param fiscalQuarter 1 to 4 for quarterly reports
 * @param periodEnd the last day of the period covered (for an 8-K, the date of the event reported)
 */
public record DocumentProfile(String company, String ticker, FilingForm form, Integer fiscalYear, Integer fiscalQuarter, LocalDate periodEnd) {

    public DocumentProfile {
        if (form == null) {
            throw new IllegalArgumentException("a profile's form is OTHER when unknown, never null");
        }
        if (fiscalQuarter != null && (fiscalQuarter < 1 || fiscalQuarter > 4)) {
            throw new IllegalArgumentException("a fiscal quarter is 1 to 4: " + fiscalQuarter);
        }
    }

    public static DocumentProfile unknown() {
        return new DocumentProfile(null, null, FilingForm.OTHER, null, null, null);
    }

    /**
     * The fiscal years the document may belong to: its own when known; else the year its period ends
     * in, and the year before when that is January or February (retailers name such years either
     * way: Walmart's fiscal 2020 ended January 31, 2020, Target's fiscal 2022 on January 28, 2023).
     * Empty when nothing is known.
     */
    public Set<Integer> candidateFiscalYears() {
        Set<Integer> years = new TreeSet<>();
        if (fiscalYear != null) {
            years.add(fiscalYear);
        } else if (periodEnd != null) {
            years.add(periodEnd.getYear());
            if (periodEnd.getMonthValue() <= 2) {
                years.add(periodEnd.getYear() - 1);
            }
        }
        return years;
    }
}
