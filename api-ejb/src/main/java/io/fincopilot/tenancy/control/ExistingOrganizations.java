package io.fincopilot.tenancy.control;

import io.fincopilot.persistence.NativeValues;
import jakarta.persistence.EntityManager;
import java.util.Collection;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Which of some organizations still exist, read in one statement: an erased one's id outlives it in
 * invoices, audit look-ups and memory (decision 76), and those ask before acting on it.
 */
public final class ExistingOrganizations {

    private ExistingOrganizations() {
    }

    public static Set<UUID> among(EntityManager em, Collection<UUID> ids) {
        Set<UUID> existing = new HashSet<>();
        if (!ids.isEmpty()) {
            String array = ids.stream().map(UUID::toString).collect(Collectors.joining(",", "{", "}"));
            em.createNativeQuery("select id from organizations where id = any(cast(?1 as uuid[]))").setParameter(1, array)
                    .getResultList().forEach(id -> existing.add(NativeValues.uuid(id)));
        }
        return existing;
    }
}
