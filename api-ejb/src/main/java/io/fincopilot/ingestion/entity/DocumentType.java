package io.fincopilot.ingestion.entity;

/** The kinds of document ingestion reads, each with the media type we answer for it. */
public enum DocumentType {
    PDF("application/pdf"),
    TEXT("text/plain"),
    HTML("text/html"),
    CSV("text/csv");

    private final String mediaType;

    DocumentType(String mediaType) {
        this.mediaType = mediaType;
    }

    public String mediaType() {
        return mediaType;
    }
}
