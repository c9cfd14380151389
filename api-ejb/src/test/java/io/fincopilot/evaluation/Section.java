package io.fincopilot.evaluation;

/** What a generated page holds, as the generator laid it out (the truth page classification is tested against). */
enum Section {
    COVER, CONTENTS, BUSINESS, RISK_FACTORS, MDNA, INCOME_STATEMENT, COMPREHENSIVE_INCOME, BALANCE_SHEET, CASH_FLOW, EQUITY, NOTES, OTHER;

    /** Where a figure printed in this section counts as "from the statement" a question names. */
    Item.Statement statement() {
        return switch (this) {
            case INCOME_STATEMENT -> Item.Statement.INCOME;
            case BALANCE_SHEET -> Item.Statement.BALANCE_SHEET;
            case CASH_FLOW -> Item.Statement.CASH_FLOW;
            case EQUITY -> Item.Statement.EQUITY;
            default -> null;
        };
    }
}
