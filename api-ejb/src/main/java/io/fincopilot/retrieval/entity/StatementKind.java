package io.fincopilot.retrieval.entity;

/** The primary financial statements a question can name or a line item belongs to. */
public enum StatementKind {
    INCOME, BALANCE_SHEET, CASH_FLOW, EQUITY;

    public PageKind pageKind() {
        return switch (this) {
            case INCOME -> PageKind.INCOME_STATEMENT;
            case BALANCE_SHEET -> PageKind.BALANCE_SHEET;
            case CASH_FLOW -> PageKind.CASH_FLOW;
            case EQUITY -> PageKind.EQUITY;
        };
    }
}
