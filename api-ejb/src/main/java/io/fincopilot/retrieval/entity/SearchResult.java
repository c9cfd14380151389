package io.fincopilot.retrieval.entity;

import java.util.List;
import java.util.UUID;

/**
 * Passages, best first, and which documents were searched and why (all of the organization's, the
 * ones the caller named, or those a company, period or form in the question pointed at).
 * {@code unmatched} says what the question named that no document of the organization covers (a
 * company, a period), null when everything it named was found: an answer then abstains.
 */
public record SearchResult(List<Passage> passages, List<Searched> searched, String scope, String unmatched)
        implements java.io.Serializable {

    /** A document that was searched. */
    public record Searched(UUID id, String title) implements java.io.Serializable {
    }

    public SearchResult {
        passages = List.copyOf(passages);
        searched = List.copyOf(searched);
    }
}
