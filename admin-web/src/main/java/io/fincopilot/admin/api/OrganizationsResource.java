package io.fincopilot.admin.api;

import io.fincopilot.keys.boundary.ApiKeys;
import io.fincopilot.keys.entity.ApiKey;
import io.fincopilot.security.CallerContext;
import io.fincopilot.security.Role;
import io.fincopilot.tenancy.boundary.NewOrganization;
import io.fincopilot.tenancy.boundary.Organizations;
import io.fincopilot.tenancy.entity.Organization;
import io.fincopilot.tenancy.entity.TenantId;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
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
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** Organizations, for platform staff: create (with Keycloak provisioning), look up, suspend, resume, close. */
@RequestScoped
@Path("organizations")
@Produces(MediaType.APPLICATION_JSON)
public class OrganizationsResource {

    @Inject
    Organizations organizations;

    @Inject
    ApiKeys keys;

    @Inject
    CallerContext callers;

    public record OrganizationView(String id, String slug, String name, String plan, String status, Instant createdAt) {

        static OrganizationView of(Organization o) {
            return new OrganizationView(o.id().toString(), o.slug().value(), o.name(), o.plan(),
                    o.status().name().toLowerCase(), o.createdAt());
        }
    }

    /** A tenant's key as support sees it: what it is and how it stands, never a secret (none is stored). */
    public record TenantKeyView(String id, String prefix, String name, List<String> scopes, Instant createdAt,
            Instant lastUsedAt, Instant expiresAt, Instant revokedAt) {

        static TenantKeyView of(ApiKey k) {
            return new TenantKeyView(k.id().toString(), k.prefix(), k.name(), List.copyOf(k.scopes()), k.createdAt(),
                    k.lastUsedAt(), k.expiresAt(), k.revokedAt());
        }
    }

    public record InitialAdmin(String username, String temporaryPassword) {
    }

    public record CreatedView(OrganizationView organization, InitialAdmin initialAdmin) {
    }

    @GET
    @RolesAllowed({Role.PLATFORM_ADMIN_NAME, Role.SUPPORT_NAME, Role.BILLING_NAME})
    @Operation(summary = "All organizations")
    public List<OrganizationView> list() {
        return organizations.all().stream().map(OrganizationView::of).toList();
    }

    @GET
    @Path("{id}")
    @RolesAllowed({Role.PLATFORM_ADMIN_NAME, Role.SUPPORT_NAME, Role.BILLING_NAME})
    @Operation(summary = "One organization (a support look-up, which is audited)")
    public OrganizationView get(@PathParam("id") UUID id) {
        return OrganizationView.of(organizations.get(new TenantId(id), callers.require(), callers.sourceIp()));
    }

    @GET
    @Path("{id}/keys")
    @RolesAllowed({Role.PLATFORM_ADMIN_NAME, Role.SUPPORT_NAME})
    @Operation(summary = "An organization's API keys (never their secrets); the look-up is audited")
    public List<TenantKeyView> keys(@PathParam("id") UUID id) {
        return keys.lookUp(new TenantId(id), callers.require(), callers.sourceIp()).stream().map(TenantKeyView::of).toList();
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Role.PLATFORM_ADMIN_NAME)
    @Operation(summary = "Create an organization, its Keycloak group and its first tenant admin")
    public Response create(@NotNull @Valid NewOrganization body, @Context UriInfo uri) {
        Organizations.Created created = organizations.create(body, callers.require(), callers.sourceIp());
        OrganizationView view = OrganizationView.of(created.organization());
        return Response.created(uri.getAbsolutePathBuilder().path(view.id()).build())
                .entity(new CreatedView(view, new InitialAdmin(created.adminUsername(), created.adminTemporaryPassword())))
                .build();
    }

    @POST
    @Path("{id}/suspend")
    @RolesAllowed({Role.PLATFORM_ADMIN_NAME, Role.SUPPORT_NAME})
    @Operation(summary = "Suspend an organization: its people and keys are refused, its data stays")
    public OrganizationView suspend(@PathParam("id") UUID id) {
        return OrganizationView.of(organizations.suspend(new TenantId(id), callers.require(), callers.sourceIp()));
    }

    @POST
    @Path("{id}/resume")
    @RolesAllowed({Role.PLATFORM_ADMIN_NAME, Role.SUPPORT_NAME})
    @Operation(summary = "Resume a suspended organization")
    public OrganizationView resume(@PathParam("id") UUID id) {
        return OrganizationView.of(organizations.resume(new TenantId(id), callers.require(), callers.sourceIp()));
    }

    @POST
    @Path("{id}/close")
    @RolesAllowed(Role.PLATFORM_ADMIN_NAME)
    @Operation(summary = "Close an organization: keys revoked, accounts disabled, data kept")
    public OrganizationView close(@PathParam("id") UUID id) {
        return OrganizationView.of(organizations.close(new TenantId(id), callers.require(), callers.sourceIp()));
    }
}
