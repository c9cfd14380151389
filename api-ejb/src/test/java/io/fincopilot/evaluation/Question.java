package io.fincopilot.evaluation;

import java.util.List;

/**
 * One evaluation question with what a good answer holds and where the documents support it.
 *
 * @param company the company's key, or null when the question names a company the corpus lacks
 * @param target the filing a "within one document" run searches (null when none fits)
 * @param evidence every page that supports the answer, the primary one first (empty for abstentions)
 */
public record Question(String id, String text, Kind kind, String company, Expected expected, String target, List<EvidencePage> evidence) {

    public enum Kind {
        /** A figure from a statement the question names. */
        STATEMENT_FIGURE,
        /** A figure, the statement not named. */
        FIGURE,
        /** Whether a figure or margin rose or fell between two years: yes or no, with both values. */
        CHANGE,
        /** A segment's revenue or operating income. */
        SEGMENT,
        /** A risk the filing describes; the answer carries a fragment of its sentence. */
        RISK,
        /** The documents do not hold the answer: the expected outcome is abstention. */
        UNANSWERABLE
    }

    /** A page of a filing, by key, 1-based. */
    public record EvidencePage(String document, int page) {
    }

    public Question {
        evidence = List.copyOf(evidence);
    }
}
