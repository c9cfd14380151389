package io.fincopilot.retrieval.entity;

import java.util.List;
import java.util.UUID;

/**
 * What to search for, inside the caller's organization.
 *
 * @param question the question or search text, as the person wrote it
 * @param documents only these documents (empty: all)
 * @param tags only documents with one of these tags (empty: all)
 * @param limit how many passages, 1 to 50
 * @param onePerPage at most one passage per page (the best)
 */
public record SearchQuery(String question, List<UUID> documents, List<String> tags, int limit, boolean onePerPage) {

    public static final int MAX_LIMIT = 50;

    public SearchQuery {
        documents = documents == null ? List.of() : java.util.Collections.unmodifiableList(new java.util.ArrayList<>(documents));
        tags = tags == null ? List.of() : java.util.Collections.unmodifiableList(new java.util.ArrayList<>(tags));
    }
}
