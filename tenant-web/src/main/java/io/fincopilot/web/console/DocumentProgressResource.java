package io.fincopilot.web.console;

import io.fincopilot.documents.control.DocumentProgress;
import io.fincopilot.security.Allowed;
import io.fincopilot.security.CallerContext;
import io.fincopilot.security.Permission;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.sse.Sse;
import jakarta.ws.rs.sse.SseEventSink;

/** The Documents page's live progress: one stream of every document of the organization being ingested. */
@ApplicationScoped
@Path("documents")
public class DocumentProgressResource {

    @Inject
    CallerContext callers;

    @Inject
    DocumentProgress progress;

    @GET
    @Produces(MediaType.SERVER_SENT_EVENTS)
    @Allowed(Permission.DOCUMENTS_READ_NAME)
    public void follow(@Context SseEventSink sink, @Context Sse sse) {
        progress.followAll(callers.tenant(), sink, sse);
    }
}
