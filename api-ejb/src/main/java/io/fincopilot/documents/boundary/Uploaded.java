package io.fincopilot.documents.boundary;

/** The answer to an upload: the document as it stands, and the status code of the first answer (201). */
public record Uploaded(DocumentDetails details, int version, int status, boolean replayed) {
}
