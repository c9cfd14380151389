package io.fincopilot.ingestion.entity;

import java.time.Duration;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;

/** How long each stage of one ingestion took, for metrics and for finding the slow stage. */
public record StageTimings(Map<Stage, Duration> byStage) {

    public enum Stage {
        DETECT,
        EXTRACT,
        MASK,
        CHUNK,
        EMBED
    }

    public StageTimings {
        byStage = Collections.unmodifiableMap(new EnumMap<>(byStage));
    }

    public Duration of(Stage stage) {
        return byStage.getOrDefault(stage, Duration.ZERO);
    }

    public Duration total() {
        return byStage.values().stream().reduce(Duration.ZERO, Duration::plus);
    }
}
