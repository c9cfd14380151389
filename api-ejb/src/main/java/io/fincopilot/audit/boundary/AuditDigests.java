package io.fincopilot.audit.boundary;

import io.fincopilot.audit.control.DigestWriter;
import io.fincopilot.audit.entity.Act;
import io.fincopilot.audit.entity.AuditDigest;
import io.fincopilot.audit.entity.AuditEvent;
import io.fincopilot.security.Caller;
import io.fincopilot.security.CallerContext;
import io.fincopilot.security.Role;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.util.Map;

/** Signed digests of the audit chains, written on demand by a platform admin (the schedule writes the rest). */
@Stateless
public class AuditDigests {

    @Inject
    DigestWriter writer;

    @Inject
    AuditTrail audit;

    @Inject
    CallerContext callers;

    /** Writes a digest now (in its own transaction, so it records committed heads only) and audits it. */
    @RolesAllowed(Role.PLATFORM_ADMIN_NAME)
    public AuditDigest writeNow() {
        Caller by = callers.require();
        AuditDigest digest = writer.write(true).orElseThrow();
        audit.record(AuditEvent.PLATFORM_CHAIN, new Act(by.actor(), by.kind().name().toLowerCase(), "audit.digest-written",
                digest.key(), callers.sourceIp(), Act.Outcome.SUCCESS, Map.of("chains", digest.chains().size())));
        return digest;
    }
}
