package io.fincopilot.documents.entity;

/**
 * Where one version of a document stands. {@code UPLOADING} is the row written before the object:
 * never shown to anyone, and removed by the reaper if it is not confirmed.
 */
public enum VersionStatus {
    UPLOADING, QUEUED, PROCESSING, READY, FAILED;

    public boolean finished() {
        return this == READY || this == FAILED;
    }
}
