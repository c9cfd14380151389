package io.fincopilot.billing.boundary;

import io.fincopilot.billing.entity.Invoice;
import jakarta.annotation.Nullable;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** An invoice or credit note as the APIs show it: amounts as exact decimal strings in its currency. */
@Schema(name = "Invoice")
public record InvoiceView(UUID id, UUID organization, @Schema(description = "The month, YYYY-MM") String period,
        @Schema(enumeration = {"invoice", "credit-note"}) String kind, String number, String currency, String subtotal,
        @Schema(description = "The tax rate, 0 to 1") String taxRate, String tax, String total,
        @Nullable @Schema(description = "The invoice a credit note corrects") UUID corrects,
        @Nullable @Schema(description = "Why a credit note corrects it") String reason, Instant issuedAt,
        @Schema(description = "SHA-256 of its canonical CSV: computing its month again gives the same") String csvSha256,
        List<LineView> lines) {

    @Schema(name = "InvoiceLine")
    public record LineView(int line, @Nullable String plan, String description, String quantity, String unit, String unitPrice,
            String amount) {
    }

    public static InvoiceView of(Invoice i) {
        List<LineView> lines = new java.util.ArrayList<>();
        for (int n = 0; n < i.lines().size(); n++) {
            var l = i.lines().get(n);
            lines.add(new LineView(n + 1, l.plan(), l.description(), l.quantity().toPlainString(), l.unit(),
                    l.unitPrice().toPlainString(), l.amount().toPlainString()));
        }
        return new InvoiceView(i.id(), i.tenant(), i.period().toString(),
                i.kind() == Invoice.Kind.INVOICE ? "invoice" : "credit-note", i.number(), i.currency(), i.subtotal().toPlainString(),
                i.taxRate().toPlainString(), i.tax().toPlainString(), i.total().toPlainString(), i.corrects(), i.reason(),
                i.issuedAt(), i.csvSha256(), List.copyOf(lines));
    }
}
