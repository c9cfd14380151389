package io.fincopilot.web.api;

import io.fincopilot.audit.boundary.AuditCsv;
import io.fincopilot.audit.boundary.AuditFilter;
import io.fincopilot.audit.boundary.AuditLog;
import io.fincopilot.audit.entity.AuditEvent;
import io.fincopilot.audit.entity.ChainVerification;
import io.fincopilot.security.CallerContext;
import io.fincopilot.security.Permission;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
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
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;

/** The organization's own audit trail: read, filter, export, verify. */
@RequestScoped
@Path("audit")
public class AuditResource {

    @Inject
    AuditLog log;

    @Inject
    CallerContext callers;

    public record EventView(long sequence, Instant occurredAt, String actor, String actorType, String action,
            String target, String sourceIp, String outcome, JsonObject details, String hash) {

        static EventView of(AuditEvent e) {
            return new EventView(e.sequence(), e.occurredAt(), e.actor(), e.actorType(), e.action(), e.target(),
                    e.sourceIp(), e.outcome(), e.detailsJson(), e.hash());
        }
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed(Permission.AUDIT_READ_NAME)
    @SecurityRequirement(name = ApiApplication.KEYCLOAK, scopes = Permission.AUDIT_READ_NAME)
    @SecurityRequirement(name = ApiApplication.API_KEY, scopes = Permission.AUDIT_READ_NAME)
    @Operation(summary = "The audit log, newest first, filtered by actor, action and time")
    public List<EventView> list(@QueryParam("actor") String actor, @QueryParam("action") String action,
            @QueryParam("from") String from, @QueryParam("to") String to, @QueryParam("offset") Integer offset,
            @QueryParam("limit") Integer limit) {
        return log.find(callers.tenant().value(), AuditFilter.of(actor, action, from, to, offset, limit)).stream()
                .map(EventView::of).toList();
    }

    @GET
    @Path("export")
    @Produces("text/csv")
    @RolesAllowed(Permission.AUDIT_READ_NAME)
    @SecurityRequirement(name = ApiApplication.KEYCLOAK, scopes = Permission.AUDIT_READ_NAME)
    @SecurityRequirement(name = ApiApplication.API_KEY, scopes = Permission.AUDIT_READ_NAME)
    @Operation(summary = "The audit log as CSV, with the same filters")
    public Response export(@QueryParam("actor") String actor, @QueryParam("action") String action,
            @QueryParam("from") String from, @QueryParam("to") String to, @QueryParam("offset") Integer offset,
            @QueryParam("limit") Integer limit) {
        String csv = AuditCsv.of(log.find(callers.tenant().value(), AuditFilter.of(actor, action, from, to, offset, limit)));
        return Response.ok(csv, "text/csv;charset=UTF-8")
                .header("Content-Disposition", "attachment; filename=\"audit.csv\"").build();
    }

    @GET
    @Path("verify")
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed(Permission.AUDIT_READ_NAME)
    @SecurityRequirement(name = ApiApplication.KEYCLOAK, scopes = Permission.AUDIT_READ_NAME)
    @SecurityRequirement(name = ApiApplication.API_KEY, scopes = Permission.AUDIT_READ_NAME)
    @Operation(summary = "Recompute the organization's hash chain and name its first broken link")
    public ChainVerification verify() {
        return log.verify(callers.tenant().value());
    }
}
