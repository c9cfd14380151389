package io.fincopilot.admin.api;

import io.fincopilot.documents.boundary.Reembedding;
import io.fincopilot.platform.openapi.ApiDocument;
import io.fincopilot.security.Allowed;
import io.fincopilot.security.CallerContext;
import io.fincopilot.security.Role;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Platform operations that are neither an organization's nor the audit trail's. */
@ApplicationScoped
@Path("maintenance")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Staff: maintenance", description = "Platform operations for platform admins")
public class MaintenanceResource {

    @Inject
    Reembedding reembedding;

    @Inject
    CallerContext callers;

    @POST
    @Path("reembed")
    @Allowed(Role.PLATFORM_ADMIN_NAME)
    @SecurityRequirement(name = ApiDocument.KEYCLOAK, scopes = Role.PLATFORM_ADMIN_NAME)
    @Operation(operationId = "reembedDocuments",
            summary = "Queue every document version embedded by another model than the configured one to be embedded again")
    @APIResponse(responseCode = "200", description = "The configured model and how many versions were queued")
    public Reembedding.Started reembed() {
        return reembedding.start(callers.require(), callers.sourceIp());
    }
}
