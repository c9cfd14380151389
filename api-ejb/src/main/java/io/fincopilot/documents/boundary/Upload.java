package io.fincopilot.documents.boundary;

import java.util.List;

/**
 * An upload as the client described it: the file's name and declared type (both only hints: the
 * type is sniffed from the bytes), an optional title and tags, and an optional Idempotency-Key.
 */
public record Upload(String fileName, String declaredType, String title, List<String> tags, String idempotencyKey,
        String fault) {

    public Upload(String fileName, String declaredType, String title, List<String> tags, String idempotencyKey) {
        this(fileName, declaredType, title, tags, idempotencyKey, null);
    }
}
