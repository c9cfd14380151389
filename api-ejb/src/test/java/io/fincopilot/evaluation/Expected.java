package io.fincopilot.evaluation;

import java.util.List;

/**
 * What a correct answer holds.
 *
 * @param outcome FIGURE (a number), YES_NO (a judgement and the values behind it), SENTENCE (a risk
 *     described in words) or ABSTAIN
 * @param figure the number as a person would write it in the unit asked ("1,577", "1,234.6", "2.31", "41.2%")
 * @param value the same as a number, in {@code unit}
 * @param unit "USD millions", "USD thousands", "USD per share" or "percent"
 * @param printed how the evidence pages print it ("(1,577)" for an outflow), for checking the pages
 * @param parts for a total no statement prints (total debt on a balance sheet), the printed figures it adds up
 * @param yes for YES_NO, the judgement
 * @param values for YES_NO, the earlier and the later value, each as a figure
 * @param fragment for SENTENCE, words the answer must carry
 * @param explanation a one-line reference answer
 */
public record Expected(Outcome outcome, String figure, Double value, String unit, String printed, List<String> parts, Boolean yes,
        List<String> values, String fragment, String explanation) {

    public enum Outcome { FIGURE, YES_NO, SENTENCE, ABSTAIN }

    public Expected {
        values = values == null ? List.of() : List.copyOf(values);
        parts = parts == null ? List.of() : List.copyOf(parts);
    }

    Expected withParts(List<String> printedParts) {
        return new Expected(outcome, figure, value, unit, printed, printedParts, yes, values, fragment, explanation);
    }

    static Expected figure(String figure, double value, String unit, String printed, String explanation) {
        return new Expected(Outcome.FIGURE, figure, value, unit, printed, null, null, null, null, explanation);
    }

    static Expected yesNo(boolean yes, List<String> values, String unit, String explanation) {
        return new Expected(Outcome.YES_NO, null, null, unit, null, null, yes, values, null, explanation);
    }

    static Expected sentence(String fragment, String sentence) {
        return new Expected(Outcome.SENTENCE, null, null, null, null, null, null, null, fragment, sentence);
    }

    static Expected abstain(String why) {
        return new Expected(Outcome.ABSTAIN, null, null, null, null, null, null, null, null, why);
    }
}
