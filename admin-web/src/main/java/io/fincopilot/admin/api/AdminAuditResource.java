package io.fincopilot.admin.api;

import io.fincopilot.audit.boundary.AuditCsv;
import io.fincopilot.audit.boundary.AuditDigests;
import io.fincopilot.audit.boundary.AuditFilter;
import io.fincopilot.audit.boundary.AuditLog;
import io.fincopilot.audit.boundary.SupportLookups;
import io.fincopilot.audit.entity.AuditDigest;
import io.fincopilot.audit.entity.AuditEntry;
import io.fincopilot.audit.entity.AuditEvent;
import io.fincopilot.audit.entity.ChainVerification;
import io.fincopilot.platform.openapi.ApiDocument;
import io.fincopilot.security.CallerContext;
import io.fincopilot.security.Role;
import jakarta.annotation.Nullable;
import io.fincopilot.security.Allowed;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The audit trail across tenants, for support and platform admins. Every look is itself audited. */
@ApplicationScoped
@Path("audit")
@Tag(name = "Staff: audit", description = "The audit trail across organizations, for support and platform admins")
public class AdminAuditResource {

    private static final String TENANT = "Events of this organization only (the nil UUID: the platform's own chain)";

    @Inject
    AuditLog log;

    @Inject
    SupportLookups lookups;

    @Inject
    AuditDigests digests;

    @Inject
    CallerContext callers;

    /** A digest just written: its object key, when, and how many chains it covers. */
    public record DigestView(@Schema(description = "The digest's object key in the digest bucket") String key,
            Instant writtenAt, @Schema(description = "How many chains the digest covers") int chains,
            @Nullable @Schema(description = "The digest before it, which this one names") String previousKey) {
    }

    @Schema(name = "TenantAuditEvent", description = "One link of an organization's audit chain")
    public record EventView(UUID tenant, long sequence, Instant occurredAt,
            @Schema(description = AuditFilter.STORED_ACTOR) String actor,
            @Nullable @Schema(description = AuditFilter.ACTOR_NAME) String actorName,
            String actorType, String action, @Nullable String target,
            @Nullable @Schema(description = AuditFilter.TARGET_NAME) String targetName,
            @Nullable String sourceIp, String outcome, JsonObject details, String hash) {

        static EventView of(AuditEntry entry) {
            AuditEvent e = entry.event();
            return new EventView(e.tenant(), e.sequence(), e.occurredAt(), e.actor(), entry.actorName(), e.actorType(),
                    e.action(), e.target(), entry.targetName(), e.sourceIp(), e.outcome(), e.detailsJson(), e.hash());
        }
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Allowed({Role.PLATFORM_ADMIN_NAME, Role.SUPPORT_NAME})
    @SecurityRequirement(name = ApiDocument.KEYCLOAK, scopes = {Role.PLATFORM_ADMIN_NAME, Role.SUPPORT_NAME})
    @Operation(operationId = "listAllAuditEvents", summary = "Audit events of one tenant or all, newest first (audited)")
    @APIResponse(responseCode = "200", description = "The events that match")
    public List<EventView> list(@Parameter(description = TENANT) @QueryParam("tenant") UUID tenant,
            @Parameter(description = AuditFilter.ACTOR) @QueryParam("actor") String actor,
            @Parameter(description = AuditFilter.ACTION) @QueryParam("action") String action,
            @Parameter(description = AuditFilter.FROM) @QueryParam("from") String from,
            @Parameter(description = AuditFilter.TO) @QueryParam("to") String to,
            @Parameter(description = AuditFilter.OFFSET) @QueryParam("offset") Integer offset,
            @Parameter(description = AuditFilter.LIMIT) @QueryParam("limit") Integer limit) {
        return lookups.auditEvents(callers.require(), callers.sourceIp(), tenant,
                AuditFilter.of(actor, action, from, to, offset, limit), "support.audit-viewed")
                .stream().map(EventView::of).toList();
    }

    @GET
    @Path("export")
    @Produces("text/csv")
    @Allowed({Role.PLATFORM_ADMIN_NAME, Role.SUPPORT_NAME})
    @SecurityRequirement(name = ApiDocument.KEYCLOAK, scopes = {Role.PLATFORM_ADMIN_NAME, Role.SUPPORT_NAME})
    @Operation(operationId = "exportAllAuditEvents", summary = "Audit events as CSV, with the same filters (audited)")
    @APIResponse(responseCode = "200", description = "The events that match, as CSV with a header line")
    public Response export(@Parameter(description = TENANT) @QueryParam("tenant") UUID tenant,
            @Parameter(description = AuditFilter.ACTOR) @QueryParam("actor") String actor,
            @Parameter(description = AuditFilter.ACTION) @QueryParam("action") String action,
            @Parameter(description = AuditFilter.FROM) @QueryParam("from") String from,
            @Parameter(description = AuditFilter.TO) @QueryParam("to") String to,
            @Parameter(description = AuditFilter.OFFSET) @QueryParam("offset") Integer offset,
            @Parameter(description = AuditFilter.LIMIT) @QueryParam("limit") Integer limit) {
        return Response.ok(AuditCsv.of(lookups.auditEvents(callers.require(), callers.sourceIp(), tenant,
                AuditFilter.of(actor, action, from, to, offset, limit), "support.audit-exported")), "text/csv;charset=UTF-8")
                .header("Content-Disposition", "attachment; filename=\"audit.csv\"").build();
    }

    @GET
    @Path("verify")
    @Produces(MediaType.APPLICATION_JSON)
    @Allowed({Role.PLATFORM_ADMIN_NAME, Role.SUPPORT_NAME})
    @SecurityRequirement(name = ApiDocument.KEYCLOAK, scopes = {Role.PLATFORM_ADMIN_NAME, Role.SUPPORT_NAME})
    @Operation(operationId = "verifyAllAuditChains",
            summary = "Verify every tenant's chain; each verdict names the first broken link")
    @APIResponse(responseCode = "200", description = "A verdict per chain, also for chains only the latest digest knows")
    public List<ChainVerification> verifyAll() {
        return log.verifyAll();
    }

    @POST
    @Path("digests")
    @Produces(MediaType.APPLICATION_JSON)
    @Allowed(Role.PLATFORM_ADMIN_NAME)
    @SecurityRequirement(name = ApiDocument.KEYCLOAK, scopes = Role.PLATFORM_ADMIN_NAME)
    @Operation(operationId = "writeAuditDigest",
            summary = "Write a signed digest of every chain head to the object store now (audited)")
    @APIResponse(responseCode = "201", description = "The digest written",
            content = @Content(schema = @Schema(implementation = DigestView.class)))
    public Response writeDigest() {
        AuditDigest digest = digests.writeNow();
        return Response.status(Response.Status.CREATED)
                .entity(new DigestView(digest.key(), digest.writtenAt(), digest.chains().size(), digest.previousKey()))
                .build();
    }
}
