package io.fincopilot.documents.boundary;

import io.fincopilot.documents.entity.IngestionStatus;

/** A page of a tenant's documents, newest first, optionally of one status, with one tag, or titled like a text. */
public record DocumentQuery(IngestionStatus status, String tag, String title, int offset, int limit) {
}
