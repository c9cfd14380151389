package io.fincopilot.platform;

import java.util.Objects;
import java.util.stream.Stream;

/** A failure and its causes, outermost first: where the mappers look for what a failure really was. */
public final class Causes {

    private Causes() {
    }

    public static Stream<Throwable> of(Throwable failure) {
        return Stream.iterate(failure, Objects::nonNull, c -> c.getCause() == c ? null : c.getCause());
    }

    /** The innermost cause, as "Type: message", for a log line. */
    public static String root(Throwable failure) {
        Throwable root = of(failure).reduce((outer, inner) -> inner).orElse(failure);
        return root.getClass().getSimpleName() + ": " + root.getMessage();
    }
}
