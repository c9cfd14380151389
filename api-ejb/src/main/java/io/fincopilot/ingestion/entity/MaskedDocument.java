package io.fincopilot.ingestion.entity;

/** An extracted document after masking: same pages and blocks, masked text, and the counts by kind. */
public record MaskedDocument(ExtractedDocument document, PiiCounts counts) {
}
