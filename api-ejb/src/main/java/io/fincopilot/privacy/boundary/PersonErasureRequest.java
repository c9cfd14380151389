package io.fincopilot.privacy.boundary;

import jakarta.validation.constraints.NotNull;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Which person a tenant admin erases: their membership's id, as the people API shows it. */
public record PersonErasureRequest(@NotNull @Schema(description = "The person's id (GET /api/v1/people)") UUID person) {
}
