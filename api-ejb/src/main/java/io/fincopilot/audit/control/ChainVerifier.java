package io.fincopilot.audit.control;

import io.fincopilot.audit.entity.AuditEvent;
import io.fincopilot.audit.entity.ChainVerification;
import java.util.UUID;

/**
 * Walks a chain in sequence order and names the first link that does not hold: a gap in the
 * sequence (a deleted event), a previous-hash that is not the predecessor's hash (a removed or
 * re-ordered event), or a hash that does not match the event's fields (an edited event).
 */
public class ChainVerifier {

    private final UUID tenant;
    private long expected = 1;
    private String previousHash = AuditEvent.GENESIS;
    private long checked;
    private ChainVerification broken;

    public ChainVerifier(UUID tenant) {
        this.tenant = tenant;
    }

    /** Feeds the next event; answers false once the chain is broken (later events need not be read). */
    public boolean accept(AuditEvent event) {
        if (broken != null) {
            return false;
        }
        if (event.sequence() != expected) {
            return fail(expected, "event " + expected + " is missing (the next stored event is " + event.sequence() + ")");
        }
        if (!previousHash.equals(event.prevHash())) {
            return fail(event.sequence(), "event " + event.sequence() + " does not follow the hash of event "
                    + (event.sequence() - 1));
        }
        if (!event.computeHash().equals(event.hash())) {
            return fail(event.sequence(), "event " + event.sequence() + " was changed after it was written");
        }
        checked++;
        expected++;
        previousHash = event.hash();
        return true;
    }

    /** The verdict, given the sequence the chain's head says it reached. */
    public ChainVerification finish(long headSequence) {
        if (broken != null) {
            return broken;
        }
        if (headSequence >= expected) {
            return ChainVerification.brokenAt(tenant, checked, expected,
                    "event " + expected + " is missing (the chain's head is at " + headSequence + ")");
        }
        return ChainVerification.intact(tenant, checked);
    }

    private boolean fail(long sequence, String reason) {
        broken = ChainVerification.brokenAt(tenant, checked, sequence, reason);
        return false;
    }
}
