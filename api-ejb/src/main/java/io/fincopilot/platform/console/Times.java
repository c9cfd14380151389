package io.fincopilot.platform.console;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Named;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/** How the consoles show instants: UTC, to the second ({@code #{times.utc(...)}}). */
@Named
@ApplicationScoped
public class Times {

    private static final DateTimeFormatter UTC = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZoneOffset.UTC);

    public String utc(Instant instant) {
        return instant == null ? "" : UTC.format(instant);
    }
}
