package io.fincopilot.audit.control;

import io.fincopilot.audit.boundary.AuditLog;
import io.fincopilot.platform.outage.Outages;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Verifies every audit chain on a schedule ({@code fincopilot.audit.verify-interval}, started by
 * {@link DigestSchedule}), so that a broken chain raises
 * {@code fincopilot_audit_verifications_total{result="broken"}} and its alert without anyone
 * having asked (decision 77). Which chains are broken goes to the log, nowhere else.
 */
@Stateless
@PermitAll
public class ChainWatch {

    private static final Logger LOG = Logger.getLogger(ChainWatch.class.getName());

    @Inject
    AuditLog log;

    public void verifyAll() {
        try {
            long broken = log.verifyAllOnSchedule();
            LOG.log(broken == 0 ? Level.INFO : Level.SEVERE, "audit chains verified on schedule: " + broken + " broken");
        } catch (RuntimeException e) {
            Outages.log(LOG, "verifying the audit chains failed; the next turn tries again", e);
        }
    }
}
