package io.fincopilot.web.api;

import io.fincopilot.security.Caller;
import io.fincopilot.security.CallerContext;
import io.fincopilot.security.Permission;
import io.fincopilot.tenancy.boundary.Organizations;
import io.fincopilot.tenancy.entity.Organization;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;

/** Who the caller is, as the platform sees it. */
@RequestScoped
@Path("me")
@Produces(MediaType.APPLICATION_JSON)
public class MeResource {

    @Inject
    CallerContext callers;

    @Inject
    Organizations organizations;

    public record TenantView(String id, String slug, String name, String plan, String status) {
    }

    public record Me(String subject, String username, String kind, List<String> roles, List<String> permissions,
            TenantView tenant) {
    }

    @GET
    @RolesAllowed(Permission.AUTHENTICATED)
    @SecurityRequirement(name = ApiApplication.KEYCLOAK, scopes = Permission.AUTHENTICATED)
    @SecurityRequirement(name = ApiApplication.API_KEY, scopes = Permission.AUTHENTICATED)
    @Operation(summary = "The caller's subject, tenant, roles and permissions")
    public Me me() {
        Caller caller = callers.require();
        TenantView tenant = organizations.ofCaller(caller).map(MeResource::view).orElse(null);
        return new Me(caller.subject(), caller.username(), caller.kind().name().toLowerCase(),
                caller.roleNames().stream().sorted().toList(),
                caller.permissions().stream().map(Permission::scope).sorted().toList(), tenant);
    }

    private static TenantView view(Organization org) {
        return new TenantView(org.id().toString(), org.slug().value(), org.name(), org.plan(),
                org.status().name().toLowerCase());
    }
}
