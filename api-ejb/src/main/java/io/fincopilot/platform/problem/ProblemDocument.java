package io.fincopilot.platform.problem;

import jakarta.annotation.Nullable;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A problem document as it goes over the wire ({@link Problem#toJson}), for the API document: the
 * RFC 9457 members, the request id, and the fields a validation failure names.
 */
@Schema(name = "Problem", description = "An RFC 9457 problem document (application/problem+json)")
public record ProblemDocument(
        @Schema(description = "What kind of problem, e.g. https://fincopilot.io/problems/not-found") String type,
        String title,
        int status,
        @Nullable String detail,
        @Nullable @Schema(description = "The path of the request (API keys redacted)") String instance,
        @Nullable @Schema(description = "Quote it when reporting a problem") String requestId,
        @Nullable @Schema(description = "Each invalid field of the request, for type .../validation")
        List<FieldError> errors) {

    @Schema(name = "FieldError")
    public record FieldError(String field, String message) {
    }
}
