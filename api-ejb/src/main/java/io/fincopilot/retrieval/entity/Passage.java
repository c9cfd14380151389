package io.fincopilot.retrieval.entity;

import java.util.UUID;

/**
 * A passage retrieval found: a chunk of a document's ready version, where it sits (1-based page,
 * section heading, a table row's header line, the kind of page) and its fused score.
 */
public record Passage(UUID chunk, UUID document, String title, int version, int page, String section, String tableHeader,
        String text, String pageKind, double score) implements java.io.Serializable {

    public Passage withScore(double newScore) {
        return new Passage(chunk, document, title, version, page, section, tableHeader, text, pageKind, newScore);
    }

    /** The text with its table's header line in front, unless the text already holds it. */
    public String textWithHeader() {
        return tableHeader == null || tableHeader.isBlank() || text.contains(tableHeader) ? text : tableHeader + "\n" + text;
    }
}
