package io.fincopilot.documents.boundary;

import io.fincopilot.documents.entity.Document;
import io.fincopilot.documents.entity.DocumentVersion;
import java.util.List;

/** A document with its versions, newest first (never the unconfirmed row of an upload in flight). */
public record DocumentDetails(Document document, List<DocumentVersion> versions) {

    public DocumentVersion latest() {
        return versions.get(0);
    }
}
