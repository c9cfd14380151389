package io.fincopilot.audit.control;

import static io.fincopilot.persistence.NativeValues.uuid;

import io.fincopilot.audit.entity.AuditEvent;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonNumber;
import jakarta.persistence.EntityManager;
import java.io.StringReader;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

/**
 * The organizations' chains that an erasure took, as the platform's own chain records them (decision
 * 76): each {@value #ACTION} event names the organization and the last event of its chain when its rows
 * went. A chain may vanish only this way; the digests stop carrying it and verification calls it erased.
 */
public final class ErasedChains {

    public static final String ACTION = "organization.erased";
    public static final String TARGET_PREFIX = "organization:";
    public static final String CHAIN_SEQUENCE = "chainSequence";

    private ErasedChains() {
    }

    /** For each erased organization, the last sequence its chain had. */
    public static Map<UUID, Long> read(EntityManager em) {
        Map<UUID, Long> erased = new HashMap<>();
        for (Object row : em.createNativeQuery("select target, details from audit_events where tenant_id = ?1 and action = ?2")
                .setParameter(1, AuditEvent.PLATFORM_CHAIN).setParameter(2, ACTION).getResultList()) {
            Object[] c = (Object[]) row;
            String target = (String) c[0];
            JsonObject details;
            try (var reader = Json.createReader(new StringReader((String) c[1]))) {
                details = reader.readObject();
            }
            if (target != null && target.startsWith(TARGET_PREFIX) && details.get(CHAIN_SEQUENCE) instanceof JsonNumber n) {
                erased.merge(uuid(target.substring(TARGET_PREFIX.length())), n.longValue(), Math::max);
            }
        }
        return erased;
    }
}
