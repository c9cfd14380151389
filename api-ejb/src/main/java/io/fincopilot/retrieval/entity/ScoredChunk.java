package io.fincopilot.retrieval.entity;

import java.util.UUID;

/** A chunk found by one ranking (vector or full text), with that ranking's score. */
public record ScoredChunk(UUID chunk, UUID document, double score) {
}
