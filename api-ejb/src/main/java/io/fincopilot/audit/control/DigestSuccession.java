package io.fincopilot.audit.control;

import io.fincopilot.audit.entity.AuditDigest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.BiFunction;
import java.util.function.Consumer;

/**
 * What the next digest records for each chain. A chain may only grow from one digest to the next:
 * if its head went back, or the event the previous digest recorded is gone or different, or the
 * chain vanished, the previous entry is carried forward unchanged (and a warning raised), so a
 * digest written after tampering never blesses it and verification keeps naming it.
 */
public final class DigestSuccession {

    /** A chain's head as the database shows it now. */
    public record Current(UUID tenant, long lastSequence, String lastHash) {
    }

    private DigestSuccession() {
    }

    /**
     * @param previous the latest digest, or null for the first one
     * @param legacyNow how far each chain's unkeyed events reach now; used by the first digest only
     * @param hashAt the stored hash of a chain's event at a sequence, if there is one
     */
    public static List<AuditDigest.Head> next(AuditDigest previous, List<Current> current, Map<UUID, Long> legacyNow,
            BiFunction<UUID, Long, Optional<String>> hashAt, Consumer<String> warnings) {
        return next(previous, current, legacyNow, hashAt, Map.of(), warnings);
    }

    /**
     * @param erasedThrough for each erased organization, the last event of its chain that the platform's chain
     *                      records the erasure took (decision 76): such a chain is left out once gone, where the
     *                      previous digest saw no more of it than that; any other vanished chain is carried forward
     */
    public static List<AuditDigest.Head> next(AuditDigest previous, List<Current> current, Map<UUID, Long> legacyNow,
            BiFunction<UUID, Long, Optional<String>> hashAt, Map<UUID, Long> erasedThrough, Consumer<String> warnings) {
        Map<UUID, AuditDigest.Head> before = previous == null ? Map.of() : previous.byTenant();
        List<AuditDigest.Head> heads = new ArrayList<>();
        for (Current now : current) {
            AuditDigest.Head was = before.get(now.tenant());
            if (was == null) {
                heads.add(new AuditDigest.Head(now.tenant(), now.lastSequence(), now.lastHash(),
                        previous == null ? legacyNow.getOrDefault(now.tenant(), 0L) : 0L));
            } else if (grewFrom(was, now, hashAt)) {
                heads.add(new AuditDigest.Head(now.tenant(), now.lastSequence(), now.lastHash(), was.legacyThrough()));
            } else {
                warnings.accept("chain " + now.tenant() + " no longer holds event " + was.lastSequence() + " as digest "
                        + previous.key() + " recorded it; its entry is carried forward");
                heads.add(was);
            }
        }
        List<UUID> present = current.stream().map(Current::tenant).toList();
        before.values().stream().filter(h -> !present.contains(h.tenant()))
                .filter(h -> erasedThrough.getOrDefault(h.tenant(), -1L) < h.lastSequence()).forEach(h -> {
            warnings.accept("chain " + h.tenant() + " has vanished since digest " + previous.key() + "; its entry is carried forward");
            heads.add(h);
        });
        return heads;
    }

    private static boolean grewFrom(AuditDigest.Head was, Current now, BiFunction<UUID, Long, Optional<String>> hashAt) {
        if (now.lastSequence() == was.lastSequence()) {
            return now.lastHash().equals(was.lastHash());
        }
        return now.lastSequence() > was.lastSequence()
                && (was.lastSequence() == 0 || hashAt.apply(now.tenant(), was.lastSequence()).filter(was.lastHash()::equals).isPresent());
    }
}
