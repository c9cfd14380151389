package io.fincopilot.web.api;

import io.fincopilot.platform.openapi.ApiDocument;
import io.fincopilot.retrieval.boundary.Search;
import io.fincopilot.retrieval.boundary.SearchRequest;
import io.fincopilot.retrieval.entity.Passage;
import io.fincopilot.retrieval.entity.SearchResult;
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

/** Retrieval alone: ranked passages for client systems that build their own answers, and for evaluation. */
@ApplicationScoped
@Path("search")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Search", description = "Find the passages of the organization's documents that answer a question")
public class SearchResource {

    @Inject
    Search search;

    @Inject
    CallerContext callers;

    public record PassageView(UUID documentId, String title, int version, @Schema(description = "1-based, as a PDF viewer numbers pages")
            int page, @Nullable @Schema(description = "The section heading the passage sits under") String section,
            @Nullable @Schema(description = "For a table row: the table's header line") String tableHeader,
            @Schema(description = "The text as indexed (personal data masked)") String text,
            @Schema(description = "income_statement, balance_sheet, cash_flow, equity, notes, cover, contents or other")
            String pageKind, double score) {

        static PassageView of(Passage p) {
            return new PassageView(p.document(), p.title(), p.version(), p.page(), p.section(), p.tableHeader(), p.text(),
                    p.pageKind().toLowerCase(java.util.Locale.ROOT), p.score());
        }
    }

    public record SearchedView(UUID id, String title) {
    }

    public record SearchResponse(List<PassageView> passages,
            @Schema(description = "The documents searched") List<SearchedView> searched,
            @Schema(description = "Why these documents were searched") String scope) {

        static SearchResponse of(SearchResult r) {
            return new SearchResponse(r.passages().stream().map(PassageView::of).toList(),
                    r.searched().stream().map(s -> new SearchedView(s.id(), s.title())).toList(), r.scope());
        }
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Allowed({Permission.ASK_NAME, Permission.DOCUMENTS_READ_NAME})
    @SecurityRequirement(name = ApiDocument.KEYCLOAK, scopes = {Permission.ASK_NAME, Permission.DOCUMENTS_READ_NAME})
    @SecurityRequirement(name = ApiDocument.API_KEY, scopes = {Permission.ASK_NAME, Permission.DOCUMENTS_READ_NAME})
    @Operation(operationId = "search", summary = "Retrieval alone: the passages that best answer a question, ranked, "
            + "with where they sit and which documents were searched")
    @APIResponse(responseCode = "200", description = "The passages, best first")
    @APIResponse(responseCode = "404", description = "A named document is not the organization's")
    public SearchResponse search(@NotNull @Valid SearchRequest body) {
        return SearchResponse.of(search.search(callers.tenant(), body.query()));
    }
}
