package io.fincopilot.web.api;

import io.fincopilot.documents.boundary.ChunkView;
import io.fincopilot.documents.boundary.DocumentDetails;
import io.fincopilot.documents.control.DocumentProgress;
import io.fincopilot.documents.boundary.DocumentProfiles;
import io.fincopilot.documents.boundary.DocumentQuery;
import io.fincopilot.documents.boundary.ProfileUpdate;
import io.fincopilot.documents.entity.Document;
import io.fincopilot.retrieval.entity.FilingForm;
import io.fincopilot.retrieval.entity.PageKind;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.PUT;
import java.time.LocalDate;
import io.fincopilot.documents.boundary.Documents;
import io.fincopilot.documents.boundary.StoredContent;
import io.fincopilot.documents.boundary.Upload;
import io.fincopilot.documents.boundary.Uploaded;
import io.fincopilot.documents.entity.DocumentVersion;
import io.fincopilot.documents.entity.IngestionStatus;
import io.fincopilot.platform.openapi.ApiDocument;
import io.fincopilot.platform.problem.ProblemException;
import io.fincopilot.security.Allowed;
import io.fincopilot.security.CallerContext;
import io.fincopilot.security.Permission;
import jakarta.annotation.Nullable;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.sse.Sse;
import jakarta.ws.rs.sse.SseEventSink;
import java.io.InputStream;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The organization's documents. Uploads are read as a stream into a temporary file (never into
 * memory) and answered only once they are durable in S3 and PostgreSQL.
 */
@ApplicationScoped
@Path("documents")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Documents", description = "Upload, list, read, download and delete the organization's documents")
public class DocumentsResource {

    static final String QUOTA = "The plan has no overage and its storage, or this month's pages, are used (the problem "
            + "names the quota, what was used and what the plan includes)";

    @Inject
    Documents documents;

    @Inject
    CallerContext callers;

    @Inject
    DocumentProgress progress;

    @Inject
    DocumentProfiles profiles;

    public record VersionView(int version, @Schema(enumeration = {"queued", "extracting", "embedding", "ready", "failed"}) String status,
            String mediaType, long sizeBytes, String sha256, @Nullable Integer pagesTotal, int pagesDone,
            @Nullable String failureCode, @Nullable @Schema(description = "Why ingestion failed, in plain words") String failureReason,
            @Schema(description = "Masked personal data items by kind") Map<String, Integer> piiMasked,
            @Schema(description = "What extraction noted, e.g. invalid UTF-8 bytes replaced") List<String> notes,
            Instant createdAt, String createdBy, @Nullable Instant finishedAt) {

        static VersionView of(DocumentVersion v) {
            return new VersionView(v.version(), v.ingestionStatus().label(), v.mediaType(), v.sizeBytes(),
                    v.sha256(), v.pagesTotal(), v.pagesDone(), v.failureCode(), v.failureReason(), v.piiCounts(), v.notes(),
                    v.createdAt(), v.createdBy(), v.finishedAt());
        }
    }

    public record DocumentView(UUID id, String title, String fileName, List<String> tags,
            @Schema(description = "The latest version's status", enumeration = {"queued", "extracting", "embedding", "ready", "failed"}) String status,
            int latestVersion, @Nullable @Schema(description = "The version answers come from") Integer readyVersion,
            @Nullable Integer pagesTotal, int pagesDone, @Nullable String failureReason, Map<String, Integer> piiMasked,
            Instant createdAt, String createdBy, Instant updatedAt, List<VersionView> versions,
            @Schema(description = "What the document is, as detected or as a person set it") ProfileView profile) {

        static DocumentView of(DocumentDetails d) {
            DocumentVersion latest = d.latest();
            return new DocumentView(d.document().id(), d.document().title(), d.document().fileName(), d.document().tags(),
                    latest.ingestionStatus().label(), latest.version(), d.document().readyVersion(),
                    latest.pagesTotal(), latest.pagesDone(), latest.failureReason(), latest.piiCounts(),
                    d.document().createdAt(), d.document().createdBy(), d.document().updatedAt(),
                    d.versions().stream().map(VersionView::of).toList(), ProfileView.of(d.document(), null));
        }
    }

    public record ProfileView(@Nullable @Schema(description = "The registrant as printed") String company,
            @Nullable String ticker, @Nullable @Schema(description = "10-K, 10-Q, 8-K, annual report or other") String form,
            @Nullable Integer fiscalYear, @Nullable Integer fiscalQuarter, @Nullable LocalDate periodEnd,
            @Schema(description = "True when a person set it; ingestion then leaves it alone") boolean edited,
            @Nullable @Schema(description = "The ready version's pages by kind (income_statement, balance_sheet, "
                    + "cash_flow, equity, notes, cover, contents); only on the profile's own URL") Map<String, List<Integer>> pages) {

        static ProfileView of(Document d, Map<PageKind, List<Integer>> pages) {
            Map<String, List<Integer>> byKind = null;
            if (pages != null) {
                byKind = new java.util.LinkedHashMap<>();
                for (Map.Entry<PageKind, List<Integer>> e : pages.entrySet()) {
                    byKind.put(e.getKey().name().toLowerCase(Locale.ROOT), e.getValue());
                }
            }
            return new ProfileView(d.company(), d.ticker(), d.form() == null ? null : FilingForm.valueOf(d.form()).label(),
                    d.fiscalYear(), d.fiscalQuarter(), d.periodEnd(), d.profileEdited(), byKind);
        }
    }

    public record UploadedView(DocumentView document, int version,
            @Schema(description = "Where to follow ingestion: the document's own URL") String statusUrl,
            @Schema(description = "True when this answers a retry with the same Idempotency-Key") boolean replayed) {
    }

    /** The multipart form of an upload, for the API document. */
    @Schema(name = "DocumentUploadForm")
    public record UploadForm(@Schema(type = SchemaType.STRING, format = "binary", description = "PDF, plain text, HTML or CSV") String file,
            @Nullable String title, @Nullable @Schema(description = "Comma-separated tags") String tags) {
    }

    @POST
    @Consumes(MediaType.WILDCARD)
    @Allowed(Permission.DOCUMENTS_WRITE_NAME)
    @SecurityRequirement(name = ApiDocument.KEYCLOAK, scopes = Permission.DOCUMENTS_WRITE_NAME)
    @SecurityRequirement(name = ApiDocument.API_KEY, scopes = Permission.DOCUMENTS_WRITE_NAME)
    @Operation(operationId = "uploadDocument", summary = "Upload a document: multipart (file, title, tags) or the raw bytes "
            + "with their Content-Type and ?fileName=; the type is sniffed from the bytes")
    @RequestBody(required = true, content = {
            @Content(mediaType = MediaType.MULTIPART_FORM_DATA, schema = @Schema(implementation = UploadForm.class)),
            @Content(mediaType = "application/pdf", schema = @Schema(type = SchemaType.STRING, format = "binary")),
            @Content(mediaType = "text/plain", schema = @Schema(type = SchemaType.STRING, format = "binary")),
            @Content(mediaType = "text/html", schema = @Schema(type = SchemaType.STRING, format = "binary")),
            @Content(mediaType = "text/csv", schema = @Schema(type = SchemaType.STRING, format = "binary"))})
    @APIResponse(responseCode = "201", description = "Stored in S3 and PostgreSQL and queued for ingestion; Location names it",
            content = @Content(schema = @Schema(implementation = UploadedView.class)))
    @APIResponse(responseCode = "402", description = QUOTA)
    @APIResponse(responseCode = "409", description = "The organization already holds these bytes (the problem names the document)")
    @APIResponse(responseCode = "413", description = "Larger than the plan allows")
    @APIResponse(responseCode = "415", description = "Not PDF, text, HTML or CSV, or not what the request declared")
    @APIResponse(responseCode = "422", description = "The Idempotency-Key was used for other bytes")
    public Response upload(@Context HttpServletRequest request, @Context UriInfo uri,
            @Parameter(description = "Repeat it on a retry to get the first answer back") @HeaderParam("Idempotency-Key") String idempotencyKey,
            @Parameter(description = "The file's name (a multipart form's own wins)") @QueryParam("fileName") String fileName,
            @Parameter(description = "A title (a multipart form's own wins)") @QueryParam("title") String title,
            @Parameter(description = "Comma-separated tags (a multipart form's own win)") @QueryParam("tags") String tags) {
        return store(null, request, uri, idempotencyKey, fileName, title, tags);
    }

    @POST
    @Path("{id}/versions")
    @Consumes(MediaType.WILDCARD)
    @Allowed(Permission.DOCUMENTS_WRITE_NAME)
    @SecurityRequirement(name = ApiDocument.KEYCLOAK, scopes = Permission.DOCUMENTS_WRITE_NAME)
    @SecurityRequirement(name = ApiDocument.API_KEY, scopes = Permission.DOCUMENTS_WRITE_NAME)
    @Operation(operationId = "uploadDocumentVersion", summary = "Upload a new version; answers keep coming from the "
            + "current version until the new one is ready")
    @RequestBody(required = true, content = {
            @Content(mediaType = MediaType.MULTIPART_FORM_DATA, schema = @Schema(implementation = UploadForm.class)),
            @Content(mediaType = "application/pdf", schema = @Schema(type = SchemaType.STRING, format = "binary")),
            @Content(mediaType = "text/plain", schema = @Schema(type = SchemaType.STRING, format = "binary")),
            @Content(mediaType = "text/html", schema = @Schema(type = SchemaType.STRING, format = "binary")),
            @Content(mediaType = "text/csv", schema = @Schema(type = SchemaType.STRING, format = "binary"))})
    @APIResponse(responseCode = "201", description = "The new version, stored and queued",
            content = @Content(schema = @Schema(implementation = UploadedView.class)))
    @APIResponse(responseCode = "402", description = QUOTA)
    @APIResponse(responseCode = "404", description = "The organization has no such document")
    public Response uploadVersion(@PathParam("id") UUID id, @Context HttpServletRequest request, @Context UriInfo uri,
            @Parameter(description = "Repeat it on a retry to get the first answer back") @HeaderParam("Idempotency-Key") String idempotencyKey,
            @Parameter(description = "The file's name (a multipart form's own wins)") @QueryParam("fileName") String fileName) {
        documents.requireDocument(callers.tenant(), id);
        return store(id, request, uri, idempotencyKey, fileName, null, null);
    }

    @GET
    @Allowed(Permission.DOCUMENTS_READ_NAME)
    @SecurityRequirement(name = ApiDocument.KEYCLOAK, scopes = Permission.DOCUMENTS_READ_NAME)
    @SecurityRequirement(name = ApiDocument.API_KEY, scopes = Permission.DOCUMENTS_READ_NAME)
    @Operation(operationId = "listDocuments", summary = "The organization's documents, newest first")
    @APIResponse(responseCode = "200", description = "One page of documents")
    public List<DocumentView> list(
            @Parameter(description = "Only documents whose latest version has this status")
            @QueryParam("status") @Schema(enumeration = {"queued", "extracting", "embedding", "ready", "failed"}) String status,
            @Parameter(description = "Only documents with this tag") @QueryParam("tag") String tag,
            @Parameter(description = "Only documents whose title contains this text") @QueryParam("q") String title,
            @QueryParam("offset") @DefaultValue("0") int offset,
            @QueryParam("limit") @DefaultValue("50") int limit) {
        if (offset < 0 || limit < 1 || limit > 200) {
            throw ProblemException.badRequest("offset must be 0 or more and limit between 1 and 200");
        }
        return documents.list(callers.tenant(), new DocumentQuery(status(status), blankToNull(tag), blankToNull(title),
                offset, limit)).stream().map(DocumentView::of).toList();
    }

    @GET
    @Path("{id}")
    @Allowed(Permission.DOCUMENTS_READ_NAME)
    @SecurityRequirement(name = ApiDocument.KEYCLOAK, scopes = Permission.DOCUMENTS_READ_NAME)
    @SecurityRequirement(name = ApiDocument.API_KEY, scopes = Permission.DOCUMENTS_READ_NAME)
    @Operation(operationId = "getDocument", summary = "One document: metadata, versions, status and progress")
    @APIResponse(responseCode = "200", description = "The document")
    @APIResponse(responseCode = "404", description = "The organization has no such document")
    public DocumentView get(@PathParam("id") UUID id) {
        return DocumentView.of(documents.get(callers.tenant(), id));
    }

    @GET
    @Path("{id}/content")
    @Produces(MediaType.WILDCARD)
    @Allowed(Permission.DOCUMENTS_READ_NAME)
    @SecurityRequirement(name = ApiDocument.KEYCLOAK, scopes = Permission.DOCUMENTS_READ_NAME)
    @SecurityRequirement(name = ApiDocument.API_KEY, scopes = Permission.DOCUMENTS_READ_NAME)
    @Operation(operationId = "getDocumentContent", summary = "The original bytes of the current or a given version (audited)")
    @APIResponse(responseCode = "200", description = "The original, as uploaded",
            content = @Content(mediaType = MediaType.APPLICATION_OCTET_STREAM, schema = @Schema(type = SchemaType.STRING, format = "binary")))
    @APIResponse(responseCode = "404", description = "The organization has no such document or version")
    public Response content(@PathParam("id") UUID id,
            @Parameter(description = "A version; by default the one answers come from, else the latest") @QueryParam("version") Integer version,
            @Context jakarta.ws.rs.core.Request request) throws java.io.IOException {
        StoredContent content = documents.content(callers.tenant(), id, version, callers.require(), callers.sourceIp());
        return original(content, content.mediaType(), "attachment", request)
                .header("X-Document-Version", content.version())
                .header("X-Content-SHA256", content.sha256()).build();
    }

    /**
     * A stored original as a response: its bytes streamed from S3, or, for a HEAD request (no body
     * will be written), the object's stream given back at once so that no S3 connection is held.
     */
    public static Response.ResponseBuilder original(StoredContent content, String mediaType, String disposition,
            jakarta.ws.rs.core.Request request) throws java.io.IOException {
        if ("HEAD".equals(request.getMethod())) {
            content.bytes().close();
        }
        StreamingOutput body = out -> {
            try (InputStream in = content.bytes()) {
                in.transferTo(out);
            }
        };
        return Response.ok(body, mediaType).header("Content-Length", content.size())
                .header("Content-Disposition", contentDisposition(disposition, content.fileName()));
    }

    @GET
    @Path("{id}/chunks")
    @Allowed(Permission.DOCUMENTS_READ_NAME)
    @SecurityRequirement(name = ApiDocument.KEYCLOAK, scopes = Permission.DOCUMENTS_READ_NAME)
    @SecurityRequirement(name = ApiDocument.API_KEY, scopes = Permission.DOCUMENTS_READ_NAME)
    @Operation(operationId = "listDocumentChunks", summary = "How the document was cut: page, section heading, table "
            + "header and the text as indexed (personal data masked)")
    @APIResponse(responseCode = "200", description = "One page of chunks, in reading order")
    @APIResponse(responseCode = "404", description = "The organization has no such document or version")
    public List<ChunkView> chunks(@PathParam("id") UUID id,
            @Parameter(description = "A version; by default the one answers come from, else the latest") @QueryParam("version") Integer version,
            @QueryParam("offset") @DefaultValue("0") int offset,
            @QueryParam("limit") @DefaultValue("100") int limit) {
        if (offset < 0 || limit < 1 || limit > 500) {
            throw ProblemException.badRequest("offset must be 0 or more and limit between 1 and 500");
        }
        return documents.chunks(callers.tenant(), id, version, offset, limit);
    }

    @GET
    @Path("{id}/events")
    @Produces(MediaType.SERVER_SENT_EVENTS)
    @Allowed(Permission.DOCUMENTS_READ_NAME)
    @SecurityRequirement(name = ApiDocument.KEYCLOAK, scopes = Permission.DOCUMENTS_READ_NAME)
    @SecurityRequirement(name = ApiDocument.API_KEY, scopes = Permission.DOCUMENTS_READ_NAME)
    @Operation(operationId = "followDocument", summary = "Server-sent events: a 'progress' event (status, version, pages "
            + "done of total, failure reason) whenever ingestion moves, until the version is ready or failed")
    @APIResponse(responseCode = "200", description = "The event stream; each event's data is a JSON object")
    @APIResponse(responseCode = "404", description = "The organization has no such document")
    public void events(@PathParam("id") UUID id, @Context SseEventSink sink, @Context Sse sse) {
        documents.get(callers.tenant(), id);
        progress.follow(callers.tenant(), id, sink, sse);
    }

    @GET
    @Path("{id}/profile")
    @Allowed(Permission.DOCUMENTS_READ_NAME)
    @SecurityRequirement(name = ApiDocument.KEYCLOAK, scopes = Permission.DOCUMENTS_READ_NAME)
    @SecurityRequirement(name = ApiDocument.API_KEY, scopes = Permission.DOCUMENTS_READ_NAME)
    @Operation(operationId = "getDocumentProfile", summary = "What the document is (company, form, fiscal period) and "
            + "which pages hold its primary statements")
    @APIResponse(responseCode = "200", description = "The profile")
    @APIResponse(responseCode = "404", description = "The organization has no such document")
    public ProfileView profile(@PathParam("id") UUID id) {
        DocumentProfiles.Profile profile = profiles.get(callers.tenant(), id);
        return ProfileView.of(profile.document(), profile.pages());
    }

    @PUT
    @Path("{id}/profile")
    @Consumes(MediaType.APPLICATION_JSON)
    @Allowed(Permission.DOCUMENTS_WRITE_NAME)
    @SecurityRequirement(name = ApiDocument.KEYCLOAK, scopes = Permission.DOCUMENTS_WRITE_NAME)
    @SecurityRequirement(name = ApiDocument.API_KEY, scopes = Permission.DOCUMENTS_WRITE_NAME)
    @Operation(operationId = "updateDocumentProfile", summary = "Correct what the document is (kept when later versions "
            + "are read) and where the ready version's statements are (audited)")
    @APIResponse(responseCode = "200", description = "The profile as stored")
    @APIResponse(responseCode = "404", description = "The organization has no such document")
    @APIResponse(responseCode = "409", description = "Statement pages were given before the document was ready")
    public ProfileView updateProfile(@PathParam("id") UUID id, @NotNull @Valid ProfileUpdate body) {
        DocumentProfiles.Profile profile = profiles.update(callers.tenant(), id, body, callers.require(), callers.sourceIp());
        return ProfileView.of(profile.document(), profile.pages());
    }

    @DELETE
    @Path("{id}")
    @Produces({"application/problem+json", MediaType.APPLICATION_JSON}) // no body on success; a problem otherwise
    @Allowed(Permission.DOCUMENTS_WRITE_NAME)
    @SecurityRequirement(name = ApiDocument.KEYCLOAK, scopes = Permission.DOCUMENTS_WRITE_NAME)
    @SecurityRequirement(name = ApiDocument.API_KEY, scopes = Permission.DOCUMENTS_WRITE_NAME)
    @Operation(operationId = "deleteDocument", summary = "Delete a document: every version, in S3 and in the index (audited)")
    @APIResponse(responseCode = "204", description = "Deleted")
    @APIResponse(responseCode = "404", description = "The organization has no such document")
    public Response delete(@PathParam("id") UUID id) {
        documents.delete(callers.tenant(), id, callers.require(), callers.sourceIp());
        return Response.noContent().build();
    }

    private Response store(UUID document, HttpServletRequest request, UriInfo uri, String idempotencyKey, String fileName,
            String title, String tags) {
        Documents.Limits limits = documents.limits(callers.tenant(), idempotencyKey != null && !idempotencyKey.isBlank());
        try (UploadBody body = UploadBody.read(request, limits.maxBytes(), fileName, title, tags)) {
            Uploaded uploaded = documents.upload(callers.tenant(), callers.require(), callers.sourceIp(), document,
                    new Upload(body.fileName(), body.declaredType(), body.title(), body.tags(), idempotencyKey,
                            request.getHeader("X-Fincopilot-Fault")), body.file());
            UUID id = uploaded.details().document().id();
            java.net.URI location = uri.getBaseUriBuilder().path("documents").path(id.toString()).build();
            return Response.status(uploaded.status()).location(location)
                    .entity(new UploadedView(DocumentView.of(uploaded.details()), uploaded.version(), location.getPath(),
                            uploaded.replayed())).build();
        }
    }

    /** The file's name for any browser: an ASCII fallback and the exact name in RFC 5987 form. */
    static String contentDisposition(String fileName) {
        return contentDisposition("attachment", fileName);
    }

    /** @param kind {@code attachment}, or {@code inline} for what a browser may show itself */
    static String contentDisposition(String kind, String fileName) {
        String ascii = fileName.replaceAll("[^\\x20-\\x7e]", "_").replace("\"", "_").replace("\\", "_");
        String exact = java.net.URLEncoder.encode(fileName, java.nio.charset.StandardCharsets.UTF_8).replace("+", "%20");
        return kind + "; filename=\"" + ascii + "\"; filename*=UTF-8''" + exact;
    }

    private static IngestionStatus status(String status) {
        if (status == null || status.isBlank()) {
            return null;
        }
        try {
            return IngestionStatus.valueOf(status.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            // refused below
        }
        throw ProblemException.badRequest("status must be one of queued, extracting, embedding, ready, failed");
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
