package io.fincopilot.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fincopilot.audit.control.ChainKeys;
import io.fincopilot.audit.control.ChainVerifier;
import io.fincopilot.audit.control.DigestEvidence;
import io.fincopilot.audit.entity.AuditDigest;
import io.fincopilot.audit.entity.AuditEvent;
import io.fincopilot.audit.entity.ChainVerification;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class ChainVerifierTest {

    static final UUID TENANT = UUID.fromString("7fc40a24-004a-4c69-8290-c5575f5f8941");
    static final String K1 = "k1:" + secret(1);
    static final String K2 = "k2:" + secret(2);
    static final ChainKeys KEYS = ChainKeys.parse(K1, "k1");

    static String secret(int seed) {
        byte[] bytes = new byte[32];
        java.util.Arrays.fill(bytes, (byte) seed);
        return Base64.getEncoder().encodeToString(bytes);
    }

    static List<AuditEvent> chain(ChainKeys keys, int length) {
        return extend(keys, new ArrayList<>(), length);
    }

    static List<AuditEvent> extend(ChainKeys keys, List<AuditEvent> events, int more) {
        String prev = events.isEmpty() ? AuditEvent.GENESIS : events.get(events.size() - 1).hash();
        int from = events.size() + 1;
        for (int i = from; i < from + more; i++) {
            AuditEvent e = AuditEvent.next(keys, TENANT, i, prev, Instant.parse("2026-11-22T10:15:30.123456789Z").plusSeconds(i),
                    "alice", "person", "key.created", "key:abc" + i, "127.0.0.1", "SUCCESS",
                    Map.of("name", "ci key " + i, "scopes", "ask", "n", i));
            events.add(e);
            prev = e.hash();
        }
        return events;
    }

    /** What an attacker without the key can do: re-hash from an event onwards with plain SHA-256. */
    static void rehashWithSha256(List<AuditEvent> events, int fromIndex, boolean claimLegacy) {
        ChainKeys sha = ChainKeys.parse(K1, "k1");
        String prev = fromIndex == 0 ? AuditEvent.GENESIS : events.get(fromIndex - 1).hash();
        for (int i = fromIndex; i < events.size(); i++) {
            AuditEvent e = events.get(i);
            AuditEvent forged = new AuditEvent(e.tenant(), e.sequence(), e.occurredAt(), i == fromIndex ? "mallory" : e.actor(),
                    e.actorType(), e.action(), e.target(), e.sourceIp(), e.outcome(), e.details(),
                    claimLegacy ? ChainKeys.LEGACY : e.keyId(), prev, null);
            AuditEvent asLegacy = new AuditEvent(forged.tenant(), forged.sequence(), forged.occurredAt(), forged.actor(),
                    forged.actorType(), forged.action(), forged.target(), forged.sourceIp(), forged.outcome(),
                    forged.details(), ChainKeys.LEGACY, prev, null);
            AuditEvent sealed = forged.withHash(sha.link(ChainKeys.LEGACY, prev, asLegacy.canonical()));
            events.set(i, sealed);
            prev = sealed.hash();
        }
    }

    static ChainVerification verify(ChainKeys keys, List<AuditEvent> events, long head, DigestEvidence evidence) {
        ChainVerifier verifier = new ChainVerifier(TENANT, keys, evidence);
        for (AuditEvent e : events) {
            if (!verifier.accept(e)) {
                break;
            }
        }
        return verifier.finish(head);
    }

    static ChainVerification verify(List<AuditEvent> events, long head) {
        return verify(KEYS, events, head, DigestEvidence.none());
    }

    static DigestEvidence digestOf(List<AuditEvent> events, long legacyThrough) {
        AuditEvent last = events.get(events.size() - 1);
        AuditDigest digest = new AuditDigest(Instant.parse("2026-11-22T11:00:00Z"), null, null,
                List.of(new AuditDigest.Head(TENANT, last.sequence(), last.hash(), legacyThrough)));
        return DigestEvidence.of(digest.key(), digest, "00");
    }

    @Test
    void anUntouchedChainIsValid() {
        ChainVerification verdict = verify(chain(KEYS, 5), 5);
        assertTrue(verdict.valid());
        assertEquals(5, verdict.eventsChecked());
        assertNull(verdict.digest());
    }

    @Test
    void theLinkCoversEveryFieldTheKeyIdAndTheDetailsInAnyOrder() {
        AuditEvent a = AuditEvent.next(KEYS, TENANT, 1, AuditEvent.GENESIS, Instant.EPOCH, "a", "person", "x", null, null,
                "SUCCESS", Map.of("b", 2, "a", "1"));
        AuditEvent same = AuditEvent.next(KEYS, TENANT, 1, AuditEvent.GENESIS, Instant.EPOCH, "a", "person", "x", null, null,
                "SUCCESS", new java.util.TreeMap<>(Map.of("a", "1", "b", 2)));
        AuditEvent otherActor = AuditEvent.next(KEYS, TENANT, 1, AuditEvent.GENESIS, Instant.EPOCH, "b", "person", "x", null,
                null, "SUCCESS", Map.of("b", 2, "a", "1"));
        assertEquals(a.hash(), same.hash());
        assertNotEquals(a.hash(), otherActor.hash());
        assertEquals(64, a.hash().length());
        assertEquals("k1", a.keyId());
        assertTrue(a.canonical().contains("\"keyId\":\"k1\""), a.canonical());
    }

    @Test
    void theLinkIsAnHmacThatAnotherKeyDoesNotReproduce() {
        AuditEvent e = chain(KEYS, 1).get(0);
        ChainKeys sameIdOtherSecret = ChainKeys.parse("k1:" + secret(9), "k1");
        assertNotEquals(e.hash(), e.computeHash(sameIdOtherSecret));
        assertFalse(verify(sameIdOtherSecret, List.of(e), 1, DigestEvidence.none()).valid());
    }

    @Test
    void anEditedEventIsNamed() {
        List<AuditEvent> events = chain(KEYS, 5);
        AuditEvent e = events.get(2);
        events.set(2, new AuditEvent(e.tenant(), e.sequence(), e.occurredAt(), "mallory", e.actorType(), e.action(),
                e.target(), e.sourceIp(), e.outcome(), e.details(), e.keyId(), e.prevHash(), e.hash()));
        ChainVerification verdict = verify(events, 5);
        assertFalse(verdict.valid());
        assertEquals(3L, verdict.firstBrokenSequence());
        assertTrue(verdict.reason().contains("changed"), verdict.reason());
    }

    @Test
    void anEventReHashedWithPlainSha256UnderItsKeyIdIsNamed() {
        List<AuditEvent> events = chain(KEYS, 5);
        rehashWithSha256(events, 1, false);
        ChainVerification verdict = verify(events, 5);
        assertEquals(2L, verdict.firstBrokenSequence(), verdict.toString());
        assertTrue(verdict.reason().contains("changed"), verdict.reason());
    }

    @Test
    void aTailReHashedAsLegacyIsRefusedWithoutADigestThatAllowsIt() {
        List<AuditEvent> events = chain(KEYS, 5);
        rehashWithSha256(events, 2, true);
        ChainVerification tail = verify(events, 5);
        assertEquals(3L, tail.firstBrokenSequence());
        assertTrue(tail.reason().contains("unkeyed"), "the forged links hold as SHA-256; only the key tells: " + tail.reason());
        List<AuditEvent> all = chain(KEYS, 5);
        rehashWithSha256(all, 0, true);
        ChainVerification wholeChain = verify(all, 5);
        assertEquals(1L, wholeChain.firstBrokenSequence(), wholeChain.toString());
        assertTrue(wholeChain.reason().contains("unkeyed"), wholeChain.reason());
    }

    @Test
    void legacyEventsVerifyWhereTheDigestVouchesForThemAndNotBeyond() {
        List<AuditEvent> legacy = chain(ChainKeys.parse(K1, "k1"), 3);
        rehashWithSha256(legacy, 0, true); // stands in for events written before keys existed
        DigestEvidence digest = digestOf(legacy, 3);
        extend(KEYS, legacy, 2);
        assertTrue(verify(KEYS, legacy, 5, digest).valid(), verify(KEYS, legacy, 5, digest).toString());
        List<AuditEvent> stretched = new ArrayList<>(legacy);
        rehashWithSha256(stretched, 3, true);
        ChainVerification verdict = verify(KEYS, stretched, 5, digest);
        assertEquals(4L, verdict.firstBrokenSequence());
        assertTrue(verdict.reason().contains("allows none"), verdict.reason());
    }

    @Test
    void aDeletedEventIsNamed() {
        List<AuditEvent> events = chain(KEYS, 5);
        events.remove(3);
        assertEquals(4L, verify(events, 5).firstBrokenSequence());
    }

    @Test
    void aDeletedLastEventIsNamedFromTheHead() {
        List<AuditEvent> events = chain(KEYS, 5);
        events.remove(4);
        ChainVerification verdict = verify(events, 5);
        assertFalse(verdict.valid());
        assertEquals(5L, verdict.firstBrokenSequence());
    }

    @Test
    void rotatedKeysKeepOldEventsVerifiableUnderTheirOwnKeyId() {
        ChainKeys before = ChainKeys.parse(K1, "k1");
        ChainKeys after = ChainKeys.parse(K1 + "," + K2, "k2");
        List<AuditEvent> events = chain(before, 3);
        extend(after, events, 3);
        assertEquals(List.of("k1", "k1", "k1", "k2", "k2", "k2"), events.stream().map(AuditEvent::keyId).toList());
        assertTrue(verify(after, events, 6, DigestEvidence.none()).valid());
        ChainVerification withoutK1 = verify(ChainKeys.parse(K2, "k2"), events, 6, DigestEvidence.none());
        assertEquals(1L, withoutK1.firstBrokenSequence());
        assertTrue(withoutK1.reason().contains("'k1'"), withoutK1.reason());
    }

    @Test
    void keysAreCheckedWhenParsed() {
        assertThrows(IllegalArgumentException.class, () -> ChainKeys.parse("k1:" + Base64.getEncoder().encodeToString(new byte[8]), "k1"));
        assertThrows(IllegalArgumentException.class, () -> ChainKeys.parse(K1, "k2"));
        assertThrows(IllegalArgumentException.class, () -> ChainKeys.parse(ChainKeys.LEGACY + ":" + secret(1), ChainKeys.LEGACY));
        assertThrows(IllegalArgumentException.class, () -> ChainKeys.parse("", ""));
        assertFalse(ChainKeys.parse(K1, "k1").toString().contains(secret(1)));
    }
}
