package io.fincopilot.web.api;

import io.fincopilot.security.CallerContext;
import io.fincopilot.security.Permission;
import io.fincopilot.security.Role;
import io.fincopilot.tenancy.boundary.NewPerson;
import io.fincopilot.tenancy.boundary.People;
import io.fincopilot.tenancy.entity.Person;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
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
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;

/** The organization's people: invite, change role, remove. Changes apply in Keycloak and on the next request. */
@RequestScoped
@Path("people")
@Produces(MediaType.APPLICATION_JSON)
public class PeopleResource {

    @Inject
    People people;

    @Inject
    CallerContext callers;

    public record PersonView(String id, String username, String email, String role, String status,
            Instant firstSeenAt, Instant lastSeenAt) {

        static PersonView of(Person p) {
            return new PersonView(p.id().toString(), p.username(), p.email(), p.role(), p.status(), p.firstSeenAt(),
                    p.lastSeenAt());
        }
    }

    public record InvitedView(PersonView person, String temporaryPassword) {
    }

    public record RoleChange(@NotNull @Pattern(regexp = "tenant-admin|analyst|viewer",
            message = "must be tenant-admin, analyst or viewer") String role) {
    }

    @GET
    @RolesAllowed(Permission.PEOPLE_MANAGE_NAME)
    @SecurityRequirement(name = ApiApplication.KEYCLOAK, scopes = Permission.PEOPLE_MANAGE_NAME)
    @Operation(summary = "The organization's people and their roles")
    public List<PersonView> list() {
        return people.all(callers.tenant()).stream().map(PersonView::of).toList();
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Permission.PEOPLE_MANAGE_NAME)
    @SecurityRequirement(name = ApiApplication.KEYCLOAK, scopes = Permission.PEOPLE_MANAGE_NAME)
    @Operation(summary = "Invite a person; the answer carries their one-time password, shown this once")
    public Response invite(@NotNull @Valid NewPerson body, @Context UriInfo uri) {
        People.Invited invited = people.invite(callers.tenant(), body, callers.require(), callers.sourceIp());
        return Response.created(uri.getAbsolutePathBuilder().path(invited.person().id().toString()).build())
                .entity(new InvitedView(PersonView.of(invited.person()), invited.temporaryPassword())).build();
    }

    @GET
    @Path("{id}")
    @RolesAllowed(Permission.PEOPLE_MANAGE_NAME)
    @SecurityRequirement(name = ApiApplication.KEYCLOAK, scopes = Permission.PEOPLE_MANAGE_NAME)
    @Operation(summary = "One person")
    public PersonView get(@PathParam("id") UUID id) {
        return PersonView.of(people.get(callers.tenant(), id));
    }

    @PATCH
    @Path("{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Permission.PEOPLE_MANAGE_NAME)
    @SecurityRequirement(name = ApiApplication.KEYCLOAK, scopes = Permission.PEOPLE_MANAGE_NAME)
    @Operation(summary = "Change a person's role")
    public PersonView changeRole(@PathParam("id") UUID id, @NotNull @Valid RoleChange body) {
        Role role = Role.fromClaim(body.role()).orElseThrow();
        return PersonView.of(people.changeRole(callers.tenant(), id, role, callers.require(), callers.sourceIp()));
    }

    @DELETE
    @Path("{id}")
    @RolesAllowed(Permission.PEOPLE_MANAGE_NAME)
    @SecurityRequirement(name = ApiApplication.KEYCLOAK, scopes = Permission.PEOPLE_MANAGE_NAME)
    @Operation(summary = "Remove a person from the organization (and their Keycloak account)")
    public PersonView remove(@PathParam("id") UUID id) {
        return PersonView.of(people.remove(callers.tenant(), id, callers.require(), callers.sourceIp()));
    }
}
