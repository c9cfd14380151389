package io.fincopilot.ingestion.entity;

import java.util.List;

/**
 * What extraction read: the pages in order, and notes for the person who uploaded it about what was
 * repaired or left out on the way (for example "12 invalid UTF-8 byte sequences replaced").
 */
public record ExtractedDocument(DocumentType type, List<Page> pages, List<String> notes) {

    public ExtractedDocument {
        pages = List.copyOf(pages);
        notes = List.copyOf(notes);
    }

    public int pageCount() {
        return pages.size();
    }
}
