package io.fincopilot.ingestion.entity;

import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;

/** How many of each kind of personal data were masked; kinds never seen are absent. */
public record PiiCounts(Map<PiiKind, Integer> byKind) {

    public static final PiiCounts NONE = new PiiCounts(Map.of());

    public PiiCounts {
        EnumMap<PiiKind, Integer> copy = new EnumMap<>(PiiKind.class);
        byKind.forEach((kind, count) -> {
            if (count > 0) {
                copy.put(kind, count);
            }
        });
        byKind = Collections.unmodifiableMap(copy);
    }

    public int of(PiiKind kind) {
        return byKind.getOrDefault(kind, 0);
    }

    public int total() {
        return byKind.values().stream().mapToInt(Integer::intValue).sum();
    }

    public PiiCounts plus(PiiCounts other) {
        EnumMap<PiiKind, Integer> sum = new EnumMap<>(PiiKind.class);
        sum.putAll(byKind);
        other.byKind.forEach((kind, count) -> sum.merge(kind, count, Integer::sum));
        return new PiiCounts(sum);
    }
}
