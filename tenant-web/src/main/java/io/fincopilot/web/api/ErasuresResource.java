package io.fincopilot.web.api;

import io.fincopilot.platform.openapi.ApiDocument;
import io.fincopilot.privacy.boundary.Erasures;
import io.fincopilot.privacy.boundary.PersonErasureRequest;
import io.fincopilot.security.Allowed;
import io.fincopilot.security.CallerContext;
import io.fincopilot.security.Permission;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Privacy requests: erasing a person of the organization (tenant admins). */
@ApplicationScoped
@Path("privacy/erasures")
@Tag(name = "Privacy", description = "Exports of the organization's data, erasure of its people")
public class ErasuresResource {

    @Inject
    Erasures erasures;

    @Inject
    CallerContext callers;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Allowed(Permission.PRIVACY_MANAGE_NAME)
    @SecurityRequirement(name = ApiDocument.KEYCLOAK, scopes = Permission.PRIVACY_MANAGE_NAME)
    @Operation(operationId = "erasePerson", summary = "Erase a person of the organization, now: their Keycloak account, "
            + "membership and keys go, their name and e-mail leave every record (the audit trail keeps their acts under "
            + "their pseudonym), and the organization's export archives are deleted; audited")
    @APIResponse(responseCode = "201", description = "The erasure with its report; Location names it",
            content = @Content(schema = @Schema(implementation = Erasures.Erasure.class)))
    @APIResponse(responseCode = "404", description = "The organization has no such person")
    @APIResponse(responseCode = "409", description = "The caller themself, the last tenant admin, or an export under way")
    @APIResponse(responseCode = "502", description = "Keycloak could not remove the account; nothing was changed")
    public Response erase(@NotNull @Valid PersonErasureRequest body, @Context UriInfo uri) {
        Erasures.Erasure erasure = erasures.erasePerson(callers.tenant(), body.person(), callers.require(), callers.sourceIp());
        return Response.created(uri.getAbsolutePathBuilder().path(erasure.id().toString()).build()).entity(erasure).build();
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Allowed(Permission.PRIVACY_MANAGE_NAME)
    @SecurityRequirement(name = ApiDocument.KEYCLOAK, scopes = Permission.PRIVACY_MANAGE_NAME)
    @Operation(operationId = "listErasures", summary = "The organization's erasures of people, newest first")
    @APIResponse(responseCode = "200", description = "The erasures")
    public List<Erasures.Erasure> list() {
        return erasures.ofOrganization(callers.tenant());
    }

    @GET
    @Path("{id}")
    @Produces(MediaType.APPLICATION_JSON)
    @Allowed(Permission.PRIVACY_MANAGE_NAME)
    @SecurityRequirement(name = ApiDocument.KEYCLOAK, scopes = Permission.PRIVACY_MANAGE_NAME)
    @Operation(operationId = "getErasure", summary = "One erasure of a person, with its report")
    @APIResponse(responseCode = "200", description = "The erasure")
    @APIResponse(responseCode = "404", description = "The organization has no such erasure")
    public Erasures.Erasure get(@PathParam("id") UUID id) {
        return erasures.ofOrganization(callers.tenant(), id);
    }
}
