package io.fincopilot.retrieval.entity;

/** What a page of a filing holds, as far as retrieval cares: one of the primary statements, the notes, or something else. */
public enum PageKind {
    INCOME_STATEMENT, BALANCE_SHEET, CASH_FLOW, EQUITY, NOTES, COVER, CONTENTS, OTHER
}
