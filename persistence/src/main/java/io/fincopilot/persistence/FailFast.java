package io.fincopilot.persistence;

import org.eclipse.persistence.config.SessionCustomizer;
import org.eclipse.persistence.sessions.DatabaseLogin;
import org.eclipse.persistence.sessions.Session;

/**
 * EclipseLink retries a read that failed on a lost connection three times, five seconds apart:
 * while PostgreSQL is down every request then held its thread for ten seconds and more before
 * failing. The pool validates each connection it hands out, so a retry gains nothing; the failure
 * goes straight to the caller, who answers 503 with {@code Retry-After} (decision 77).
 */
public class FailFast implements SessionCustomizer {

    @Override
    public void customize(Session session) {
        if (session.getDatasourceLogin() instanceof DatabaseLogin login) {
            login.setQueryRetryAttemptCount(0);
            login.setDelayBetweenConnectionAttempts(0);
        }
    }
}
