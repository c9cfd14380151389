package io.fincopilot.admin.api;

import io.fincopilot.keys.boundary.ApiKeys;
import io.fincopilot.documents.boundary.DocumentDetails;
import io.fincopilot.documents.boundary.Documents;
import io.fincopilot.documents.entity.DocumentVersion;
import io.fincopilot.keys.entity.ApiKey;
import io.fincopilot.platform.openapi.ApiDocument;
import io.fincopilot.privacy.boundary.Erasures;
import io.fincopilot.security.CallerContext;
import io.fincopilot.security.Role;
import io.fincopilot.tenancy.boundary.NewOrganization;
import io.fincopilot.tenancy.boundary.AnswerProviderChoice;
import io.fincopilot.tenancy.boundary.PlanChoice;
import io.fincopilot.tenancy.boundary.Organizations;
import io.fincopilot.tenancy.entity.Organization;
import io.fincopilot.tenancy.entity.TenantId;
import jakarta.annotation.Nullable;
import io.fincopilot.security.Allowed;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
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
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Organizations, for platform staff: create (with Keycloak provisioning), look up, suspend, resume, close. */
@ApplicationScoped
@Path("organizations")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Staff: organizations", description = "Organizations, for platform staff")
public class OrganizationsResource {

    private static final String NOT_FOUND = "There is no such organization";
    private static final String KEYCLOAK_FAILED = "Keycloak failed; nothing was changed";

    @Inject
    Organizations organizations;

    @Inject
    Erasures erasures;

    @Inject
    ApiKeys keys;

    @Inject
    Documents documents;

    @Inject
    CallerContext callers;

    public record OrganizationView(UUID id, String slug, String name, String plan,
            @Schema(enumeration = {"active", "suspended", "closed"}) String status, Instant createdAt,
            @Nullable @Schema(description = "Where its questions are answered; null for the platform's choice") String answerProvider) {

        static OrganizationView of(Organization o) {
            return new OrganizationView(o.id().value(), o.slug().value(), o.name(), o.plan(),
                    o.status().name().toLowerCase(), o.createdAt(), o.answerProvider());
        }
    }

    /** A tenant's key as support sees it: what it is and how it stands, never a secret (none is stored). */
    public record TenantKeyView(UUID id, String prefix, String name, List<String> scopes, Instant createdAt,
            @Nullable Instant lastUsedAt, @Nullable Instant expiresAt, @Nullable Instant revokedAt) {

        static TenantKeyView of(ApiKey k) {
            return new TenantKeyView(k.id(), k.prefix(), k.name(), List.copyOf(k.scopes()), k.createdAt(),
                    k.lastUsedAt(), k.expiresAt(), k.revokedAt());
        }
    }

    /** A document whose ingestion failed, as support sees it: what and why, never the content. */
    public record FailedDocumentView(UUID id, String title, String fileName, int version, String mediaType, long sizeBytes,
            @Nullable String failureCode, @Nullable String failureReason, Instant uploadedAt, @Nullable Instant failedAt)
            implements java.io.Serializable {

        public static FailedDocumentView of(DocumentDetails d) {
            DocumentVersion v = d.latest();
            return new FailedDocumentView(d.document().id(), d.document().title(), d.document().fileName(), v.version(),
                    v.mediaType(), v.sizeBytes(), v.failureCode(), v.failureReason(), v.createdAt(), v.finishedAt());
        }
    }

    public record InitialAdmin(String username,
            @Schema(description = "The first tenant admin's one-time password, shown this once") String temporaryPassword) {
    }

    public record CreatedOrganizationView(OrganizationView organization, InitialAdmin initialAdmin) {
    }

    @GET
    @Allowed({Role.PLATFORM_ADMIN_NAME, Role.SUPPORT_NAME, Role.BILLING_NAME})
    @SecurityRequirement(name = ApiDocument.KEYCLOAK, scopes = {Role.PLATFORM_ADMIN_NAME, Role.SUPPORT_NAME, Role.BILLING_NAME})
    @Operation(operationId = "listOrganizations", summary = "All organizations")
    @APIResponse(responseCode = "200", description = "Every organization")
    public List<OrganizationView> list() {
        return organizations.all().stream().map(OrganizationView::of).toList();
    }

    @GET
    @Path("{id}")
    @Allowed({Role.PLATFORM_ADMIN_NAME, Role.SUPPORT_NAME, Role.BILLING_NAME})
    @SecurityRequirement(name = ApiDocument.KEYCLOAK, scopes = {Role.PLATFORM_ADMIN_NAME, Role.SUPPORT_NAME, Role.BILLING_NAME})
    @Operation(operationId = "getOrganization", summary = "One organization (a support look-up, which is audited)")
    @APIResponse(responseCode = "200", description = "The organization")
    @APIResponse(responseCode = "404", description = NOT_FOUND)
    public OrganizationView get(@PathParam("id") UUID id) {
        return OrganizationView.of(organizations.get(new TenantId(id), callers.require(), callers.sourceIp()));
    }

    @GET
    @Path("{id}/keys")
    @Allowed({Role.PLATFORM_ADMIN_NAME, Role.SUPPORT_NAME})
    @SecurityRequirement(name = ApiDocument.KEYCLOAK, scopes = {Role.PLATFORM_ADMIN_NAME, Role.SUPPORT_NAME})
    @Operation(operationId = "listOrganizationKeys",
            summary = "An organization's API keys (never their secrets); the look-up is audited")
    @APIResponse(responseCode = "200", description = "The organization's keys, newest first")
    @APIResponse(responseCode = "404", description = NOT_FOUND)
    public List<TenantKeyView> keys(@PathParam("id") UUID id) {
        return keys.lookUp(new TenantId(id), callers.require(), callers.sourceIp()).stream().map(TenantKeyView::of).toList();
    }

    @GET
    @Path("{id}/failed-documents")
    @Allowed({Role.PLATFORM_ADMIN_NAME, Role.SUPPORT_NAME})
    @SecurityRequirement(name = ApiDocument.KEYCLOAK, scopes = {Role.PLATFORM_ADMIN_NAME, Role.SUPPORT_NAME})
    @Operation(operationId = "listOrganizationFailedDocuments",
            summary = "An organization's documents whose ingestion failed, and why (never their content); the look is audited")
    @APIResponse(responseCode = "200", description = "The failed documents, newest first")
    @APIResponse(responseCode = "404", description = NOT_FOUND)
    public List<FailedDocumentView> failedDocuments(@PathParam("id") UUID id) {
        return documents.failedFor(new TenantId(id), callers.require(), callers.sourceIp()).stream()
                .map(FailedDocumentView::of).toList();
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Allowed(Role.PLATFORM_ADMIN_NAME)
    @SecurityRequirement(name = ApiDocument.KEYCLOAK, scopes = Role.PLATFORM_ADMIN_NAME)
    @Operation(operationId = "createOrganization",
            summary = "Create an organization, its Keycloak group and its first tenant admin")
    @APIResponse(responseCode = "201", description = "The organization and its first tenant admin; Location names it",
            content = @Content(schema = @Schema(implementation = CreatedOrganizationView.class)))
    @APIResponse(responseCode = "409", description = "The slug, the username or the e-mail address is taken")
    @APIResponse(responseCode = "502", description = KEYCLOAK_FAILED)
    public Response create(@NotNull @Valid NewOrganization body, @Context UriInfo uri) {
        Organizations.Created created = organizations.create(body, callers.require(), callers.sourceIp());
        OrganizationView view = OrganizationView.of(created.organization());
        return Response.created(uri.getAbsolutePathBuilder().path(view.id().toString()).build())
                .entity(new CreatedOrganizationView(view, new InitialAdmin(created.adminUsername(), created.adminTemporaryPassword())))
                .build();
    }

    @POST
    @Path("{id}/suspend")
    @Allowed({Role.PLATFORM_ADMIN_NAME, Role.SUPPORT_NAME})
    @SecurityRequirement(name = ApiDocument.KEYCLOAK, scopes = {Role.PLATFORM_ADMIN_NAME, Role.SUPPORT_NAME})
    @Operation(operationId = "suspendOrganization",
            summary = "Suspend an organization: its people and keys are refused, its data stays")
    @APIResponse(responseCode = "200", description = "The organization, suspended")
    @APIResponse(responseCode = "404", description = NOT_FOUND)
    @APIResponse(responseCode = "409", description = "The organization is not active")
    public OrganizationView suspend(@PathParam("id") UUID id) {
        return OrganizationView.of(organizations.suspend(new TenantId(id), callers.require(), callers.sourceIp()));
    }

    @POST
    @Path("{id}/resume")
    @Allowed({Role.PLATFORM_ADMIN_NAME, Role.SUPPORT_NAME})
    @SecurityRequirement(name = ApiDocument.KEYCLOAK, scopes = {Role.PLATFORM_ADMIN_NAME, Role.SUPPORT_NAME})
    @Operation(operationId = "resumeOrganization", summary = "Resume a suspended organization")
    @APIResponse(responseCode = "200", description = "The organization, active again")
    @APIResponse(responseCode = "404", description = NOT_FOUND)
    @APIResponse(responseCode = "409", description = "The organization is not suspended")
    public OrganizationView resume(@PathParam("id") UUID id) {
        return OrganizationView.of(organizations.resume(new TenantId(id), callers.require(), callers.sourceIp()));
    }

    @POST
    @Path("{id}/close")
    @Allowed(Role.PLATFORM_ADMIN_NAME)
    @SecurityRequirement(name = ApiDocument.KEYCLOAK, scopes = Role.PLATFORM_ADMIN_NAME)
    @Operation(operationId = "closeOrganization",
            summary = "Close an organization: keys revoked, accounts disabled, data kept")
    @APIResponse(responseCode = "200", description = "The organization, closed")
    @APIResponse(responseCode = "404", description = NOT_FOUND)
    @APIResponse(responseCode = "409", description = "The organization is already closed")
    @APIResponse(responseCode = "502", description = KEYCLOAK_FAILED)
    public OrganizationView close(@PathParam("id") UUID id) {
        return OrganizationView.of(organizations.close(new TenantId(id), callers.require(), callers.sourceIp()));
    }

    @POST
    @Path("{id}/erasure")
    @Produces(MediaType.APPLICATION_JSON)
    @Allowed(Role.PLATFORM_ADMIN_NAME)
    @SecurityRequirement(name = ApiDocument.KEYCLOAK, scopes = Role.PLATFORM_ADMIN_NAME)
    @Operation(operationId = "eraseOrganization", summary = "Erase a closed organization in the background: every row, "
            + "every object version and delete marker, its Keycloak group and accounts, its share of every instance's "
            + "memory; invoices kept, pseudonymized, for the legal retention; a report of what is left is kept (audited)")
    @APIResponse(responseCode = "202", description = "The erasure, running; Location names it",
            content = @Content(schema = @Schema(implementation = Erasures.Erasure.class)))
    @APIResponse(responseCode = "404", description = NOT_FOUND)
    @APIResponse(responseCode = "409", description = "The organization is not closed, or its erasure runs or is done")
    @APIResponse(responseCode = "502", description = KEYCLOAK_FAILED)
    public Response erase(@PathParam("id") UUID id, @Context UriInfo uri) {
        Erasures.Erasure erasure = erasures.eraseOrganization(new TenantId(id), callers.require(), callers.sourceIp());
        return Response.accepted(erasure).location(uri.getBaseUriBuilder().path("erasures").path(erasure.id().toString())
                .build()).type(MediaType.APPLICATION_JSON_TYPE).build();
    }

    @PUT
    @Path("{id}/plan")
    @Consumes(MediaType.APPLICATION_JSON)
    @Allowed(Role.PLATFORM_ADMIN_NAME)
    @SecurityRequirement(name = ApiDocument.KEYCLOAK, scopes = Role.PLATFORM_ADMIN_NAME)
    @Operation(operationId = "setOrganizationPlan",
            summary = "Move an organization to another plan (audited); it applies from the organization's next request")
    @APIResponse(responseCode = "200", description = "The organization, on its plan")
    @APIResponse(responseCode = "400", description = "There is no such plan")
    @APIResponse(responseCode = "404", description = NOT_FOUND)
    public OrganizationView plan(@PathParam("id") UUID id, @NotNull @Valid PlanChoice body) {
        return OrganizationView.of(organizations.changePlan(new TenantId(id), body, callers.require(), callers.sourceIp()));
    }

    @PUT
    @Path("{id}/answer-provider")
    @Consumes(MediaType.APPLICATION_JSON)
    @Allowed(Role.PLATFORM_ADMIN_NAME)
    @SecurityRequirement(name = ApiDocument.KEYCLOAK, scopes = Role.PLATFORM_ADMIN_NAME)
    @Operation(operationId = "setOrganizationAnswerProvider",
            summary = "Choose where an organization's questions are answered (audited)")
    @APIResponse(responseCode = "200", description = "The organization, with its provider")
    @APIResponse(responseCode = "400", description = "The provider is not one this platform has configured")
    @APIResponse(responseCode = "404", description = NOT_FOUND)
    public OrganizationView answerProvider(@PathParam("id") UUID id, @NotNull @Valid AnswerProviderChoice body) {
        return OrganizationView.of(organizations.answerWith(new TenantId(id), body, callers.require(), callers.sourceIp()));
    }
}
