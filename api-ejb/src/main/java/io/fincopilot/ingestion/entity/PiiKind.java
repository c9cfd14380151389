package io.fincopilot.ingestion.entity;

/** The kinds of personal data masked before any text is embedded or sent to a language model. */
public enum PiiKind {
    EMAIL,
    IBAN,
    CARD,
    SSN,
    ACCOUNT,
    PHONE
}
