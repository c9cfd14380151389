package io.fincopilot.tenancy.entity;

import java.io.Serializable;
import java.util.Objects;
import java.util.UUID;

/** The identity of an organization, which is also the partition key of every row it owns. */
public record TenantId(UUID value) implements Serializable {

    public TenantId {
        Objects.requireNonNull(value, "tenant id");
    }

    public static TenantId random() {
        return new TenantId(UUID.randomUUID());
    }

    /** Parses the canonical UUID form; anything else is refused. */
    public static TenantId parse(String text) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("tenant id is empty");
        }
        UUID uuid = UUID.fromString(text.trim());
        if (!uuid.toString().equalsIgnoreCase(text.trim())) {
            throw new IllegalArgumentException("tenant id is not a canonical UUID");
        }
        return new TenantId(uuid);
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
