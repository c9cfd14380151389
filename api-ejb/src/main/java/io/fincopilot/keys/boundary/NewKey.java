package io.fincopilot.keys.boundary;

import jakarta.annotation.Nullable;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import java.time.Instant;
import java.util.List;
import java.util.Set;

/** What a tenant admin gives to create an API key. Anything else in the request is ignored. */
public record NewKey(
        @NotBlank @Size(max = 100) String name,
        @Schema(description = "Any of documents:read, documents:write, ask, usage:read, audit:read")
        @NotEmpty(message = "must name at least one scope") Set<@NotBlank String> scopes,
        @Nullable @Schema(description = "When the key stops working; never if not given") Instant expiresAt,
        @Nullable @Schema(description = "Addresses or CIDR ranges the key may be used from; anywhere if not given")
        @Size(max = 50) List<@NotBlank String> ipAllowList,
        @Nullable @Schema(description = "Lower than the plan's limit; the plan's if not given")
        @Positive Integer rateLimitPerMinute) {
}
