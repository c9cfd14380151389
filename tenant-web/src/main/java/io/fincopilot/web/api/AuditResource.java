package io.fincopilot.web.api;

import io.fincopilot.audit.boundary.AuditCsv;
import io.fincopilot.audit.boundary.AuditFilter;
import io.fincopilot.audit.boundary.AuditLog;
import io.fincopilot.audit.entity.AuditEntry;
import io.fincopilot.audit.entity.AuditEvent;
import io.fincopilot.audit.entity.ChainVerification;
import io.fincopilot.platform.openapi.ApiDocument;
import io.fincopilot.security.CallerContext;
import io.fincopilot.security.Permission;
import jakarta.annotation.Nullable;
import io.fincopilot.security.Allowed;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The organization's own audit trail: read, filter, export, verify. */
@ApplicationScoped
@Path("audit")
@Tag(name = "Audit", description = "The organization's own audit trail: read, filter, export, verify")
public class AuditResource {

    @Inject
    AuditLog log;

    @Inject
    CallerContext callers;

    @Schema(name = "AuditEvent", description = "One link of the organization's audit chain")
    public record EventView(long sequence, Instant occurredAt,
            @Schema(description = AuditFilter.STORED_ACTOR) String actor,
            @Nullable @Schema(description = AuditFilter.ACTOR_NAME) String actorName,
            String actorType, String action, @Nullable String target,
            @Nullable @Schema(description = AuditFilter.TARGET_NAME) String targetName,
            @Nullable String sourceIp, String outcome, JsonObject details, String hash) {

        static EventView of(AuditEntry entry) {
            AuditEvent e = entry.event();
            return new EventView(e.sequence(), e.occurredAt(), e.actor(), entry.actorName(), e.actorType(), e.action(),
                    e.target(), entry.targetName(), e.sourceIp(), e.outcome(), e.detailsJson(), e.hash());
        }
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Allowed(Permission.AUDIT_READ_NAME)
    @SecurityRequirement(name = ApiDocument.KEYCLOAK, scopes = Permission.AUDIT_READ_NAME)
    @SecurityRequirement(name = ApiDocument.API_KEY, scopes = Permission.AUDIT_READ_NAME)
    @Operation(operationId = "listAuditEvents", summary = "The audit log, newest first, filtered by actor, action and time")
    @APIResponse(responseCode = "200", description = "The events that match")
    public List<EventView> list(@Parameter(description = AuditFilter.ACTOR) @QueryParam("actor") String actor,
            @Parameter(description = AuditFilter.ACTION) @QueryParam("action") String action,
            @Parameter(description = AuditFilter.FROM) @QueryParam("from") String from,
            @Parameter(description = AuditFilter.TO) @QueryParam("to") String to,
            @Parameter(description = AuditFilter.OFFSET) @QueryParam("offset") Integer offset,
            @Parameter(description = AuditFilter.LIMIT) @QueryParam("limit") Integer limit) {
        return log.find(callers.tenant().value(), AuditFilter.of(actor, action, from, to, offset, limit)).stream()
                .map(EventView::of).toList();
    }

    @GET
    @Path("export")
    @Produces("text/csv")
    @Allowed(Permission.AUDIT_READ_NAME)
    @SecurityRequirement(name = ApiDocument.KEYCLOAK, scopes = Permission.AUDIT_READ_NAME)
    @SecurityRequirement(name = ApiDocument.API_KEY, scopes = Permission.AUDIT_READ_NAME)
    @Operation(operationId = "exportAuditEvents", summary = "The audit log as CSV, with the same filters")
    @APIResponse(responseCode = "200", description = "The events that match, as CSV with a header line")
    public Response export(@Parameter(description = AuditFilter.ACTOR) @QueryParam("actor") String actor,
            @Parameter(description = AuditFilter.ACTION) @QueryParam("action") String action,
            @Parameter(description = AuditFilter.FROM) @QueryParam("from") String from,
            @Parameter(description = AuditFilter.TO) @QueryParam("to") String to,
            @Parameter(description = AuditFilter.OFFSET) @QueryParam("offset") Integer offset,
            @Parameter(description = AuditFilter.LIMIT) @QueryParam("limit") Integer limit) {
        String csv = AuditCsv.of(log.find(callers.tenant().value(), AuditFilter.of(actor, action, from, to, offset, limit)));
        return Response.ok(csv, "text/csv;charset=UTF-8")
                .header("Content-Disposition", "attachment; filename=\"audit.csv\"").build();
    }

    @GET
    @Path("verify")
    @Produces(MediaType.APPLICATION_JSON)
    @Allowed(Permission.AUDIT_READ_NAME)
    @SecurityRequirement(name = ApiDocument.KEYCLOAK, scopes = Permission.AUDIT_READ_NAME)
    @SecurityRequirement(name = ApiDocument.API_KEY, scopes = Permission.AUDIT_READ_NAME)
    @Operation(operationId = "verifyAuditChain", summary = "Recompute the organization's hash chain and name its first broken link")
    @APIResponse(responseCode = "200", description = "The verdict")
    public ChainVerification verify() {
        return log.verify(callers.tenant().value());
    }
}
