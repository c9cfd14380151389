package io.fincopilot.ingestion.entity;

/** A text with its personal data replaced by marks such as {@code [EMAIL]}, and what was replaced. */
public record MaskedText(String text, PiiCounts counts) {
}
