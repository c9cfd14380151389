package io.fincopilot.answers.control;

/**
 * A remote model did not answer. {@link Unavailable} may pass (429, 5xx, a lost connection): it is
 * retried, and counts against the circuit breaker. {@link Unusable} answered, but not usefully (a
 * body that is not its protocol, no first byte in time, a stream that broke after text reached
 * the caller): not retried, but counted. {@link Refused} will not pass by asking again (any other
 * 4xx, or a Retry-After longer than anyone waits): neither retried nor counted. Either way the
 * answer falls back to the extractive one. {@link #getMessage()} says why in words fit for the
 * organization (the status, never the provider's own error text, which may name accounts or keys);
 * {@link #detail()} is that text, for the server's log.
 */
public abstract class ProviderFailure extends RuntimeException {

    private static final long serialVersionUID = 1L;
    private final String detail;

    ProviderFailure(String reason, String detail, Throwable cause) {
        super(reason, cause, false, false);
        this.detail = detail;
    }

    public String detail() {
        return detail;
    }

    public static final class Unavailable extends ProviderFailure {
        private static final long serialVersionUID = 1L;

        public Unavailable(String reason) {
            super(reason, null, null);
        }

        public Unavailable(String reason, String detail, Throwable cause) {
            super(reason, detail, cause);
        }
    }

    public static final class Unusable extends ProviderFailure {
        private static final long serialVersionUID = 1L;

        public Unusable(String reason) {
            super(reason, null, null);
        }

        public Unusable(String reason, String detail, Throwable cause) {
            super(reason, detail, cause);
        }
    }

    public static final class Refused extends ProviderFailure {
        private static final long serialVersionUID = 1L;

        public Refused(String reason) {
            super(reason, null, null);
        }

        public Refused(String reason, String detail) {
            super(reason, detail, null);
        }
    }
}
