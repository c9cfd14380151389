package io.fincopilot.evaluation;

/**
 * The line items the generated filings print. Each has the statement it belongs to (where a
 * question "from the cash flow statement" looks) and the words people use for it in questions.
 * Labels as printed vary by company (see {@link Company#label}).
 */
enum Item {
    REVENUE(Statement.INCOME, "Revenue", "revenue"),
    COST_OF_REVENUE(Statement.INCOME, "Cost of revenue", "cost of revenue"),
    GROSS_PROFIT(Statement.INCOME, "Gross profit", "gross profit"),
    RESEARCH(Statement.INCOME, "Research and development", "research and development expense"),
    SGA(Statement.INCOME, "Selling, general and administrative", "SG&A expense"),
    OPERATING_INCOME(Statement.INCOME, "Operating income", "operating income"),
    INTEREST_EXPENSE(Statement.INCOME, "Interest expense", "interest expense"),
    OTHER_INCOME(Statement.INCOME, "Other income (expense), net", "other income"),
    PRETAX_INCOME(Statement.INCOME, "Income before income taxes", "income before income taxes"),
    INCOME_TAX(Statement.INCOME, "Provision for income taxes", "provision for income taxes"),
    NET_INCOME(Statement.INCOME, "Net income", "net income"),
    EPS_DILUTED(Statement.INCOME, "Diluted", "diluted earnings per share"),
    SHARES_DILUTED(Statement.INCOME, "Diluted", "diluted weighted-average shares outstanding"),
    GROSS_MARGIN(Statement.INCOME, "Gross margin", "gross margin"),
    OPERATING_MARGIN(Statement.INCOME, "Operating margin", "operating margin"),

    CASH(Statement.BALANCE_SHEET, "Cash and cash equivalents", "cash and cash equivalents"),
    RECEIVABLES(Statement.BALANCE_SHEET, "Accounts receivable, net", "accounts receivable"),
    INVENTORIES(Statement.BALANCE_SHEET, "Inventories", "inventories"),
    PREPAID(Statement.BALANCE_SHEET, "Prepaid expenses and other current assets", "prepaid expenses"),
    CURRENT_ASSETS(Statement.BALANCE_SHEET, "Total current assets", "total current assets"),
    PROPERTY(Statement.BALANCE_SHEET, "Property, plant and equipment, net", "net property, plant and equipment"),
    GOODWILL(Statement.BALANCE_SHEET, "Goodwill", "goodwill"),
    INTANGIBLES(Statement.BALANCE_SHEET, "Intangible assets, net", "intangible assets"),
    OTHER_ASSETS(Statement.BALANCE_SHEET, "Other assets", "other assets"),
    TOTAL_ASSETS(Statement.BALANCE_SHEET, "Total assets", "total assets"),
    PAYABLES(Statement.BALANCE_SHEET, "Accounts payable", "accounts payable"),
    ACCRUED(Statement.BALANCE_SHEET, "Accrued liabilities", "accrued liabilities"),
    CURRENT_DEBT(Statement.BALANCE_SHEET, "Current portion of long-term debt", "current portion of long-term debt"),
    CURRENT_LIABILITIES(Statement.BALANCE_SHEET, "Total current liabilities", "total current liabilities"),
    LONG_TERM_DEBT(Statement.BALANCE_SHEET, "Long-term debt", "long-term debt"),
    OTHER_LIABILITIES(Statement.BALANCE_SHEET, "Other long-term liabilities", "other long-term liabilities"),
    TOTAL_LIABILITIES(Statement.BALANCE_SHEET, "Total liabilities", "total liabilities"),
    PAID_IN_CAPITAL(Statement.BALANCE_SHEET, "Common stock and additional paid-in capital", "additional paid-in capital"),
    RETAINED_EARNINGS(Statement.BALANCE_SHEET, "Retained earnings", "retained earnings"),
    ACCUMULATED_OCI(Statement.BALANCE_SHEET, "Accumulated other comprehensive loss", "accumulated other comprehensive loss"),
    TOTAL_EQUITY(Statement.BALANCE_SHEET, "Total stockholders' equity", "total stockholders' equity"),
    LIABILITIES_AND_EQUITY(Statement.BALANCE_SHEET, "Total liabilities and stockholders' equity", "total liabilities and equity"),
    TOTAL_DEBT(Statement.BALANCE_SHEET, "Total debt", "total debt"),

    DEPRECIATION(Statement.CASH_FLOW, "Depreciation and amortization", "depreciation and amortization"),
    SHARE_COMPENSATION(Statement.CASH_FLOW, "Share-based compensation", "share-based compensation"),
    WORKING_CAPITAL(Statement.CASH_FLOW, "Changes in operating assets and liabilities", "change in working capital"),
    OPERATING_CASH_FLOW(Statement.CASH_FLOW, "Net cash provided by operating activities", "net cash provided by operating activities"),
    CAPEX(Statement.CASH_FLOW, "Purchases of property, plant and equipment", "capital expenditure"),
    ACQUISITIONS(Statement.CASH_FLOW, "Acquisitions, net of cash acquired", "cash paid for acquisitions"),
    OTHER_INVESTING(Statement.CASH_FLOW, "Other investing activities, net", "other investing cash flows"),
    INVESTING_CASH_FLOW(Statement.CASH_FLOW, "Net cash used in investing activities", "net cash used in investing activities"),
    DEBT_PROCEEDS(Statement.CASH_FLOW, "Proceeds from issuance of long-term debt", "proceeds from debt issuance"),
    DEBT_REPAYMENTS(Statement.CASH_FLOW, "Repayments of long-term debt", "debt repayments"),
    DIVIDENDS(Statement.CASH_FLOW, "Dividends paid", "dividends paid"),
    REPURCHASES(Statement.CASH_FLOW, "Repurchases of common stock", "share repurchases"),
    FINANCING_CASH_FLOW(Statement.CASH_FLOW, "Net cash used in financing activities", "net cash used in financing activities"),
    NET_CHANGE_IN_CASH(Statement.CASH_FLOW, "Net increase (decrease) in cash and cash equivalents", "net change in cash"),
    OTHER_COMPREHENSIVE_INCOME(Statement.EQUITY, "Other comprehensive income (loss)", "other comprehensive income"),

    SEGMENT_REVENUE(Statement.NOTES, "revenue", "segment revenue"),
    SEGMENT_OPERATING_INCOME(Statement.NOTES, "operating income", "segment operating income"),
    CORPORATE_EXPENSE(Statement.NOTES, "Corporate and unallocated", "corporate and unallocated costs");

    /** Where an item's figures officially live. */
    enum Statement { INCOME, BALANCE_SHEET, CASH_FLOW, EQUITY, NOTES }

    final Statement statement;
    final String label;
    final String phrase;

    Item(Statement statement, String label, String phrase) {
        this.statement = statement;
        this.label = label;
        this.phrase = phrase;
    }

    boolean isPercent() {
        return this == GROSS_MARGIN || this == OPERATING_MARGIN;
    }

    boolean isPerShare() {
        return this == EPS_DILUTED;
    }

    /** Outflows a cash flow statement prints in parentheses, though questions ask for the amount. */
    boolean isOutflow() {
        return this == CAPEX || this == ACQUISITIONS || this == DEBT_REPAYMENTS || this == DIVIDENDS || this == REPURCHASES;
    }
}
