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
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Questions answered from the organization's documents, with the pages that support the answer. */
@ApplicationScoped
@Path("ask")
@Produces(MediaType.APPLICATION_JSON)
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
                    a.found().scope(), a.answer().provider(), a.answer().model(), false, null,
                    new UsageView(a.answer().tokensIn(), a.answer().tokensOut()), a.latencyMillis(), false);
        }
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Allowed(Permission.ASK_NAME)
    @SecurityRequirement(name = ApiDocument.KEYCLOAK, scopes = Permission.ASK_NAME)
    @SecurityRequirement(name = ApiDocument.API_KEY, scopes = Permission.ASK_NAME)
    @Operation(operationId = "ask", summary = "Answer a question from the organization's documents, citing the pages "
            + "that support it, or say that they do not answer it (audited)")
    @APIResponse(responseCode = "200", description = "The answer, or an abstention")
    @APIResponse(responseCode = "404", description = "A named document is not the organization's")
    public AskResponse ask(@NotNull @Valid AskRequest body) {
        return AskResponse.of(ask.ask(callers.tenant(), callers.require(), callers.sourceIp(), body.query()));
    }
}
