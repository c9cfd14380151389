package io.fincopilot.answers.entity;

import java.util.UUID;

/** Where an answer's statement comes from: a page of a document's version, and the passage quoted. */
public record Citation(int number, UUID document, String title, int version, int page, String quote, double score)
        implements java.io.Serializable {
}
