package io.fincopilot.ingestion.entity;

/**
 * One row of a table, with the table's header line: a row such as "Revenue 1,204.6 1,087.3" means
 * nothing without "(in millions) 2025 2024" above it. {@code text} is the row as read (for CSV and
 * HTML "header: value; header: value"); {@code header} is the header line, possibly empty.
 */
public record TableRow(String header, String text) implements Block {

    @Override
    public TableRow withText(java.util.function.UnaryOperator<String> rewrite) {
        return new TableRow(rewrite.apply(header), rewrite.apply(text));
    }
}
