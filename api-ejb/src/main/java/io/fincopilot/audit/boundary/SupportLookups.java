package io.fincopilot.audit.boundary;

import io.fincopilot.audit.entity.Act;
import io.fincopilot.audit.entity.AuditEntry;
import io.fincopilot.audit.entity.AuditEvent;
import io.fincopilot.audit.entity.AuditQuery;
import io.fincopilot.security.Caller;
import io.fincopilot.security.Role;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Platform staff reading tenants' audit trails. Every look is itself an audit event: on the
 * tenant's chain when one tenant is looked at, on the platform's chain when all are.
 */
@Stateless
public class SupportLookups {

    @Inject
    AuditLog log;

    @Inject
    AuditTrail audit;

    @RolesAllowed({Role.PLATFORM_ADMIN_NAME, Role.SUPPORT_NAME})
    public List<AuditEntry> auditEvents(Caller by, String sourceIp, UUID tenantOrNull, AuditQuery query, String action) {
        Map<String, Object> details = new HashMap<>();
        details.put("tenant", tenantOrNull == null ? "all" : tenantOrNull.toString());
        if (query.actor() != null) {
            // Never a member's name in the trail, which cannot forget it: their pseudonyms instead.
            details.put("actor", log.withoutNames(tenantOrNull, query.actor()));
        }
        if (query.action() != null) {
            details.put("action", query.action());
        }
        // One tenant's look goes on its chain; all tenants', or an erased one's (decision 76), on the platform's.
        boolean ownChain = tenantOrNull != null && log.organizationExists(tenantOrNull);
        audit.recordSeparately(ownChain ? tenantOrNull : AuditEvent.PLATFORM_CHAIN,
                new Act(by.actor(), by.kind().name().toLowerCase(), action,
                        tenantOrNull == null ? "audit:all" : "audit:" + tenantOrNull, sourceIp, Act.Outcome.SUCCESS, details));
        return log.findAcrossTenants(tenantOrNull, query);
    }
}
