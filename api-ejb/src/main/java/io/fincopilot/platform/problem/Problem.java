package io.fincopilot.platform.problem;

import io.fincopilot.keys.control.KeySecret;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import java.util.LinkedHashMap;
import java.util.Map;

/** An RFC 9457 problem detail. */
public record Problem(String type, String title, int status, String detail, Map<String, JsonValue> extensions) {

    public static final String MEDIA_TYPE = "application/problem+json";
    private static final String TYPE_BASE = "https://fincopilot.io/problems/";

    public Problem {
        extensions = Map.copyOf(extensions);
    }

    public static Problem of(int status, String slug, String title, String detail) {
        return new Problem(TYPE_BASE + slug, title, status, detail, Map.of());
    }

    public Problem with(String name, JsonValue value) {
        Map<String, JsonValue> more = new LinkedHashMap<>(extensions);
        more.put(name, value);
        return new Problem(type, title, status, detail, more);
    }

    public Problem with(String name, String value) {
        return with(name, Json.createValue(value));
    }

    public JsonObject toJson(String instance, String requestId) {
        JsonObjectBuilder json = Json.createObjectBuilder()
                .add("type", type)
                .add("title", title)
                .add("status", status);
        if (detail != null) {
            json.add("detail", detail);
        }
        if (instance != null) {
            json.add("instance", KeySecret.redact(instance));
        }
        if (requestId != null) {
            json.add("requestId", requestId);
        }
        extensions.forEach(json::add);
        return json.build();
    }
}
