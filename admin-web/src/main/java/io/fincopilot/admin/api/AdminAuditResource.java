package io.fincopilot.admin.api;

import io.fincopilot.audit.boundary.AuditCsv;
import io.fincopilot.audit.boundary.AuditDigests;
import io.fincopilot.audit.boundary.AuditFilter;
import io.fincopilot.audit.boundary.AuditLog;
import io.fincopilot.audit.boundary.SupportLookups;
import io.fincopilot.audit.entity.AuditDigest;
import io.fincopilot.audit.entity.AuditEvent;
import io.fincopilot.audit.entity.ChainVerification;
import io.fincopilot.security.CallerContext;
import io.fincopilot.security.Role;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
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

/** The audit trail across tenants, for support and platform admins. Every look is itself audited. */
@RequestScoped
@Path("audit")
public class AdminAuditResource {

    @Inject
    AuditLog log;

    @Inject
    SupportLookups lookups;

    @Inject
    AuditDigests digests;

    @Inject
    CallerContext callers;

    /** A digest just written: its object key, when, and how many chains it covers. */
    public record DigestView(String key, Instant writtenAt, int chains, String previousKey) {
    }

    public record EventView(String tenant, long sequence, Instant occurredAt, String actor, String actorType,
            String action, String target, String sourceIp, String outcome, JsonObject details, String hash) {

        static EventView of(AuditEvent e) {
            return new EventView(e.tenant().toString(), e.sequence(), e.occurredAt(), e.actor(), e.actorType(),
                    e.action(), e.target(), e.sourceIp(), e.outcome(), e.detailsJson(), e.hash());
        }
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed({Role.PLATFORM_ADMIN_NAME, Role.SUPPORT_NAME})
    @Operation(summary = "Audit events of one tenant or all, newest first")
    public List<EventView> list(@QueryParam("tenant") UUID tenant, @QueryParam("actor") String actor,
            @QueryParam("action") String action, @QueryParam("from") String from, @QueryParam("to") String to,
            @QueryParam("offset") Integer offset, @QueryParam("limit") Integer limit) {
        return lookups.auditEvents(callers.require(), callers.sourceIp(), tenant,
                AuditFilter.of(actor, action, from, to, offset, limit), "support.audit-viewed")
                .stream().map(EventView::of).toList();
    }

    @GET
    @Path("export")
    @Produces("text/csv")
    @RolesAllowed({Role.PLATFORM_ADMIN_NAME, Role.SUPPORT_NAME})
    @Operation(summary = "Audit events as CSV, with the same filters")
    public Response export(@QueryParam("tenant") UUID tenant, @QueryParam("actor") String actor,
            @QueryParam("action") String action, @QueryParam("from") String from, @QueryParam("to") String to,
            @QueryParam("offset") Integer offset, @QueryParam("limit") Integer limit) {
        return Response.ok(AuditCsv.of(lookups.auditEvents(callers.require(), callers.sourceIp(), tenant,
                AuditFilter.of(actor, action, from, to, offset, limit), "support.audit-exported")), "text/csv;charset=UTF-8")
                .header("Content-Disposition", "attachment; filename=\"audit.csv\"").build();
    }

    @GET
    @Path("verify")
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed({Role.PLATFORM_ADMIN_NAME, Role.SUPPORT_NAME})
    @Operation(summary = "Verify every tenant's chain; each verdict names the first broken link")
    public List<ChainVerification> verifyAll() {
        return log.verifyAll();
    }

    @POST
    @Path("digests")
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed(Role.PLATFORM_ADMIN_NAME)
    @Operation(summary = "Write a signed digest of every chain head to the object store now (audited)")
    public Response writeDigest() {
        AuditDigest digest = digests.writeNow();
        return Response.status(Response.Status.CREATED)
                .entity(new DigestView(digest.key(), digest.writtenAt(), digest.chains().size(), digest.previousKey()))
                .build();
    }
}
