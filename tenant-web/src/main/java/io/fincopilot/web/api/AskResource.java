package io.fincopilot.web.api;

import io.fincopilot.answers.boundary.Ask;
import io.fincopilot.answers.boundary.AskRequest;
import io.fincopilot.answers.boundary.Asked;
import io.fincopilot.answers.entity.Citation;
import io.fincopilot.platform.openapi.ApiDocument;
import io.fincopilot.security.Allowed;
import io.fincopilot.security.CallerContext;
import io.fincopilot.security.Permission;
import jakarta.annotation.Nullable;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import io.fincopilot.answers.boundary.AnswerStream;
import io.fincopilot.security.Caller;
import io.fincopilot.tenancy.entity.TenantId;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import io.fincopilot.platform.problem.Problem;
import io.fincopilot.platform.problem.ProblemException;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Questions answered from the organization's documents, with the pages that support the answer. */
@ApplicationScoped
@Path("ask")
@Produces({MediaType.APPLICATION_JSON, MediaType.SERVER_SENT_EVENTS})
@Tag(name = "Ask", description = "Answers with citations, or a plain statement that the documents do not answer")
public class AskResource {

    @Inject
    Ask ask;

    @Inject
    CallerContext callers;

    public record CitationView(int number, UUID documentId, String title, int version,
            @Schema(description = "1-based, as a PDF viewer numbers pages") int page,
            @Schema(description = "The passage quoted; a table row with its header line") String quote, double score) {

        static CitationView of(Citation c) {
            return new CitationView(c.number(), c.document(), c.title(), c.version(), c.page(), c.quote(), c.score());
        }
    }

    public record UsageView(int tokensIn, int tokensOut) {
    }

    public record AskResponse(@Schema(description = "The answer; [n] refers to citation n") String answer,
            @Schema(description = "True when the documents do not answer the question") boolean abstained,
            List<CitationView> citations, List<SearchResource.SearchedView> searched,
            @Schema(description = "Which documents were searched and why") String scope,
            @Schema(description = "extractive, or the remote provider's name") String provider, @Nullable String model,
            @Schema(description = "True when a remote provider failed and the extractive answer stands in") boolean fallback,
            @Nullable String fallbackReason, UsageView usage, long latencyMs,
            @Schema(description = "True when the answer came from the cache") boolean cached) {

        static AskResponse of(Asked a) {
            return new AskResponse(a.answer().text(), a.answer().abstained(),
                    a.answer().citations().stream().map(CitationView::of).toList(),
                    a.found().searched().stream().map(s -> new SearchResource.SearchedView(s.id(), s.title())).toList(),
                    a.found().scope(), a.answer().provider(), a.answer().model(), a.fallback(), a.fallbackReason(),
                    a.cached() ? new UsageView(0, 0) : new UsageView(a.answer().tokensIn(), a.answer().tokensOut()),
                    a.latencyMillis(), a.cached());
        }
    }

    private static final Jsonb JSON = JsonbBuilder.create();
    private static final Logger LOG = Logger.getLogger(AskResource.class.getName());

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Allowed(Permission.ASK_NAME)
    @SecurityRequirement(name = ApiDocument.KEYCLOAK, scopes = Permission.ASK_NAME)
    @SecurityRequirement(name = ApiDocument.API_KEY, scopes = Permission.ASK_NAME)
    @Operation(operationId = "ask", summary = "Answer a question from the organization's documents, citing the pages "
            + "that support it, or say that they do not answer it (audited)")
    @APIResponse(responseCode = "200", description = "The answer, or an abstention; with stream, server-sent events "
            + "(text, restart, citations, done: the same answer as without stream)",
            content = {@Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = AskResponse.class)),
                    @Content(mediaType = MediaType.SERVER_SENT_EVENTS, schema = @Schema(type = SchemaType.STRING))})
    @APIResponse(responseCode = "402", description = "The plan has no overage and this month's questions are used (the "
            + "problem names the quota, what was used, what the plan includes and when it resets)")
    @APIResponse(responseCode = "404", description = "A named document is not the organization's")
    public Response ask(
            @Parameter(description = "Name the question to retry it safely: however often a question with this key is "
                    + "sent, it counts once in the organization's usage") @HeaderParam("Idempotency-Key") String idempotencyKey,
            @NotNull @Valid AskRequest body) {
        TenantId tenant = callers.tenant();
        Caller by = callers.require();
        String sourceIp = callers.sourceIp();
        if (!body.streamed()) {
            return Response.ok(AskResponse.of(ask.ask(tenant, by, sourceIp, body.query(), null, idempotencyKey)), MediaType.APPLICATION_JSON_TYPE)
                    .build();
        }
        ask.check(tenant, body.query(), idempotencyKey); // a bad filter or key is a problem answer, not a broken stream
        StreamingOutput events = out -> {
            EventWriter writer = new EventWriter(out);
            Asked asked;
            try {
                asked = ask.ask(tenant, by, sourceIp, body.query(), writer, idempotencyKey);
            } catch (RuntimeException e) {
                // The status went out with the first byte: the problem travels as the stream's last event.
                Problem problem = e instanceof ProblemException p ? p.problem() : Problem.of(500, "internal-error",
                        "Internal Server Error", "the answer could not be completed");
                LOG.log(e instanceof ProblemException ? Level.FINE : Level.WARNING, "a streamed answer failed", e);
                writer.event("error", problem.toJson(null, null).toString());
                return;
            }
            writer.event("citations", asked.answer().citations().stream().map(CitationView::of).toList());
            writer.event("done", AskResponse.of(asked));
        };
        return Response.ok(events, MediaType.SERVER_SENT_EVENTS_TYPE).header("Cache-Control", "no-store")
                .header("X-Accel-Buffering", "no").build();
    }

    /**
     * Server-sent events, each flushed as it is written. A client that went away stops the writing,
     * not the question: it is still answered, audited and counted.
     */
    static final class EventWriter implements AnswerStream {
        private final OutputStream out;
        private boolean gone;

        EventWriter(OutputStream out) {
            this.out = out;
        }

        @Override
        public void text(String delta) {
            event("text", java.util.Map.of("text", delta));
        }

        @Override
        public void restart(String reason) {
            event("restart", java.util.Map.of("reason", reason));
        }

        void event(String name, Object data) {
            if (gone) {
                return;
            }
            try {
                String json = data instanceof String raw ? raw : JSON.toJson(data);
                out.write(("event: " + name + "\ndata: " + json + "\n\n").getBytes(StandardCharsets.UTF_8));
                out.flush();
            } catch (IOException e) {
                gone = true;
            }
        }
    }
}
