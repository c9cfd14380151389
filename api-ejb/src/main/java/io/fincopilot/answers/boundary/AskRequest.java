package io.fincopilot.answers.boundary;

import io.fincopilot.retrieval.boundary.Search;
import io.fincopilot.retrieval.entity.SearchQuery;
import jakarta.annotation.Nullable;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A question, optionally only about some documents. Anything else in the request is ignored. */
public record AskRequest(
        @NotBlank @Size(max = Search.MAX_QUESTION) String question,
        @Nullable @Size(max = Search.MAX_DOCUMENTS) @Schema(description = "Only these documents")
        List<@NotNull UUID> documentIds,
        @Nullable @Size(max = Search.MAX_TAGS) @Schema(description = "Only documents with one of these tags")
        List<@NotNull @Pattern(regexp = "[a-z0-9._-]{1,40}") String> tags,
        @Nullable @Schema(description = "Send the answer as server-sent events: text events as it is written, then "
                + "citations, then done (the whole answer, usage, fallback); a restart event means: drop the text so far, "
                + "the extractive answer follows; error carries a problem if it could not be completed") Boolean stream) {

    public boolean streamed() {
        return Boolean.TRUE.equals(stream);
    }

    public SearchQuery query() {
        return new SearchQuery(question, documentIds, tags, Ask.PASSAGES, false);
    }
}
