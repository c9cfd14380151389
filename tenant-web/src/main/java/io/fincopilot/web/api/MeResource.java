package io.fincopilot.web.api;

import io.fincopilot.platform.openapi.ApiDocument;
import io.fincopilot.security.Caller;
import io.fincopilot.security.CallerContext;
import io.fincopilot.security.Permission;
import io.fincopilot.tenancy.boundary.Organizations;
import io.fincopilot.tenancy.entity.TenantId;
import jakarta.annotation.Nullable;
import io.fincopilot.security.Allowed;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Who the caller is, as the platform sees it. */
@ApplicationScoped
@Path("me")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Me", description = "Who the caller is: person, service account or API key")
public class MeResource {

    @Inject
    CallerContext callers;

    public record TenantView(UUID id, String slug, String name, String plan,
            @Schema(enumeration = {"active", "suspended", "closed"}) String status) {
    }

    public record Me(String subject, String username,
            @Schema(enumeration = {"person", "service_account", "api_key"}) String kind, List<String> roles,
            List<String> permissions,
            @Nullable @Schema(description = "The caller's organization; absent for platform staff") TenantView tenant) {
    }

    @GET
    @Allowed(Permission.AUTHENTICATED)
    @SecurityRequirement(name = ApiDocument.KEYCLOAK, scopes = Permission.AUTHENTICATED)
    @SecurityRequirement(name = ApiDocument.API_KEY, scopes = Permission.AUTHENTICATED)
    @Operation(operationId = "getMe", summary = "The caller's subject, tenant, roles and permissions")
    @APIResponse(responseCode = "200", description = "The caller")
    public Me me() {
        Caller caller = callers.require();
        // Admission read the organization's standing for every caller that has one (within the second it promises).
        TenantView tenant = callers.standing().map(s -> view(caller.tenant(), s)).orElse(null);
        return new Me(caller.subject(), caller.username(), caller.kind().name().toLowerCase(),
                caller.roleNames().stream().sorted().toList(),
                caller.permissions().stream().map(Permission::scope).sorted().toList(), tenant);
    }

    private static TenantView view(TenantId tenant, Organizations.Standing standing) {
        return new TenantView(tenant.value(), standing.slug(), standing.name(), standing.plan(),
                standing.status().name().toLowerCase());
    }

}
