package io.fincopilot.tenancy.boundary;

import io.fincopilot.security.Role;
import io.fincopilot.tenancy.control.KeycloakDirectory;
import io.fincopilot.tenancy.entity.Slug;
import jakarta.annotation.Nullable;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A person to invite: who they are and, for a tenant's people, their role. The username is the
 * organization's own name for the person; they log in as {@code username@slug} (see {@link #login}),
 * so two organizations may both have an "alice" and neither learns of the other.
 */
public record NewPerson(
        @NotBlank @Size(min = 3, max = 60) @Pattern(regexp = "[a-z0-9][a-z0-9._-]*",
                message = "must be lower-case letters, digits, dots, dashes or underscores") String username,
        @NotBlank @Email @Size(max = 255) String email,
        @NotBlank @Size(max = 100) String firstName,
        @NotBlank @Size(max = 100) String lastName,
        @Nullable @Schema(description = "viewer if not given (tenant-admin for an organization's first admin)",
                enumeration = {"tenant-admin", "analyst", "viewer"})
        @Pattern(regexp = "tenant-admin|analyst|viewer", message = "must be tenant-admin, analyst or viewer") String role) {

    /** The person's account in the organization: the login is qualified by the organization's slug. */
    public KeycloakDirectory.Invitee invitee(Slug organization, Role defaultRole) {
        Role chosen = role == null ? defaultRole : Role.fromClaim(role).orElse(defaultRole);
        return new KeycloakDirectory.Invitee(login(username, organization), email.toLowerCase(), firstName.trim(),
                lastName.trim(), chosen);
    }

    /**
     * The name a person of an organization logs in with. Staff accounts have no {@code @}, and
     * slugs none either, so a login names exactly one organization and never a staff account.
     */
    public static String login(String username, Slug organization) {
        return username + "@" + organization.value();
    }
}
