package io.fincopilot.ratelimit;

/**
 * Where a caller stands against its tightest limit in the current one-minute window, as the
 * {@code RateLimit-*} headers tell it.
 */
public record RateLimit(boolean allowed, int limit, int remaining, int resetSeconds) {

    /** The tighter of two verdicts: a refusal wins, then the fewer remaining requests. */
    public RateLimit tighter(RateLimit other) {
        if (allowed != other.allowed) {
            return allowed ? other : this;
        }
        return other.remaining < remaining ? other : this;
    }
}
