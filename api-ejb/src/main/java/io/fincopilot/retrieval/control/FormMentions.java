package io.fincopilot.retrieval.control;

import io.fincopilot.retrieval.entity.FilingForm;
import java.util.EnumSet;
import java.util.Set;
import java.util.regex.Pattern;

/** The forms a question names: "10-K" or "annual report", "10-Q" or "quarterly report", "8-K", "earnings release". */
final class FormMentions {

    private static final Pattern TEN_K = Pattern.compile("(?i)(?<![\\w-])10-?k(?![\\w])|\\bannual\\s+(?:report|filing)s?\\b");
    private static final Pattern ANNUAL_REPORT = Pattern.compile("(?i)\\bannual\\s+reports?\\b");
    private static final Pattern TEN_Q = Pattern.compile("(?i)(?<![\\w-])10-?q(?![\\w])|\\bquarterly\\s+(?:report|filing|statement)s?\\b");
    private static final Pattern EIGHT_K = Pattern.compile("(?i)(?<![\\w-])8-?k(?![\\w])|\\b(?:earnings|press)\\s+releases?\\b");

    private FormMentions() {
    }

    static Set<FilingForm> of(String question) {
        Set<FilingForm> forms = EnumSet.noneOf(FilingForm.class);
        if (TEN_K.matcher(question).find()) {
            forms.add(FilingForm.TEN_K);
        }
        if (ANNUAL_REPORT.matcher(question).find()) {
            forms.add(FilingForm.ANNUAL_REPORT);
        }
        if (TEN_Q.matcher(question).find()) {
            forms.add(FilingForm.TEN_Q);
        }
        if (EIGHT_K.matcher(question).find()) {
            forms.add(FilingForm.EIGHT_K);
            if (question.toLowerCase().contains("release")) {
                forms.add(FilingForm.OTHER);
            }
        }
        return forms;
    }
}
