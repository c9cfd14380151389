package io.fincopilot.admin.api;

import io.fincopilot.security.Role;
import io.fincopilot.tenancy.boundary.NewOrganization;
import io.fincopilot.tenancy.boundary.Organizations;
import io.fincopilot.tenancy.entity.Organization;
import io.fincopilot.security.CallerContext;
import jakarta.annotation.security.RolesAllowed;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.core.Context;
import java.time.Instant;
import java.util.List;

/** Organizations, for platform staff. */
@RequestScoped
@Path("organizations")
@Produces(MediaType.APPLICATION_JSON)
public class OrganizationsResource {

    @Inject
    Organizations organizations;

    @Inject
    CallerContext callers;

    @Context
    HttpServletRequest request;

    public record OrganizationView(String id, String slug, String name, String plan, String status, Instant createdAt) {

        static OrganizationView of(Organization o) {
            return new OrganizationView(o.id().toString(), o.slug().value(), o.name(), o.plan(),
                    o.status().name().toLowerCase(), o.createdAt());
        }
    }

    @GET
    @RolesAllowed({Role.PLATFORM_ADMIN_NAME, Role.SUPPORT_NAME, Role.BILLING_NAME})
    public List<OrganizationView> list() {
        return organizations.all().stream().map(OrganizationView::of).toList();
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Role.PLATFORM_ADMIN_NAME)
    public Response create(@NotNull @Valid NewOrganization body, @Context UriInfo uri) {
        OrganizationView created = OrganizationView.of(organizations.create(body, callers.require(),
                request.getRemoteAddr()));
        return Response.created(uri.getAbsolutePathBuilder().path(created.id()).build()).entity(created).build();
    }
}
