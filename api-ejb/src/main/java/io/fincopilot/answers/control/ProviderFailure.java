package io.fincopilot.answers.control;

/**
 * A remote model did not answer. {@link Unavailable} may pass (429, 5xx, a lost connection, a body
 * that is not its protocol): it is retried, and counts against the circuit breaker. {@link Refused}
 * will not pass by asking again (any other 4xx): never retried. Either way the answer falls back to
 * the extractive one, and {@link #getMessage()} says why, in words fit for the caller.
 */
public abstract class ProviderFailure extends RuntimeException {

    private static final long serialVersionUID = 1L;

    ProviderFailure(String reason, Throwable cause) {
        super(reason, cause, false, false);
    }

    public static final class Unavailable extends ProviderFailure {
        private static final long serialVersionUID = 1L;

        public Unavailable(String reason) {
            super(reason, null);
        }

        public Unavailable(String reason, Throwable cause) {
            super(reason, cause);
        }
    }

    /**
     * The stream broke after part of the answer had reached the caller: asking again would repeat
     * it, so it is not retried (but counts against the circuit breaker).
     */
    public static final class Broken extends ProviderFailure {
        private static final long serialVersionUID = 1L;

        public Broken(String reason, Throwable cause) {
            super(reason, cause);
        }
    }

    public static final class Refused extends ProviderFailure {
        private static final long serialVersionUID = 1L;

        public Refused(String reason) {
            super(reason, null);
        }
    }
}
