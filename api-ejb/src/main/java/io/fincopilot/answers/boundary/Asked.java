package io.fincopilot.answers.boundary;

import io.fincopilot.answers.entity.Answer;
import io.fincopilot.retrieval.entity.SearchResult;

/** An answer with what was searched to make it, and how long it took. */
public record Asked(Answer answer, SearchResult found, long latencyMillis) {
}
