package io.fincopilot.admin.api;

import io.fincopilot.billing.boundary.CreditNoteRequest;
import io.fincopilot.billing.boundary.InvoiceView;
import io.fincopilot.billing.boundary.Invoices;
import io.fincopilot.billing.boundary.Usage;
import io.fincopilot.billing.entity.Invoice;
import io.fincopilot.billing.entity.UsagePeriod;
import io.fincopilot.platform.openapi.ApiDocument;
import io.fincopilot.security.Allowed;
import io.fincopilot.security.CallerContext;
import io.fincopilot.security.Role;
import io.fincopilot.tenancy.entity.TenantId;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Billing for staff (decision 72): the months' invoices and their lines, an organization's usage,
 * closing a month, checking an invoice computes again to the same bytes, and credit notes. Every
 * look at an organization's invoices or usage is audited on its chain.
 */
@ApplicationScoped
@Path("billing")
@Tag(name = "Staff: billing", description = "Invoices, usage and month closes, for billing staff and platform admins")
public class BillingResource {

    private static final String MONTH = "\\d{4}-(0[1-9]|1[0-2])";
    private static final String NOT_FOUND = "There is no such invoice";

    @Inject
    Invoices invoices;

    @Inject
    Usage usage;

    @Inject
    CallerContext callers;

    @GET
    @Path("invoices")
    @Produces(MediaType.APPLICATION_JSON)
    @Allowed({Role.PLATFORM_ADMIN_NAME, Role.BILLING_NAME})
    @SecurityRequirement(name = ApiDocument.KEYCLOAK, scopes = {Role.PLATFORM_ADMIN_NAME, Role.BILLING_NAME})
    @Operation(operationId = "listMonthInvoices", summary = "A month's invoices and credit notes, of every organization or "
            + "one (audited on each organization's chain)")
    @APIResponse(responseCode = "200", description = "The month's invoices")
    public List<InvoiceView> list(@Parameter(description = "The month, YYYY-MM", required = true) @QueryParam("period") String period,
            @Parameter(description = "Only this organization's") @QueryParam("organization") UUID organization) {
        return invoices.ofPeriod(UsagePeriod.parse(period), organization, callers.require(), callers.sourceIp()).stream()
                .map(InvoiceView::of).toList();
    }

    @GET
    @Path("invoices/{id}")
    @Produces(MediaType.APPLICATION_JSON)
    @Allowed({Role.PLATFORM_ADMIN_NAME, Role.BILLING_NAME})
    @SecurityRequirement(name = ApiDocument.KEYCLOAK, scopes = {Role.PLATFORM_ADMIN_NAME, Role.BILLING_NAME})
    @Operation(operationId = "getStaffInvoice", summary = "One invoice with its lines (audited)")
    @APIResponse(responseCode = "200", description = "The invoice")
    @APIResponse(responseCode = "404", description = NOT_FOUND)
    public InvoiceView get(@PathParam("id") UUID id) {
        return InvoiceView.of(invoices.get(id, callers.require(), callers.sourceIp()));
    }

    @GET
    @Path("invoices/{id}/pdf")
    @Produces("application/pdf")
    @Allowed({Role.PLATFORM_ADMIN_NAME, Role.BILLING_NAME})
    @SecurityRequirement(name = ApiDocument.KEYCLOAK, scopes = {Role.PLATFORM_ADMIN_NAME, Role.BILLING_NAME})
    @Operation(operationId = "getStaffInvoicePdf", summary = "One invoice as PDF (audited)")
    @APIResponse(responseCode = "200", description = "The invoice as PDF",
            content = @Content(mediaType = "application/pdf", schema = @Schema(type = SchemaType.STRING, format = "binary")))
    @APIResponse(responseCode = "404", description = NOT_FOUND)
    public Response pdf(@PathParam("id") UUID id) {
        Invoice invoice = invoices.get(id, callers.require(), callers.sourceIp());
        return Response.ok(invoices.pdf(invoice), "application/pdf")
                .header("Content-Disposition", "attachment; filename=\"" + invoice.number() + ".pdf\"").build();
    }

    @GET
    @Path("invoices/{id}/verification")
    @Produces(MediaType.APPLICATION_JSON)
    @Allowed({Role.PLATFORM_ADMIN_NAME, Role.BILLING_NAME})
    @SecurityRequirement(name = ApiDocument.KEYCLOAK, scopes = {Role.PLATFORM_ADMIN_NAME, Role.BILLING_NAME})
    @Operation(operationId = "verifyInvoice", summary = "Compute the invoice's month again from what is stored and compare "
            + "the CSV bytes with what was issued")
    @APIResponse(responseCode = "200", description = "Whether the month computes to the same bytes")
    @APIResponse(responseCode = "404", description = NOT_FOUND)
    public Invoices.Verification verify(@PathParam("id") UUID id) {
        return invoices.verify(id, callers.require(), callers.sourceIp());
    }

    @POST
    @Path("invoices/{id}/credit-notes")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Allowed(Role.PLATFORM_ADMIN_NAME)
    @SecurityRequirement(name = ApiDocument.KEYCLOAK, scopes = Role.PLATFORM_ADMIN_NAME)
    @Operation(operationId = "creditInvoice", summary = "Correct an issued invoice with a credit note for the whole of it "
            + "(audited); the invoice itself never changes")
    @APIResponse(responseCode = "201", description = "The credit note",
            content = @Content(schema = @Schema(implementation = InvoiceView.class)))
    @APIResponse(responseCode = "404", description = NOT_FOUND)
    @APIResponse(responseCode = "409", description = "The invoice already has a credit note")
    public Response credit(@PathParam("id") UUID id, @NotNull @Valid CreditNoteRequest body, @Context UriInfo uri) {
        Invoice note = invoices.credit(id, body.reason(), callers.require(), callers.sourceIp());
        return Response.created(uri.getBaseUriBuilder().path("billing/invoices").path(note.id().toString()).build())
                .entity(InvoiceView.of(note)).type(MediaType.APPLICATION_JSON_TYPE).build();
    }

    @GET
    @Path("periods/{period}/lines")
    @Produces("text/csv")
    @Allowed({Role.PLATFORM_ADMIN_NAME, Role.BILLING_NAME})
    @SecurityRequirement(name = ApiDocument.KEYCLOAK, scopes = {Role.PLATFORM_ADMIN_NAME, Role.BILLING_NAME})
    @Operation(operationId = "exportMonthInvoiceLines", summary = "Every line of a month's invoices as one CSV, each naming "
            + "its invoice and organization (audited on each organization's chain)")
    @APIResponse(responseCode = "200", description = "The lines as CSV with a header row")
    public Response lines(@PathParam("period") @Pattern(regexp = MONTH, message = "a month as YYYY-MM") String period) {
        return Response.ok(invoices.linesCsv(UsagePeriod.parse(period), callers.require(), callers.sourceIp()),
                "text/csv; charset=UTF-8").header("Content-Disposition", "attachment; filename=\"invoice-lines-" + period + ".csv\"")
                .build();
    }

    @POST
    @Path("periods/{period}/close")
    @Produces(MediaType.APPLICATION_JSON)
    @Allowed(Role.PLATFORM_ADMIN_NAME)
    @SecurityRequirement(name = ApiDocument.KEYCLOAK, scopes = Role.PLATFORM_ADMIN_NAME)
    @Operation(operationId = "closeMonth", summary = "Close an ended month now: each organization that had a plan in it "
            + "gets its invoice, once (a month already closed keeps its invoices); audited")
    @APIResponse(responseCode = "200", description = "The month's invoices")
    @APIResponse(responseCode = "409", description = "The month has not ended")
    public List<InvoiceView> close(@PathParam("period") @Pattern(regexp = MONTH, message = "a month as YYYY-MM") String period) {
        return invoices.close(UsagePeriod.parse(period), callers.require(), callers.sourceIp()).stream().map(InvoiceView::of)
                .toList();
    }

    @GET
    @Path("organizations/{id}/usage")
    @Produces(MediaType.APPLICATION_JSON)
    @Allowed({Role.PLATFORM_ADMIN_NAME, Role.BILLING_NAME})
    @SecurityRequirement(name = ApiDocument.KEYCLOAK, scopes = {Role.PLATFORM_ADMIN_NAME, Role.BILLING_NAME})
    @Operation(operationId = "getOrganizationUsage", summary = "An organization's usage as it sees it (audited on its chain)")
    @APIResponse(responseCode = "200", description = "The organization's usage")
    @APIResponse(responseCode = "404", description = "There is no such organization")
    public Usage.UsageReport usage(@PathParam("id") UUID id) {
        return usage.ofOrganization(new TenantId(id), callers.require(), callers.sourceIp());
    }

}
