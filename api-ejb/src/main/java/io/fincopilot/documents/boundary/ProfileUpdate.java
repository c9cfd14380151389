package io.fincopilot.documents.boundary;

import jakarta.annotation.Nullable;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A person's account of what a document is, replacing what ingestion detected (and kept when a
 * later version is read). {@code statementPages}, when given, says which pages hold each primary
 * statement; kinds it leaves out keep their detected pages.
 */
public record ProfileUpdate(
        @Nullable @Size(max = 200) String company,
        @Nullable @Pattern(regexp = "[A-Z0-9.-]{1,12}") String ticker,
        @Nullable @Pattern(regexp = "10-K|10-Q|8-K|annual report|other") @Schema(description = "10-K, 10-Q, 8-K, annual report or other")
        String form,
        @Nullable @Min(1900) @Max(2200) Integer fiscalYear,
        @Nullable @Min(1) @Max(4) Integer fiscalQuarter,
        @Nullable LocalDate periodEnd,
        @Nullable @Schema(description = "Pages by kind: income_statement, balance_sheet, cash_flow, equity, notes")
        Map<String, List<Integer>> statementPages) {
}
