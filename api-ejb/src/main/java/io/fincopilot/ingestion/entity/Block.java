package io.fincopilot.ingestion.entity;

/**
 * A unit of a page's text in reading order. Kept apart by kind because chunking treats them
 * differently: a heading names the section its followers sit under, a table row is read with its
 * table's header line.
 */
public sealed interface Block permits Heading, Paragraph, TableRow {

    /** The block's own text, never null. */
    String text();

    /** The same kind of block with another text (PII masking rewrites text, never structure). */
    Block withText(java.util.function.UnaryOperator<String> rewrite);
}
