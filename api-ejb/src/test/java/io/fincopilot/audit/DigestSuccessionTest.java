package io.fincopilot.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fincopilot.audit.control.DigestSuccession;
import io.fincopilot.audit.control.DigestSuccession.Current;
import io.fincopilot.audit.entity.AuditDigest;
import io.fincopilot.audit.entity.AuditDigest.Head;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** A digest never moves a chain backwards: what was recorded stays recorded until the chain grows from it. */
class DigestSuccessionTest {

    private static final UUID A = UUID.fromString("00000000-0000-0000-0000-00000000000a");
    private static final UUID B = UUID.fromString("00000000-0000-0000-0000-00000000000b");
    private static final AuditDigest PREVIOUS = new AuditDigest(Instant.parse("2026-11-22T11:00:00Z"), null, null,
            List.of(new Head(A, 5, "a5", 2), new Head(B, 3, "b3", 0)));
    private static final Map<String, String> STORED = Map.of(A + "/5", "a5", B + "/3", "b3");

    private final List<String> warnings = new ArrayList<>();

    private List<Head> next(AuditDigest previous, List<Current> current, Map<String, String> stored) {
        return DigestSuccession.next(previous, current, Map.of(A, 4L), (t, s) -> Optional.ofNullable(stored.get(t + "/" + s)),
                warnings::add);
    }

    @Test
    void theFirstDigestTakesTheLegacyReachFromTheDatabase() {
        List<Head> heads = next(null, List.of(new Current(A, 7, "a7"), new Current(B, 1, "b1")), STORED);
        assertEquals(List.of(new Head(A, 7, "a7", 4), new Head(B, 1, "b1", 0)), heads);
    }

    @Test
    void chainsThatGrewAdvanceAndKeepTheirLegacyReach() {
        List<Head> heads = next(PREVIOUS, List.of(new Current(A, 8, "a8"), new Current(B, 3, "b3")), STORED);
        assertEquals(List.of(new Head(A, 8, "a8", 2), new Head(B, 3, "b3", 0)), heads);
        assertTrue(warnings.isEmpty(), warnings.toString());
    }

    @Test
    void aNewChainAfterTheFirstDigestGetsNoLegacyReach() {
        UUID c = UUID.randomUUID();
        List<Head> heads = next(PREVIOUS, List.of(new Current(A, 5, "a5"), new Current(B, 3, "b3"), new Current(c, 2, "c2")), STORED);
        assertEquals(new Head(c, 2, "c2", 0), heads.get(2));
    }

    @Test
    void aHeadMovedBackARewrittenChainAndAVanishedOneAreCarriedForward() {
        List<Head> heads = next(PREVIOUS, List.of(new Current(A, 3, "a3")), STORED);
        assertEquals(List.of(new Head(A, 5, "a5", 2), new Head(B, 3, "b3", 0)), heads);
        assertEquals(2, warnings.size(), warnings.toString());
        warnings.clear();
        List<Head> rewritten = next(PREVIOUS, List.of(new Current(A, 9, "x9"), new Current(B, 3, "other")),
                Map.of(A + "/5", "x5"));
        assertEquals(PREVIOUS.chains(), rewritten);
        assertEquals(2, warnings.size(), warnings.toString());
    }

    @Test
    void aChainTheErasureTookIsLeftOutOnlyWhereThePlatformsRecordReachesWhatTheDigestSaw() {
        List<Head> heads = DigestSuccession.next(PREVIOUS, List.of(new Current(A, 5, "a5")), Map.of(),
                (t, s) -> Optional.ofNullable(STORED.get(t + "/" + s)), Map.of(B, 3L), warnings::add);
        assertEquals(List.of(new Head(A, 5, "a5", 2)), heads, "B was erased at event 3, as far as the digest saw");
        assertTrue(warnings.isEmpty(), warnings.toString());
        List<Head> short_ = DigestSuccession.next(PREVIOUS, List.of(new Current(A, 5, "a5")), Map.of(),
                (t, s) -> Optional.ofNullable(STORED.get(t + "/" + s)), Map.of(B, 2L), warnings::add);
        assertEquals(PREVIOUS.chains(), short_, "an erasure record short of the digest's head does not excuse the rest");
        assertEquals(1, warnings.size(), warnings.toString());
    }
}
