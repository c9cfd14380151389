package io.fincopilot.audit.entity;

import io.fincopilot.audit.control.ChainKeys;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

/**
 * One link of a tenant's audit chain. Its hash is {@code HMAC-SHA256(key, prevHash || canonical form)}
 * under the key named by {@code keyId} (plain SHA-256 for {@link ChainKeys#LEGACY} events), where the
 * canonical form is a JSON object with fixed key order and the details' keys sorted, so the same event
 * always hashes the same and any change to a stored field breaks the link.
 */
public record AuditEvent(UUID tenant, long sequence, Instant occurredAt, String actor, String actorType,
        String action, String target, String sourceIp, String outcome, String details, String keyId,
        String prevHash, String hash) implements java.io.Serializable {

    /** The chain of events that belong to the platform itself rather than to one tenant. */
    public static final UUID PLATFORM_CHAIN = new UUID(0, 0);
    public static final String GENESIS = "0".repeat(64);

    /** Makes the next link of a chain whose last link had the given hash, sealed with the active key. */
    public static AuditEvent next(ChainKeys keys, UUID tenant, long sequence, String prevHash, Instant occurredAt,
            String actor, String actorType, String action, String target, String sourceIp, String outcome,
            Map<String, ?> details) {
        Instant micros = occurredAt.truncatedTo(ChronoUnit.MICROS);
        String canonicalDetails = canonicalDetails(details);
        AuditEvent unsealed = new AuditEvent(tenant, sequence, micros, actor, actorType, action, target, sourceIp,
                outcome, canonicalDetails, keys.activeId(), prevHash, null);
        return unsealed.withHash(unsealed.computeHash(keys));
    }

    public AuditEvent withHash(String newHash) {
        return new AuditEvent(tenant, sequence, occurredAt, actor, actorType, action, target, sourceIp, outcome,
                details, keyId, prevHash, newHash);
    }

    /** The link this event should carry, recomputed from its fields and its predecessor's link under its key. */
    public String computeHash(ChainKeys keys) {
        return keys.link(keyId, prevHash, canonical());
    }

    /** The fields the link covers; keyed events cover their key id too, legacy ones keep their old form. */
    public String canonical() {
        JsonObjectBuilder json = Json.createObjectBuilder();
        if (!ChainKeys.LEGACY.equals(keyId)) {
            json.add("keyId", keyId);
        }
        json.add("tenant", tenant.toString())
                .add("sequence", sequence)
                .add("occurredAt", occurredAt.truncatedTo(ChronoUnit.MICROS).toString())
                .add("actor", actor)
                .add("actorType", actorType)
                .add("action", action);
        addNullable(json, "target", target);
        addNullable(json, "sourceIp", sourceIp);
        json.add("outcome", outcome);
        json.add("details", details);
        return json.build().toString();
    }

    public JsonObject detailsJson() {
        try (var reader = Json.createReader(new StringReader(details))) {
            return reader.readObject();
        }
    }

    private static void addNullable(JsonObjectBuilder json, String name, String value) {
        if (value == null) {
            json.addNull(name);
        } else {
            json.add(name, value);
        }
    }

    /** Details as JSON with keys sorted, values as strings, numbers or booleans. */
    static String canonicalDetails(Map<String, ?> details) {
        JsonObjectBuilder json = Json.createObjectBuilder();
        new TreeMap<>(details).forEach((key, value) -> {
            if (value == null) {
                json.add(key, JsonValue.NULL);
            } else if (value instanceof Number n) {
                json.add(key, n.longValue());
            } else if (value instanceof Boolean b) {
                json.add(key, b);
            } else {
                json.add(key, value.toString());
            }
        });
        return json.build().toString();
    }
}
