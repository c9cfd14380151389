package io.fincopilot.platform.outage;

import jakarta.ejb.ApplicationException;

/**
 * A dependency could not be reached or failed on its side, or its circuit is open: not the
 * client's fault, and nothing was done. Answered as a 503 with {@code Retry-After}; the
 * transaction it interrupts is rolled back.
 */
@ApplicationException(rollback = true)
public class DependencyUnavailable extends RuntimeException {

    private final Dependency dependency;

    public DependencyUnavailable(Dependency dependency, Throwable cause) {
        super(dependency.description() + " is unavailable", cause);
        this.dependency = dependency;
    }

    public Dependency dependency() {
        return dependency;
    }
}
