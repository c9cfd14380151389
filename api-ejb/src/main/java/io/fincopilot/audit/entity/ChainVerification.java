package io.fincopilot.audit.entity;

import jakarta.annotation.Nullable;
import java.util.UUID;

/**
 * The verdict on one tenant's chain: valid, or the first sequence number where it breaks and why.
 * {@code digest} names the latest signed digest the chain was held against (null while there is none).
 */
public record ChainVerification(UUID tenant, boolean valid, long eventsChecked, @Nullable Long firstBrokenSequence,
        @Nullable String reason, @Nullable String digest) implements java.io.Serializable {

    public static ChainVerification intact(UUID tenant, long checked, String digest) {
        return new ChainVerification(tenant, true, checked, null, null, digest);
    }

    /** A chain an erasure took (decision 76), as the platform's chain records it: nothing of it is left to check. */
    public static ChainVerification erased(UUID tenant, long lastSequence, String digest) {
        return new ChainVerification(tenant, true, 0, null, "erased with its organization at event " + lastSequence
                + ", as the platform's chain records", digest);
    }

    public static ChainVerification brokenAt(UUID tenant, long checked, Long sequence, String reason, String digest) {
        return new ChainVerification(tenant, false, checked, sequence, reason, digest);
    }
}
