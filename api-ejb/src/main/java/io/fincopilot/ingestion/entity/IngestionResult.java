package io.fincopilot.ingestion.entity;

import java.util.List;

/**
 * A document that went through every stage: what it is, its masked chunks and their vectors (one
 * per chunk, same order), the notes and PII counts to show its owner, and what each stage cost.
 */
public record IngestionResult(DocumentType type, int pageCount, List<String> notes, PiiCounts pii, List<Chunk> chunks,
        String model, List<float[]> embeddings, StageTimings timings) {

    public IngestionResult {
        notes = List.copyOf(notes);
        chunks = List.copyOf(chunks);
        embeddings = List.copyOf(embeddings);
        if (embeddings.size() != chunks.size()) {
            throw new IllegalArgumentException(embeddings.size() + " embeddings for " + chunks.size() + " chunks");
        }
    }
}
