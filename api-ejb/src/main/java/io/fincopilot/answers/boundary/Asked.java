package io.fincopilot.answers.boundary;

import io.fincopilot.answers.entity.Answer;
import io.fincopilot.retrieval.entity.SearchResult;

/**
 * An answer with what was searched to make it, how long it took, why it is the extractive answer
 * standing in for a remote model's (null when it is not), and whether it came from the cache.
 */
public record Asked(Answer answer, SearchResult found, long latencyMillis, String fallbackReason, boolean cached)
        implements java.io.Serializable {

    public boolean fallback() {
        return fallbackReason != null;
    }
}
