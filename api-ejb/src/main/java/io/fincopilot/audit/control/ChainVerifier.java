package io.fincopilot.audit.control;

import io.fincopilot.audit.entity.AuditDigest;
import io.fincopilot.audit.entity.AuditEvent;
import io.fincopilot.audit.entity.ChainVerification;
import java.util.UUID;

/**
 * Walks a chain in sequence order and names the first link that does not hold: a gap in the
 * sequence (a deleted event), a previous-hash that is not the predecessor's hash (a removed or
 * re-ordered event), a link that its key does not reproduce (an edited event, or one re-hashed by
 * someone without the key), or a legacy SHA-256 link where no signed digest allows one. Then it
 * holds the chain against the latest signed digest: every event the digest saw must still be there
 * with the hash it saw (a truncated tail, a dropped chain or a head moved back is named).
 */
public class ChainVerifier {

    private final UUID tenant;
    private final ChainKeys keys;
    private final DigestEvidence evidence;
    private final AuditDigest.Head anchor;
    private long expected = 1;
    private String previousHash = AuditEvent.GENESIS;
    private String hashAtAnchor;
    private long checked;
    private ChainVerification broken;

    public ChainVerifier(UUID tenant, ChainKeys keys, DigestEvidence evidence) {
        this.tenant = tenant;
        this.keys = keys;
        this.evidence = evidence;
        this.anchor = evidence.head(tenant).orElse(null);
    }

    /** Feeds the next event; answers false once the chain is broken (later events need not be read). */
    public boolean accept(AuditEvent event) {
        if (broken != null) {
            return false;
        }
        long seq = event.sequence();
        if (seq != expected) {
            return fail(expected, "event " + expected + " is missing (the next stored event is " + seq + ")");
        }
        if (!previousHash.equals(event.prevHash())) {
            return fail(seq, "event " + seq + " does not follow the hash of event " + (seq - 1));
        }
        if (!keys.holds(event.keyId())) {
            return fail(seq, "event " + seq + " is sealed with key '" + event.keyId() + "', which this server does not hold");
        }
        if (!event.computeHash(keys).equals(event.hash())) {
            return fail(seq, "event " + seq + " was changed after it was written");
        }
        // Anyone can compute a plain SHA-256 link, so a well-formed one proves nothing by itself.
        if (ChainKeys.LEGACY.equals(event.keyId()) && (anchor == null || seq > anchor.legacyThrough())) {
            return fail(seq, "event " + seq + " carries an unkeyed SHA-256 link where "
                    + (anchor == null ? "no signed digest vouches for one" : "digest " + evidence.key() + " allows none"));
        }
        if (anchor != null && seq == anchor.lastSequence()) {
            hashAtAnchor = event.hash();
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
                    "event " + expected + " is missing (the chain's head is at " + headSequence + ")", evidence.key());
        }
        if (evidence.problem() != null) {
            return ChainVerification.brokenAt(tenant, checked, null, evidence.problem(), evidence.key());
        }
        if (anchor != null) {
            long last = expected - 1;
            if (last < anchor.lastSequence()) {
                return ChainVerification.brokenAt(tenant, checked, expected, (last == 0 ? "the whole chain is missing"
                        : "events " + expected + " to " + anchor.lastSequence() + " are missing") + ": digest "
                        + evidence.key() + " recorded the chain at event " + anchor.lastSequence(), evidence.key());
            }
            if (anchor.lastSequence() > 0 && !anchor.lastHash().equals(hashAtAnchor)) {
                return ChainVerification.brokenAt(tenant, checked, anchor.lastSequence(), "event " + anchor.lastSequence()
                        + " is not the one digest " + evidence.key() + " recorded (the chain was rewritten)", evidence.key());
            }
        }
        return ChainVerification.intact(tenant, checked, evidence.key());
    }

    private boolean fail(long sequence, String reason) {
        broken = ChainVerification.brokenAt(tenant, checked, sequence, reason, evidence.key());
        return false;
    }
}
