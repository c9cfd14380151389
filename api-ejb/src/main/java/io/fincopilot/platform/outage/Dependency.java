package io.fincopilot.platform.outage;

/** What the platform shares between its instances and cannot work without for some requests. */
public enum Dependency {

    DATABASE("database-unavailable", "the database", 10),
    STORAGE("storage-unavailable", "the document store", 10),
    IDENTITY("identity-provider-unavailable", "the identity provider", 15);

    private final String slug;
    private final String description;
    private final int retryAfterSeconds;

    Dependency(String slug, String description, int retryAfterSeconds) {
        this.slug = slug;
        this.description = description;
        this.retryAfterSeconds = retryAfterSeconds;
    }

    /** Its name in metrics labels: database, storage, identity (as {@code fincopilot_dependency_ready} has it). */
    public String label() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    /** The problem type's last segment. */
    public String slug() {
        return slug;
    }

    public String description() {
        return description;
    }

    /** What a client is told to wait before trying again (the circuit's delay, or about it). */
    public int retryAfterSeconds() {
        return retryAfterSeconds;
    }
}
