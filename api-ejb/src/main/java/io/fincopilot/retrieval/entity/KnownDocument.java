package io.fincopilot.retrieval.entity;

import java.util.UUID;

/** A tenant's document as question focusing sees it: its profile, and its title and file name (which often name company, year and form). */
public record KnownDocument(UUID id, DocumentProfile profile, String title, String fileName) {

    public KnownDocument {
        if (id == null || profile == null) {
            throw new IllegalArgumentException("a known document has an id and a profile");
        }
    }
}
