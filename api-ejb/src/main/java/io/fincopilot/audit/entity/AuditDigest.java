package io.fincopilot.audit.entity;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * A digest of every audit chain's head at one moment, written to the object store and signed
 * outside the database (CloudTrail's digest files are the model). Digests form a chain of their own:
 * each names its predecessor's object key and the SHA-256 of its bytes. {@code legacyThrough} is how
 * far a chain's unkeyed (plain SHA-256) events reach, fixed by the first digest and carried forward.
 */
public record AuditDigest(Instant writtenAt, String previousKey, String previousSha256, List<Head> chains) {

    public static final String PREFIX = "audit-digests/";
    private static final DateTimeFormatter KEY_TIME =
            DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss.SSS'Z'").withZone(ZoneOffset.UTC);

    /** One chain as the digest saw it. */
    public record Head(UUID tenant, long lastSequence, String lastHash, long legacyThrough) {
    }

    public AuditDigest {
        chains = chains.stream().sorted(Comparator.comparing(Head::tenant)).toList();
    }

    /** The object key: sortable by time, under a prefix of its own. */
    public String key() {
        return keyFor(writtenAt);
    }

    public static String keyFor(Instant at) {
        return PREFIX + KEY_TIME.format(at) + ".json";
    }

    public Optional<Head> chain(UUID tenant) {
        return chains.stream().filter(h -> h.tenant().equals(tenant)).findFirst();
    }

    public Map<UUID, Head> byTenant() {
        return chains.stream().collect(Collectors.toMap(Head::tenant, Function.identity()));
    }

    public byte[] toJson() {
        JsonArrayBuilder heads = Json.createArrayBuilder();
        for (Head h : chains) {
            heads.add(Json.createObjectBuilder().add("tenant", h.tenant().toString()).add("lastSequence", h.lastSequence())
                    .add("lastHash", h.lastHash()).add("legacyThrough", h.legacyThrough()));
        }
        JsonObjectBuilder json = Json.createObjectBuilder().add("version", 1).add("writtenAt", writtenAt.toString());
        if (previousKey == null) {
            json.addNull("previousDigest");
        } else {
            json.add("previousDigest", Json.createObjectBuilder().add("key", previousKey).add("sha256", previousSha256));
        }
        return json.add("chains", heads).build().toString().getBytes(StandardCharsets.UTF_8);
    }

    public static AuditDigest fromJson(byte[] bytes) {
        try (var reader = Json.createReader(new ByteArrayInputStream(bytes))) {
            JsonObject json = reader.readObject();
            JsonValue previous = json.get("previousDigest");
            String previousKey = null;
            String previousSha = null;
            if (previous != null && previous.getValueType() == JsonValue.ValueType.OBJECT) {
                previousKey = previous.asJsonObject().getString("key");
                previousSha = previous.asJsonObject().getString("sha256");
            }
            List<Head> heads = json.getJsonArray("chains").stream().map(JsonValue::asJsonObject)
                    .map(h -> new Head(UUID.fromString(h.getString("tenant")), h.getJsonNumber("lastSequence").longValueExact(),
                            h.getString("lastHash"), h.getJsonNumber("legacyThrough").longValueExact()))
                    .toList();
            return new AuditDigest(Instant.parse(json.getString("writtenAt")), previousKey, previousSha, heads);
        }
    }
}
