package io.fincopilot.admin.api;

import io.fincopilot.platform.openapi.ApiDocument;
import io.fincopilot.privacy.boundary.Erasures;
import io.fincopilot.security.Allowed;
import io.fincopilot.security.CallerContext;
import io.fincopilot.security.Role;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Erasures of people and organizations, and the reports of what was found left (platform staff). */
@ApplicationScoped
@Path("erasures")
@Tag(name = "Staff: erasures", description = "Erasures of people and organizations, with their kept reports")
public class ErasuresResource {

    private static final String NOT_FOUND = "There is no such erasure";

    @Inject
    Erasures erasures;

    @Inject
    CallerContext callers;

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Allowed({Role.PLATFORM_ADMIN_NAME, Role.SUPPORT_NAME})
    @SecurityRequirement(name = ApiDocument.KEYCLOAK, scopes = {Role.PLATFORM_ADMIN_NAME, Role.SUPPORT_NAME})
    @Operation(operationId = "listErasuresAcrossTenants", summary = "Every erasure, newest first")
    @APIResponse(responseCode = "200", description = "The erasures")
    public List<Erasures.Erasure> list() {
        return erasures.all();
    }

    @GET
    @Path("{id}")
    @Produces(MediaType.APPLICATION_JSON)
    @Allowed({Role.PLATFORM_ADMIN_NAME, Role.SUPPORT_NAME})
    @SecurityRequirement(name = ApiDocument.KEYCLOAK, scopes = {Role.PLATFORM_ADMIN_NAME, Role.SUPPORT_NAME})
    @Operation(operationId = "getErasureAcrossTenants", summary = "One erasure: its step or outcome and its report")
    @APIResponse(responseCode = "200", description = "The erasure")
    @APIResponse(responseCode = "404", description = NOT_FOUND)
    public Erasures.Erasure get(@PathParam("id") UUID id) {
        return erasures.get(id);
    }

    @POST
    @Path("{id}/verification")
    @Produces(MediaType.APPLICATION_JSON)
    @Allowed(Role.PLATFORM_ADMIN_NAME)
    @SecurityRequirement(name = ApiDocument.KEYCLOAK, scopes = Role.PLATFORM_ADMIN_NAME)
    @Operation(operationId = "verifyErasure", summary = "Check again that nothing of an erased organization is left "
            + "(rows, S3 object versions and delete markers, Keycloak accounts and group, this instance's memory); the "
            + "new report is kept and its SHA-256 recorded on the platform's audit chain")
    @APIResponse(responseCode = "200", description = "The erasure with the new report")
    @APIResponse(responseCode = "404", description = NOT_FOUND)
    @APIResponse(responseCode = "409", description = "The erasure still runs, or erased a person")
    public Erasures.Erasure verify(@PathParam("id") UUID id) {
        return erasures.verify(id, callers.require(), callers.sourceIp());
    }
}
