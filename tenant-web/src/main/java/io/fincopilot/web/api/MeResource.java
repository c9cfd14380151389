package io.fincopilot.web.api;

import io.fincopilot.platform.problem.ProblemException;
import io.fincopilot.security.Caller;
import io.fincopilot.security.CallerContext;
import io.fincopilot.security.Role;
import io.fincopilot.tenancy.boundary.Organizations;
import io.fincopilot.tenancy.boundary.People;
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
@SecurityRequirement(name = "bearer")
public class MeResource {

    @Inject
    CallerContext callers;

    @Inject
    Organizations organizations;

    @Inject
    People people;

    public record TenantView(String id, String slug, String name, String status) {
    }

    public record Me(String subject, String username, String kind, List<String> roles, TenantView tenant) {
    }

    @GET
    @RolesAllowed({Role.TENANT_ADMIN_NAME, Role.ANALYST_NAME, Role.VIEWER_NAME,
        Role.PLATFORM_ADMIN_NAME, Role.BILLING_NAME, Role.SUPPORT_NAME})
    @Operation(summary = "The caller's subject, tenant and roles")
    public Me me() {
        Caller caller = callers.require();
        TenantView tenant = caller.tenantId().map(id -> {
            Organization org = organizations.find(id)
                    .orElseThrow(() -> ProblemException.forbidden("the credential's tenant is not known here"));
            if (caller.kind() == Caller.Kind.PERSON) {
                people.seen(id, caller);
            }
            return new TenantView(org.id().toString(), org.slug().value(), org.name(), org.status().name().toLowerCase());
        }).orElse(null);
        return new Me(caller.subject(), caller.username(), caller.kind().name().toLowerCase(),
                caller.roleNames().stream().sorted().toList(), tenant);
    }
}
