package io.fincopilot.documents.boundary;

import jakarta.annotation.Nullable;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** How a document was cut, as the index holds it: PII already masked. */
public record ChunkView(int seq, @Schema(description = "1-based, as a PDF viewer numbers pages") int page,
        @Nullable String heading, @Nullable @Schema(description = "For a table row, the table's header line") String tableHeader,
        @Schema(description = "The text as indexed") String text, int tokens, String model,
        @Schema(description = "Whether its embedding is stored yet") boolean embedded) {
}
