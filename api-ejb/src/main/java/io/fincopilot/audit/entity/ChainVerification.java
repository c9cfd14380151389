package io.fincopilot.audit.entity;

import java.util.UUID;

/** The verdict on one tenant's chain: valid, or the first sequence number where it breaks and why. */
public record ChainVerification(UUID tenant, boolean valid, long eventsChecked, Long firstBrokenSequence,
        String reason) implements java.io.Serializable {

    public static ChainVerification intact(UUID tenant, long checked) {
        return new ChainVerification(tenant, true, checked, null, null);
    }

    public static ChainVerification brokenAt(UUID tenant, long checked, long sequence, String reason) {
        return new ChainVerification(tenant, false, checked, sequence, reason);
    }
}
