package io.fincopilot.security;

import static io.fincopilot.persistence.NativeValues.timestamptz;

import jakarta.annotation.security.PermitAll;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.UUID;

/** When an API key was last used, written at most once a minute per key (decision 27). */
@Stateless
// Admission records it before the container knows the caller.
@PermitAll
public class KeyUse {

    @PersistenceContext(unitName = "fincopilot")
    EntityManager em;

    /** Sets the key's last use to now unless another request did within the minute. */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void used(UUID key, Instant now) {
        em.createNativeQuery("update api_keys set last_used_at = ?1 where id = ?2 "
                + "and (last_used_at is null or last_used_at < ?3)")
                .setParameter(1, timestamptz(now)).setParameter(2, key)
                .setParameter(3, timestamptz(now.minusSeconds(60)))
                .executeUpdate();
    }
}
