package io.fincopilot.web.api;

import io.fincopilot.platform.openapi.ApiDocument;
import io.fincopilot.security.CallerContext;
import io.fincopilot.security.Permission;
import io.fincopilot.security.Role;
import io.fincopilot.tenancy.boundary.NewPerson;
import io.fincopilot.tenancy.boundary.People;
import io.fincopilot.tenancy.entity.Person;
import jakarta.annotation.Nullable;
import io.fincopilot.security.Allowed;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The organization's people: invite, change role, remove. Changes apply in Keycloak and on the next request. */
@ApplicationScoped
@Path("people")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "People", description = "The organization's people and their roles (tenant admins)")
public class PeopleResource {

    private static final String NOT_FOUND = "The organization has no such person";
    private static final String KEYCLOAK_FAILED = "Keycloak failed; nothing was changed";

    @Inject
    People people;

    @Inject
    CallerContext callers;

    public record PersonView(UUID id, String username, @Nullable String email,
            @Schema(enumeration = {"tenant-admin", "analyst", "viewer"}) String role, String status,
            Instant firstSeenAt, Instant lastSeenAt) {

        static PersonView of(Person p) {
            return new PersonView(p.id(), p.username(), p.email(), p.role(), p.status(), p.firstSeenAt(),
                    p.lastSeenAt());
        }
    }

    public record InvitedView(PersonView person,
            @Schema(description = "The person's one-time password, shown this once; they choose their own at first login")
            String temporaryPassword) {
    }

    public record RoleChange(@Schema(enumeration = {"tenant-admin", "analyst", "viewer"}) @NotNull @Pattern(regexp = "tenant-admin|analyst|viewer",
            message = "must be tenant-admin, analyst or viewer") String role) {
    }

    @GET
    @Allowed(Permission.PEOPLE_MANAGE_NAME)
    @SecurityRequirement(name = ApiDocument.KEYCLOAK, scopes = Permission.PEOPLE_MANAGE_NAME)
    @Operation(operationId = "listPeople", summary = "The organization's people and their roles")
    @APIResponse(responseCode = "200", description = "The people, by username")
    public List<PersonView> list() {
        return people.all(callers.tenant()).stream().map(PersonView::of).toList();
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Allowed(Permission.PEOPLE_MANAGE_NAME)
    @SecurityRequirement(name = ApiDocument.KEYCLOAK, scopes = Permission.PEOPLE_MANAGE_NAME)
    @Operation(operationId = "invitePerson",
            summary = "Invite a person; the answer carries their one-time password, shown this once")
    @APIResponse(responseCode = "201", description = "The person and their one-time password; Location names the person",
            content = @Content(schema = @Schema(implementation = InvitedView.class)))
    @APIResponse(responseCode = "409", description = "The username is taken")
    @APIResponse(responseCode = "502", description = KEYCLOAK_FAILED)
    public Response invite(@NotNull @Valid NewPerson body, @Context UriInfo uri) {
        People.Invited invited = people.invite(callers.tenant(), body, callers.require(), callers.sourceIp());
        return Response.created(uri.getAbsolutePathBuilder().path(invited.person().id().toString()).build())
                .entity(new InvitedView(PersonView.of(invited.person()), invited.temporaryPassword())).build();
    }

    @GET
    @Path("{id}")
    @Allowed(Permission.PEOPLE_MANAGE_NAME)
    @SecurityRequirement(name = ApiDocument.KEYCLOAK, scopes = Permission.PEOPLE_MANAGE_NAME)
    @Operation(operationId = "getPerson", summary = "One person")
    @APIResponse(responseCode = "200", description = "The person")
    @APIResponse(responseCode = "404", description = NOT_FOUND)
    public PersonView get(@PathParam("id") UUID id) {
        return PersonView.of(people.get(callers.tenant(), id));
    }

    @PATCH
    @Path("{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Allowed(Permission.PEOPLE_MANAGE_NAME)
    @SecurityRequirement(name = ApiDocument.KEYCLOAK, scopes = Permission.PEOPLE_MANAGE_NAME)
    @Operation(operationId = "changePersonRole", summary = "Change a person's role")
    @APIResponse(responseCode = "200", description = "The person with the new role, in force from the next request")
    @APIResponse(responseCode = "404", description = NOT_FOUND)
    @APIResponse(responseCode = "409", description = "The person is the organization's last tenant admin")
    @APIResponse(responseCode = "502", description = KEYCLOAK_FAILED)
    public PersonView changeRole(@PathParam("id") UUID id, @NotNull @Valid RoleChange body) {
        Role role = Role.fromClaim(body.role()).orElseThrow();
        return PersonView.of(people.changeRole(callers.tenant(), id, role, callers.require(), callers.sourceIp()));
    }

    @DELETE
    @Path("{id}")
    @Allowed(Permission.PEOPLE_MANAGE_NAME)
    @SecurityRequirement(name = ApiDocument.KEYCLOAK, scopes = Permission.PEOPLE_MANAGE_NAME)
    @Operation(operationId = "removePerson", summary = "Remove a person from the organization (and their Keycloak account)")
    @APIResponse(responseCode = "200", description = "The person, removed and refused from the next request")
    @APIResponse(responseCode = "404", description = NOT_FOUND)
    @APIResponse(responseCode = "409", description = "The person is the organization's last tenant admin")
    @APIResponse(responseCode = "502", description = KEYCLOAK_FAILED)
    public PersonView remove(@PathParam("id") UUID id) {
        return PersonView.of(people.remove(callers.tenant(), id, callers.require(), callers.sourceIp()));
    }
}
