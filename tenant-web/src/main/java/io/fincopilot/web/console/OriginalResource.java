package io.fincopilot.web.console;

import io.fincopilot.documents.boundary.Documents;
import io.fincopilot.documents.boundary.StoredContent;
import io.fincopilot.platform.problem.ProblemException;
import io.fincopilot.security.Allowed;
import io.fincopilot.security.CallerContext;
import io.fincopilot.security.Permission;
import io.fincopilot.web.api.DocumentsResource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;
import java.util.UUID;

/**
 * A document's original for the console, where an answer's citation opens it: a PDF inline, so
 * that the browser's viewer goes to the cited page ({@code #page=N}); anything else as a download
 * (an uploaded HTML page is never rendered in the console's origin). Read-only and audited like
 * the API's {@code GET /api/v1/documents/{id}/content}, through the same service. A browser that
 * says the request comes from anywhere but the console's own origin (or the person's own address
 * bar) is refused, so no page elsewhere can make a logged-in person's browser read originals (and
 * fill the audit trail).
 */
@ApplicationScoped
@Path("documents/{id}/original")
public class OriginalResource {

    @Inject
    Documents documents;

    @Inject
    CallerContext callers;

    @GET
    @Produces(MediaType.WILDCARD)
    @Allowed(Permission.DOCUMENTS_READ_NAME)
    public Response original(@PathParam("id") UUID id, @QueryParam("version") Integer version,
            @HeaderParam("Sec-Fetch-Site") String fetchSite, @Context Request request) throws java.io.IOException {
        // Another site's page may not make the browser read (and audit) an original.
        String site = fetchSite == null ? null : fetchSite.strip();
        if (site != null && !site.equalsIgnoreCase("same-origin") && !site.equalsIgnoreCase("none")) {
            throw ProblemException.forbidden("originals open from the console only");
        }
        StoredContent content = documents.content(callers.tenant(), id, version, callers.require(), callers.sourceIp());
        boolean pdf = "application/pdf".equals(content.mediaType());
        return DocumentsResource.original(content, pdf ? content.mediaType() : MediaType.APPLICATION_OCTET_STREAM,
                pdf ? "inline" : "attachment", request)
                .header("X-Content-Type-Options", "nosniff")
                .header("Cache-Control", "private, no-store").build();
    }
}
