package io.fincopilot.ratelimit;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Where a caller stands against its tightest limit in the current one-minute window, as the
 * {@code RateLimit-*} headers tell it.
 */
public record RateLimit(boolean allowed, int limit, int remaining, int resetSeconds) {

    /**
     * The tighter of two verdicts: a refusal wins, then the fewer remaining requests, then the later
     * reset (when both refuse, the caller may retry only once both windows have passed).
     */
    public RateLimit tighter(RateLimit other) {
        if (allowed != other.allowed) {
            return allowed ? other : this;
        }
        if (other.remaining != remaining) {
            return other.remaining < remaining ? other : this;
        }
        return other.resetSeconds > resetSeconds ? other : this;
    }

    /** The headers every counted answer carries, and {@code Retry-After} on a refusal. */
    public Map<String, String> headers() {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("RateLimit-Limit", Integer.toString(limit));
        headers.put("RateLimit-Remaining", Integer.toString(remaining));
        headers.put("RateLimit-Reset", Integer.toString(resetSeconds));
        if (!allowed) {
            headers.put("Retry-After", Integer.toString(resetSeconds));
        }
        return headers;
    }
}
