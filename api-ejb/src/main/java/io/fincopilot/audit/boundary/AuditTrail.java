package io.fincopilot.audit.boundary;

import io.fincopilot.audit.control.AuditSettings;
import io.fincopilot.audit.entity.Act;
import io.fincopilot.audit.entity.AuditEvent;
import io.fincopilot.persistence.NativeValues;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.Instant;
import java.util.UUID;

/**
 * Appends audit events to their tenant's chain, each link sealed with the active audit key. {@link #record} joins the caller's transaction,
 * so the event exists exactly when the act does; {@link #recordSeparately} is for refusals, whose
 * own transaction is rolled back. Appends to one chain are serialized by locking its head row.
 */
@Stateless
// Every service appends the acts it performs, and refusals are appended before anyone is logged in.
@PermitAll
public class AuditTrail {

    @PersistenceContext(unitName = "fincopilot")
    EntityManager em;

    @Inject
    AuditSettings settings;

    @TransactionAttribute(TransactionAttributeType.MANDATORY)
    public AuditEvent record(UUID tenant, Act act) {
        return append(tenant, act);
    }

    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public AuditEvent recordSeparately(UUID tenant, Act act) {
        return append(tenant, act);
    }

    private AuditEvent append(UUID tenant, Act act) {
        em.createNativeQuery("insert into audit_heads (tenant_id, last_sequence, last_hash) values (?1, 0, ?2) "
                + "on conflict (tenant_id) do nothing")
                .setParameter(1, tenant).setParameter(2, AuditEvent.GENESIS).executeUpdate();
        Object[] head = (Object[]) em.createNativeQuery(
                "select last_sequence, last_hash from audit_heads where tenant_id = ?1 for update")
                .setParameter(1, tenant).getSingleResult();
        long sequence = ((Number) head[0]).longValue() + 1;
        AuditEvent event = AuditEvent.next(settings.keys(), tenant, sequence, ((String) head[1]).trim(), Instant.now(Clock.systemUTC()),
                act.actor(), act.actorType(), act.action(), act.target(), act.sourceIp(), act.outcome().name(),
                act.details());
        em.createNativeQuery("insert into audit_events (tenant_id, sequence, occurred_at, actor, actor_type, action, "
                + "target, source_ip, outcome, details, key_id, prev_hash, hash) "
                + "values (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13)")
                .setParameter(1, tenant)
                .setParameter(2, sequence)
                .setParameter(3, NativeValues.timestamptz(event.occurredAt()))
                .setParameter(4, event.actor())
                .setParameter(5, event.actorType())
                .setParameter(6, event.action())
                .setParameter(7, event.target())
                .setParameter(8, event.sourceIp())
                .setParameter(9, event.outcome())
                .setParameter(10, event.details())
                .setParameter(11, event.keyId())
                .setParameter(12, event.prevHash())
                .setParameter(13, event.hash())
                .executeUpdate();
        em.createNativeQuery("update audit_heads set last_sequence = ?1, last_hash = ?2 where tenant_id = ?3")
                .setParameter(1, sequence).setParameter(2, event.hash()).setParameter(3, tenant).executeUpdate();
        return event;
    }
}
