package io.fincopilot.tenancy.boundary;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** The plan a platform admin moves an organization to. */
public record PlanChoice(@NotBlank @Size(max = 40) String plan) {
}
