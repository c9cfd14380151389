package io.fincopilot.ingestion.entity;

/**
 * Why a document cannot be ingested: a {@link #reason()} written for the person who uploaded it
 * (it is shown as is in the API and the consoles) and a {@link #code()} for machines. Unchecked,
 * so that every stage can refuse without each caller declaring it; the pipeline lets nothing else
 * escape.
 */
public class IngestionFailure extends RuntimeException {

    /** Stable identifiers, part of the API (they end up in problem documents and job rows). */
    public enum Code {
        EMPTY,
        UNSUPPORTED_TYPE,
        TYPE_MISMATCH,
        CORRUPT,
        ENCRYPTED,
        NO_PAGES,
        TOO_MANY_PAGES,
        NO_TEXT,
        DECOMPRESSION_BOMB,
        RAGGED_CSV,
        TOO_LARGE,
        /** The plan has no overage and its monthly pages would be passed (decision 71). */
        QUOTA_EXCEEDED
    }

    private final Code code;

    public IngestionFailure(Code code, String reason) {
        super(reason);
        this.code = code;
    }

    public IngestionFailure(Code code, String reason, Throwable cause) {
        super(reason, cause);
        this.code = code;
    }

    public Code code() {
        return code;
    }

    public String reason() {
        return getMessage();
    }
}
