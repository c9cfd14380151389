package io.fincopilot.ingestion.entity;

/**
 * A passage to embed and cite. It never crosses a page, so its page is the citation.
 *
 * @param page the 1-based page it comes from
 * @param heading the section heading it sits under (possibly from an earlier page), or null
 * @param tableHeader for table rows, the table's header line, else null
 * @param text the passage itself, as quoted in citations
 * @param embeddedText what the model embeds: heading and header line, then the text
 * @param tokens the model's token count of {@code embeddedText}, special tokens included
 */
public record Chunk(int page, String heading, String tableHeader, String text, String embeddedText, int tokens) {
}
