package io.fincopilot.audit;

import static io.fincopilot.audit.ChainVerifierTest.KEYS;
import static io.fincopilot.audit.ChainVerifierTest.TENANT;
import static io.fincopilot.audit.ChainVerifierTest.chain;
import static io.fincopilot.audit.ChainVerifierTest.digestOf;
import static io.fincopilot.audit.ChainVerifierTest.extend;
import static io.fincopilot.audit.ChainVerifierTest.verify;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fincopilot.audit.control.ChainKeys;
import io.fincopilot.audit.control.DigestEvidence;
import io.fincopilot.audit.entity.AuditDigest;
import io.fincopilot.audit.entity.AuditEvent;
import io.fincopilot.audit.entity.ChainVerification;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** A chain held against the latest signed digest: what the database alone cannot show. */
class DigestCheckTest {

    @Test
    void aChainThatGrewSinceTheDigestIsValidAndNamesIt() {
        List<AuditEvent> events = chain(KEYS, 4);
        DigestEvidence digest = digestOf(events, 0);
        extend(KEYS, events, 2);
        ChainVerification verdict = verify(KEYS, events, 6, digest);
        assertTrue(verdict.valid(), verdict.toString());
        assertEquals(digest.key(), verdict.digest());
    }

    @Test
    void aTruncatedTailWithItsHeadMovedBackIsNamedFromTheDigest() {
        List<AuditEvent> events = chain(KEYS, 6);
        DigestEvidence digest = digestOf(events, 0);
        List<AuditEvent> truncated = events.subList(0, 4);
        ChainVerification verdict = verify(KEYS, truncated, 4, digest);
        assertFalse(verdict.valid());
        assertEquals(5L, verdict.firstBrokenSequence());
        assertTrue(verdict.reason().contains(digest.key()), verdict.reason());
        assertEquals(4, verdict.eventsChecked());
    }

    @Test
    void aDroppedChainIsNamedFromTheDigest() {
        DigestEvidence digest = digestOf(chain(KEYS, 3), 0);
        ChainVerification verdict = verify(KEYS, List.of(), 0, digest);
        assertFalse(verdict.valid());
        assertEquals(1L, verdict.firstBrokenSequence());
        assertTrue(verdict.reason().contains("whole chain"), verdict.reason());
    }

    @Test
    void aChainReplacedAfterTheDigestIsNamedAtTheDigestsLastEvent() {
        List<AuditEvent> original = chain(KEYS, 3);
        DigestEvidence digest = digestOf(original, 0);
        // Someone with the key (or a bug) wrote a different chain of the same length: the digest still tells.
        List<AuditEvent> other = chain(ChainKeys.parse(ChainVerifierTest.K2, "k2"), 3);
        ChainVerification verdict = verify(ChainKeys.parse(ChainVerifierTest.K2, "k2"), other, 3, digest);
        assertEquals(3L, verdict.firstBrokenSequence(), verdict.toString());
        assertTrue(verdict.reason().contains("rewritten"), verdict.reason());
    }

    @Test
    void aDigestThatDoesNotVerifyMakesEveryChainSuspect() {
        DigestEvidence forged = DigestEvidence.untrusted("audit-digests/x.json", "digest audit-digests/x.json is not signed");
        ChainVerification verdict = verify(KEYS, chain(KEYS, 2), 2, forged);
        assertFalse(verdict.valid());
        assertNull(verdict.firstBrokenSequence());
        assertEquals("audit-digests/x.json", verdict.digest());
    }

    @Test
    void aDigestRoundTripsThroughItsJsonAndSortsItsChains() {
        UUID other = UUID.fromString("00000000-0000-0000-0000-000000000000");
        AuditDigest digest = new AuditDigest(Instant.parse("2026-11-22T11:00:00.123Z"), "audit-digests/a.json", "ab",
                List.of(new AuditDigest.Head(TENANT, 4, "f".repeat(64), 2), new AuditDigest.Head(other, 1, "e".repeat(64), 0)));
        AuditDigest back = AuditDigest.fromJson(digest.toJson());
        assertEquals(digest, back);
        assertEquals(other, back.chains().get(0).tenant());
        assertEquals("audit-digests/20261122T110000.123Z.json", digest.key());
        assertTrue(AuditDigest.keyFor(Instant.parse("2026-11-22T11:00:00.124Z")).compareTo(digest.key()) > 0);
    }

    @Test
    void aDigestSignatureCoversItsKeyAndBytesUnderTheKeyId() {
        ChainKeys rotated = ChainKeys.parse(ChainVerifierTest.K1 + "," + ChainVerifierTest.K2, "k2");
        byte[] data = "audit-digests/a.json\n{}".getBytes();
        String signature = KEYS.sign("k1", data);
        assertTrue(rotated.verify("k1", data, signature), "an old key still verifies what it signed");
        assertFalse(rotated.verify("k2", data, signature));
        assertFalse(KEYS.verify("k1", "audit-digests/b.json\n{}".getBytes(), signature), "moved to another key");
        assertFalse(KEYS.verify("k9", data, signature));
        assertFalse(KEYS.verify("k1", data, "not base64!"));
    }
}
