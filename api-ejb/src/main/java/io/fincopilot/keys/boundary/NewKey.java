package io.fincopilot.keys.boundary;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;
import java.util.Set;

/** What a tenant admin gives to create an API key. Anything else in the request is ignored. */
public record NewKey(
        @NotBlank @Size(max = 100) String name,
        @NotEmpty(message = "must name at least one scope") Set<@NotBlank String> scopes,
        Instant expiresAt,
        @Size(max = 50) List<@NotBlank String> ipAllowList,
        @Positive Integer rateLimitPerMinute) {
}
