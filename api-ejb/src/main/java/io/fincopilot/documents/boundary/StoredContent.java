package io.fincopilot.documents.boundary;

import java.io.InputStream;

/** A version's original bytes, streamed from S3; the caller closes the stream. */
public record StoredContent(InputStream bytes, String mediaType, long size, String fileName, int version,
        String sha256) {
}
