package io.fincopilot.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fincopilot.audit.control.ChainVerifier;
import io.fincopilot.audit.entity.AuditEvent;
import io.fincopilot.audit.entity.ChainVerification;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class ChainVerifierTest {

    private static final UUID TENANT = UUID.fromString("7fc40a24-004a-4c69-8290-c5575f5f8941");

    private static List<AuditEvent> chain(int length) {
        List<AuditEvent> events = new ArrayList<>();
        String prev = AuditEvent.GENESIS;
        for (int i = 1; i <= length; i++) {
            AuditEvent e = AuditEvent.next(TENANT, i, prev, Instant.parse("2026-11-22T10:15:30.123456789Z").plusSeconds(i),
                    "alice", "person", "key.created", "key:abc" + i, "127.0.0.1", "SUCCESS",
                    Map.of("name", "ci key " + i, "scopes", "ask", "n", i));
            events.add(e);
            prev = e.hash();
        }
        return events;
    }

    private static ChainVerification verify(List<AuditEvent> events, long head) {
        ChainVerifier verifier = new ChainVerifier(TENANT);
        for (AuditEvent e : events) {
            if (!verifier.accept(e)) {
                break;
            }
        }
        return verifier.finish(head);
    }

    @Test
    void anUntouchedChainIsValid() {
        ChainVerification verdict = verify(chain(5), 5);
        assertTrue(verdict.valid());
        assertEquals(5, verdict.eventsChecked());
    }

    @Test
    void theHashCoversEveryFieldAndTheDetailsInAnyOrder() {
        AuditEvent a = AuditEvent.next(TENANT, 1, AuditEvent.GENESIS, Instant.EPOCH, "a", "person", "x", null, null,
                "SUCCESS", Map.of("b", 2, "a", "1"));
        AuditEvent same = AuditEvent.next(TENANT, 1, AuditEvent.GENESIS, Instant.EPOCH, "a", "person", "x", null, null,
                "SUCCESS", new java.util.TreeMap<>(Map.of("a", "1", "b", 2)));
        AuditEvent otherActor = AuditEvent.next(TENANT, 1, AuditEvent.GENESIS, Instant.EPOCH, "b", "person", "x", null,
                null, "SUCCESS", Map.of("b", 2, "a", "1"));
        assertEquals(a.hash(), same.hash());
        assertNotEquals(a.hash(), otherActor.hash());
        assertEquals(64, a.hash().length());
    }

    @Test
    void anEditedEventIsNamed() {
        List<AuditEvent> events = chain(5);
        AuditEvent e = events.get(2);
        events.set(2, new AuditEvent(e.tenant(), e.sequence(), e.occurredAt(), "mallory", e.actorType(), e.action(),
                e.target(), e.sourceIp(), e.outcome(), e.details(), e.prevHash(), e.hash()));
        ChainVerification verdict = verify(events, 5);
        assertFalse(verdict.valid());
        assertEquals(3L, verdict.firstBrokenSequence());
        assertTrue(verdict.reason().contains("changed"), verdict.reason());
    }

    @Test
    void anEditedAndResealedEventBreaksTheNextLink() {
        List<AuditEvent> events = chain(5);
        AuditEvent e = events.get(1);
        AuditEvent forged = new AuditEvent(e.tenant(), e.sequence(), e.occurredAt(), "mallory", e.actorType(),
                e.action(), e.target(), e.sourceIp(), e.outcome(), e.details(), e.prevHash(), null);
        events.set(1, forged.withHash(forged.computeHash()));
        ChainVerification verdict = verify(events, 5);
        assertEquals(3L, verdict.firstBrokenSequence());
    }

    @Test
    void aDeletedEventIsNamed() {
        List<AuditEvent> events = chain(5);
        events.remove(3);
        assertEquals(4L, verify(events, 5).firstBrokenSequence());
    }

    @Test
    void aDeletedLastEventIsNamedFromTheHead() {
        List<AuditEvent> events = chain(5);
        events.remove(4);
        ChainVerification verdict = verify(events, 5);
        assertFalse(verdict.valid());
        assertEquals(5L, verdict.firstBrokenSequence());
    }
}
