package io.fincopilot.documents.entity;

import java.util.Locale;

/**
 * A version's status as people and client systems see it: queued, extracting, embedding, ready or
 * failed. The queue stores one {@link VersionStatus#PROCESSING}; it is extracting until the
 * version's chunks are stored (which also sets its page count), and embedding after.
 */
public enum IngestionStatus {
    QUEUED, EXTRACTING, EMBEDDING, READY, FAILED;

    public static IngestionStatus of(VersionStatus status, Integer pagesTotal) {
        return switch (status) {
            case QUEUED, UPLOADING -> QUEUED;
            case PROCESSING -> pagesTotal == null ? EXTRACTING : EMBEDDING;
            case READY -> READY;
            case FAILED -> FAILED;
        };
    }

    /** How the API, the event stream and the consoles spell it. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    public boolean finished() {
        return this == READY || this == FAILED;
    }
}
