package io.fincopilot.web.api;

import io.fincopilot.billing.boundary.InvoiceView;
import io.fincopilot.billing.boundary.Invoices;
import io.fincopilot.billing.entity.Invoice;
import io.fincopilot.platform.openapi.ApiDocument;
import io.fincopilot.security.Allowed;
import io.fincopilot.security.CallerContext;
import io.fincopilot.security.Permission;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The organization's own invoices and credit notes: as JSON, CSV and PDF. */
@ApplicationScoped
@Path("invoices")
@Tag(name = "Invoices", description = "The organization's invoices and credit notes")
public class InvoicesResource {

    private static final String NOT_FOUND = "The organization has no such invoice";

    @Inject
    Invoices invoices;

    @Inject
    CallerContext callers;

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Allowed(Permission.USAGE_READ_NAME)
    @SecurityRequirement(name = ApiDocument.KEYCLOAK, scopes = Permission.USAGE_READ_NAME)
    @SecurityRequirement(name = ApiDocument.API_KEY, scopes = Permission.USAGE_READ_NAME)
    @Operation(operationId = "listInvoices", summary = "The organization's invoices and credit notes, newest month first")
    @APIResponse(responseCode = "200", description = "Up to ten years of invoices")
    public List<InvoiceView> list() {
        return invoices.own(callers.tenant()).stream().map(InvoiceView::of).toList();
    }

    @GET
    @Path("{id}")
    @Produces(MediaType.APPLICATION_JSON)
    @Allowed(Permission.USAGE_READ_NAME)
    @SecurityRequirement(name = ApiDocument.KEYCLOAK, scopes = Permission.USAGE_READ_NAME)
    @SecurityRequirement(name = ApiDocument.API_KEY, scopes = Permission.USAGE_READ_NAME)
    @Operation(operationId = "getInvoice", summary = "One invoice with its lines")
    @APIResponse(responseCode = "200", description = "The invoice")
    @APIResponse(responseCode = "404", description = NOT_FOUND)
    public InvoiceView get(@PathParam("id") UUID id) {
        return InvoiceView.of(invoices.ownOne(callers.tenant(), id));
    }

    @GET
    @Path("{id}/csv")
    @Produces("text/csv")
    @Allowed(Permission.USAGE_READ_NAME)
    @SecurityRequirement(name = ApiDocument.KEYCLOAK, scopes = Permission.USAGE_READ_NAME)
    @SecurityRequirement(name = ApiDocument.API_KEY, scopes = Permission.USAGE_READ_NAME)
    @Operation(operationId = "getInvoiceCsv", summary = "One invoice as CSV: a row per line, then subtotal, tax and total")
    @APIResponse(responseCode = "200", description = "The invoice as CSV with a header row")
    @APIResponse(responseCode = "404", description = NOT_FOUND)
    public Response csv(@PathParam("id") UUID id) {
        Invoice invoice = invoices.ownOne(callers.tenant(), id);
        return Response.ok(invoices.csv(invoice), "text/csv; charset=UTF-8")
                .header("Content-Disposition", DocumentsResource.contentDisposition(invoice.number() + ".csv")).build();
    }

    @GET
    @Path("{id}/pdf")
    @Produces("application/pdf")
    @Allowed(Permission.USAGE_READ_NAME)
    @SecurityRequirement(name = ApiDocument.KEYCLOAK, scopes = Permission.USAGE_READ_NAME)
    @SecurityRequirement(name = ApiDocument.API_KEY, scopes = Permission.USAGE_READ_NAME)
    @Operation(operationId = "getInvoicePdf", summary = "One invoice as PDF")
    @APIResponse(responseCode = "200", description = "The invoice as PDF",
            content = @Content(mediaType = "application/pdf", schema = @Schema(type = SchemaType.STRING, format = "binary")))
    @APIResponse(responseCode = "404", description = NOT_FOUND)
    public Response pdf(@PathParam("id") UUID id) {
        Invoice invoice = invoices.ownOne(callers.tenant(), id);
        return Response.ok(invoices.pdf(invoice), "application/pdf")
                .header("Content-Disposition", DocumentsResource.contentDisposition(invoice.number() + ".pdf")).build();
    }
}
