package io.fincopilot.tenancy.boundary;

import io.fincopilot.platform.problem.ProblemException;
import io.fincopilot.tenancy.entity.Slug;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** What a platform admin gives to create an organization and its first tenant admin. */
public record NewOrganization(
        @NotBlank @Pattern(regexp = Slug.SHAPE_REGEX, message = Slug.SHAPE_MESSAGE) String slug,
        @NotBlank @Size(max = 200) String name,
        @NotBlank @Size(max = 40) String plan,
        @NotNull @Valid NewPerson admin) {

    public Slug validSlug() {
        try {
            return new Slug(slug);
        } catch (IllegalArgumentException e) {
            throw ProblemException.badRequest(e.getMessage());
        }
    }
}
