package io.fincopilot.web.api;

import io.fincopilot.billing.boundary.Usage;
import io.fincopilot.platform.openapi.ApiDocument;
import io.fincopilot.security.Allowed;
import io.fincopilot.security.CallerContext;
import io.fincopilot.security.Permission;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The organization's use of its plan: this month against its quotas, and the months before. */
@ApplicationScoped
@Path("usage")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Usage", description = "What the organization used of its plan")
public class UsageResource {

    @Inject
    Usage usage;

    @Inject
    CallerContext callers;

    @GET
    @Allowed(Permission.USAGE_READ_NAME)
    @SecurityRequirement(name = ApiDocument.KEYCLOAK, scopes = Permission.USAGE_READ_NAME)
    @SecurityRequirement(name = ApiDocument.API_KEY, scopes = Permission.USAGE_READ_NAME)
    @Operation(operationId = "getUsage", summary = "This month's use against the plan (pages, questions, storage, tokens), "
            + "what is left of each quota and when it resets, and the last twelve months; amounts are exact decimal strings")
    @APIResponse(responseCode = "200", description = "The organization's usage")
    public Usage.UsageReport get() {
        return usage.of(callers.tenant());
    }
}
