package io.fincopilot.retrieval.boundary;

import io.fincopilot.retrieval.entity.SearchQuery;
import jakarta.annotation.Nullable;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * What a client sends to search (and, with more, to ask). Anything else in the request is ignored.
 * {@link Search} checks the same limits again for callers that are not the API (the console).
 */
public record SearchRequest(
        @NotBlank @Size(max = Search.MAX_QUESTION) String question,
        @Nullable @Size(max = Search.MAX_DOCUMENTS) @Schema(description = "Only these documents")
        List<@NotNull UUID> documentIds,
        @Nullable @Size(max = Search.MAX_TAGS) @Schema(description = "Only documents with one of these tags")
        List<@NotNull @Pattern(regexp = "[a-z0-9._-]{1,40}") String> tags,
        @Nullable @Min(1) @Max(SearchQuery.MAX_LIMIT) @Schema(description = "How many passages: 10 if not given")
        Integer limit,
        @Nullable @Schema(description = "At most one passage per page, the best") Boolean onePerPage) {

    public SearchQuery query() {
        return new SearchQuery(question, documentIds, tags, limit == null ? 10 : limit, Boolean.TRUE.equals(onePerPage));
    }
}
