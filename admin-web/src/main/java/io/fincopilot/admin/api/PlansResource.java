package io.fincopilot.admin.api;

import io.fincopilot.billing.boundary.Plans;
import io.fincopilot.billing.entity.PlanTerms;
import io.fincopilot.platform.openapi.ApiDocument;
import io.fincopilot.security.Allowed;
import io.fincopilot.security.CallerContext;
import io.fincopilot.security.Role;
import jakarta.annotation.Nullable;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.math.BigDecimal;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Plans: platform admins create and edit them, billing staff read them (decision 71). */
@ApplicationScoped
@Path("plans")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Staff: plans", description = "Plans, their prices, quotas and limits")
public class PlansResource {

    private static final String AMOUNT = "An exact decimal amount in the plan's currency, as a string";

    @Inject
    Plans plans;

    @Inject
    CallerContext callers;

    /** A plan's terms as sent: every field is required; amounts are decimals (JSON numbers or strings). */
    public record PlanBody(@Nullable @Schema(description = "Required when creating (2-40 of a-z, 0-9 and '-'); "
            + "when editing, the path names the plan") String code,
            @NotNull String name, @NotNull BigDecimal monthlyPrice,
            @NotNull @Schema(description = "ISO 4217, such as USD or EUR") String currency,
            @NotNull Integer rateLimitPerMinute, @NotNull Long maxUploadBytes, @NotNull Integer maxPagesPerDocument,
            @NotNull Long includedPages, @NotNull Long includedQuestions,
            @NotNull @Schema(description = "GB-months included (10^9 bytes for a month); a plan without overage lets "
                    + "an organization hold this many GB") BigDecimal includedStorageGb,
            @NotNull BigDecimal overagePagePrice, @NotNull BigDecimal overageQuestionPrice,
            @NotNull BigDecimal overageStorageGbMonthPrice,
            @NotNull @Schema(description = "False: the quotas are hard and acts past them are refused with 402") Boolean overageAllowed) {

        PlanTerms terms(String planCode) {
            return new PlanTerms(planCode, name, monthlyPrice, currency, rateLimitPerMinute, maxUploadBytes, maxPagesPerDocument,
                    includedPages, includedQuestions, includedStorageGb, overagePagePrice, overageQuestionPrice,
                    overageStorageGbMonthPrice, overageAllowed);
        }
    }

    @Schema(name = "Plan")
    public record PlanView(String code, String name, @Schema(description = AMOUNT) String monthlyPrice, String currency,
            int rateLimitPerMinute, long maxUploadBytes, int maxPagesPerDocument, long includedPages, long includedQuestions,
            @Schema(description = "GB-months included") String includedStorageGb,
            @Schema(description = AMOUNT) String overagePagePrice, @Schema(description = AMOUNT) String overageQuestionPrice,
            @Schema(description = AMOUNT) String overageStorageGbMonthPrice, boolean overageAllowed) {

        public static PlanView of(PlanTerms p) {
            return new PlanView(p.code(), p.name(), p.monthlyPrice().toPlainString(), p.currency(), p.rateLimitPerMinute(),
                    p.maxUploadBytes(), p.maxPagesPerDocument(), p.includedPages(), p.includedQuestions(),
                    p.includedStorageGb().toPlainString(), p.overagePagePrice().toPlainString(),
                    p.overageQuestionPrice().toPlainString(), p.overageStorageGbMonthPrice().toPlainString(), p.overageAllowed());
        }
    }

    @GET
    @Allowed({Role.PLATFORM_ADMIN_NAME, Role.BILLING_NAME})
    @SecurityRequirement(name = ApiDocument.KEYCLOAK, scopes = {Role.PLATFORM_ADMIN_NAME, Role.BILLING_NAME})
    @Operation(operationId = "listPlans", summary = "All plans, cheapest first")
    @APIResponse(responseCode = "200", description = "Every plan")
    public List<PlanView> list() {
        return plans.all().stream().map(PlanView::of).toList();
    }

    @GET
    @Path("{code}")
    @Allowed({Role.PLATFORM_ADMIN_NAME, Role.BILLING_NAME})
    @SecurityRequirement(name = ApiDocument.KEYCLOAK, scopes = {Role.PLATFORM_ADMIN_NAME, Role.BILLING_NAME})
    @Operation(operationId = "getPlan", summary = "One plan")
    @APIResponse(responseCode = "200", description = "The plan")
    @APIResponse(responseCode = "404", description = "There is no such plan")
    public PlanView get(@PathParam("code") @Pattern(regexp = PlanTerms.CODE_SHAPE, message = "not a plan code") String code) {
        return PlanView.of(plans.get(code));
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Allowed(Role.PLATFORM_ADMIN_NAME)
    @SecurityRequirement(name = ApiDocument.KEYCLOAK, scopes = Role.PLATFORM_ADMIN_NAME)
    @Operation(operationId = "createPlan", summary = "Create a plan (audited)")
    @APIResponse(responseCode = "201", description = "The plan; Location names it",
            content = @Content(schema = @Schema(implementation = PlanView.class)))
    @APIResponse(responseCode = "409", description = "A plan with this code exists")
    public Response create(@NotNull @Valid PlanBody body, @Context UriInfo uri) {
        PlanView created = PlanView.of(plans.create(body.terms(body.code()), callers.require(), callers.sourceIp()));
        return Response.created(uri.getAbsolutePathBuilder().path(created.code()).build()).entity(created).build();
    }

    @PUT
    @Path("{code}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Allowed(Role.PLATFORM_ADMIN_NAME)
    @SecurityRequirement(name = ApiDocument.KEYCLOAK, scopes = Role.PLATFORM_ADMIN_NAME)
    @Operation(operationId = "updatePlan", summary = "New terms for a plan (audited); they apply to every organization "
            + "on it from its next request, and invoices use the terms of the days they applied")
    @APIResponse(responseCode = "200", description = "The plan with its new terms")
    @APIResponse(responseCode = "404", description = "There is no such plan")
    public PlanView update(@PathParam("code") @Pattern(regexp = PlanTerms.CODE_SHAPE, message = "not a plan code") String code, @NotNull @Valid PlanBody body) {
        return PlanView.of(plans.update(code, body.terms(code), callers.require(), callers.sourceIp()));
    }
}
