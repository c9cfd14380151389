package io.fincopilot.billing.boundary;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** Why an issued invoice is corrected with a credit note (a blank reason is refused by {@link Invoices#credit}). */
public record CreditNoteRequest(@NotNull @Size(min = 1, max = 500) String reason) {
}
