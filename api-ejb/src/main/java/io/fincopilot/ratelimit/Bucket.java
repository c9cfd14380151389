package io.fincopilot.ratelimit;

/** A counter of requests (a key's, a tenant's) and the most it may count in one minute. */
public record Bucket(String name, int limitPerMinute) {
}
