package io.fincopilot.answers.entity;

import java.util.List;

/**
 * What a provider answered: the text (citation numbers in brackets), its citations, whether it
 * abstained (the documents do not answer), and what it cost.
 */
public record Answer(String text, List<Citation> citations, boolean abstained, String provider, String model, int tokensIn,
        int tokensOut) implements java.io.Serializable {

    public Answer {
        citations = List.copyOf(citations);
    }
}
