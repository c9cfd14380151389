package io.fincopilot.tenancy.boundary;

import jakarta.annotation.Nullable;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The answer provider an organization's questions go to; null (or absent) for the platform's. */
public record AnswerProviderChoice(
        @Nullable @Schema(enumeration = {"extractive", "openai", "anthropic"},
                description = "One the platform has configured; null for the platform's own choice") String provider) {
}
