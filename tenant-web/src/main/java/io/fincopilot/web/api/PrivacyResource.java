package io.fincopilot.web.api;

import io.fincopilot.platform.openapi.ApiDocument;
import io.fincopilot.privacy.boundary.PrivacyExports;
import io.fincopilot.security.Allowed;
import io.fincopilot.security.CallerContext;
import io.fincopilot.security.Permission;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import jakarta.ws.rs.core.UriInfo;
import java.io.InputStream;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Privacy requests: an archive of everything the organization has (tenant admins). */
@ApplicationScoped
@Path("privacy/exports")
@Tag(name = "Privacy", description = "Exports of the organization's data, erasure of its people")
public class PrivacyResource {

    private static final String NOT_FOUND = "The organization has no such export";

    @Inject
    PrivacyExports exports;

    @Inject
    CallerContext callers;

    @POST
    @Produces(MediaType.APPLICATION_JSON)
    @Allowed(Permission.PRIVACY_MANAGE_NAME)
    @SecurityRequirement(name = ApiDocument.KEYCLOAK, scopes = Permission.PRIVACY_MANAGE_NAME)
    @Operation(operationId = "requestExport", summary = "Ask for an archive of everything the organization has: documents "
            + "with every version, metadata, chunks as indexed, questions, usage, invoices, audit trail, people and keys "
            + "(never secrets); built in the background, audited")
    @APIResponse(responseCode = "202", description = "The export, queued; Location names it",
            content = @Content(schema = @Schema(implementation = PrivacyExports.Export.class)))
    @APIResponse(responseCode = "409", description = "Another export of the organization is under way")
    public Response request(@Context UriInfo uri) {
        PrivacyExports.Export export = exports.request(callers.tenant(), callers.require(), callers.sourceIp());
        return Response.accepted(export).location(uri.getAbsolutePathBuilder().path(export.id().toString()).build())
                .type(MediaType.APPLICATION_JSON_TYPE).build();
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Allowed(Permission.PRIVACY_MANAGE_NAME)
    @SecurityRequirement(name = ApiDocument.KEYCLOAK, scopes = Permission.PRIVACY_MANAGE_NAME)
    @Operation(operationId = "listExports", summary = "The organization's exports, newest first")
    @APIResponse(responseCode = "200", description = "The exports")
    public List<PrivacyExports.Export> list() {
        return exports.list(callers.tenant());
    }

    @GET
    @Path("{id}")
    @Produces(MediaType.APPLICATION_JSON)
    @Allowed(Permission.PRIVACY_MANAGE_NAME)
    @SecurityRequirement(name = ApiDocument.KEYCLOAK, scopes = Permission.PRIVACY_MANAGE_NAME)
    @Operation(operationId = "getExport", summary = "One export: its status (queued, building, ready, failed, expired), "
            + "progress and, once ready, size, SHA-256 and until when it can be downloaded")
    @APIResponse(responseCode = "200", description = "The export")
    @APIResponse(responseCode = "404", description = NOT_FOUND)
    public PrivacyExports.Export get(@PathParam("id") UUID id) {
        return exports.get(callers.tenant(), id);
    }

    @GET
    @Path("{id}/archive")
    @Produces("application/zip")
    @Allowed(Permission.PRIVACY_MANAGE_NAME)
    @SecurityRequirement(name = ApiDocument.KEYCLOAK, scopes = Permission.PRIVACY_MANAGE_NAME)
    @Operation(operationId = "downloadExport", summary = "The export's archive as a zip, streamed (audited)")
    @APIResponse(responseCode = "200", description = "The archive")
    @APIResponse(responseCode = "404", description = NOT_FOUND)
    @APIResponse(responseCode = "409", description = "The archive is not ready (or the export failed)")
    @APIResponse(responseCode = "410", description = "The archive's time is up and it was deleted")
    public Response archive(@PathParam("id") UUID id) {
        PrivacyExports.Archive archive = exports.download(callers.tenant(), id, callers.require(), callers.sourceIp());
        StreamingOutput body = out -> {
            try (InputStream in = archive.bytes()) {
                in.transferTo(out);
            }
        };
        return Response.ok(body, "application/zip").header("Content-Length", archive.size())
                .header("Content-Disposition", DocumentsResource.contentDisposition(archive.fileName())).build();
    }
}
