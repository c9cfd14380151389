package io.fincopilot.privacy.control;

import io.fincopilot.answers.control.AnswerCache;
import io.fincopilot.persistence.NativeValues;
import io.fincopilot.retrieval.control.RetrievalIndexes;
import io.fincopilot.retrieval.control.SearchScope;
import io.fincopilot.tenancy.control.ExistingOrganizations;
import io.fincopilot.tenancy.control.TenantMemory;
import io.fincopilot.tenancy.entity.Organization;
import io.fincopilot.tenancy.entity.TenantId;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.PersistenceUnit;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * What this instance keeps in memory per organization: the built-in vector index, the document
 * listings searches are scoped by, and the answer cache. An organization that no longer exists (it was
 * erased, on this instance or another) is dropped from all of them at the next sweep (decision 76).
 */
@ApplicationScoped
public class TenantMemories {

    @PersistenceContext(unitName = "fincopilot")
    EntityManager em;

    @Inject
    RetrievalIndexes indexes;

    @Inject
    SearchScope listings;

    @Inject
    AnswerCache answers;

    @PersistenceUnit(unitName = "fincopilot")
    EntityManagerFactory entities;

    private List<TenantMemory> all() {
        return List.of(indexes.vectors(), listings, answers);
    }

    public boolean holds(TenantId tenant) {
        return all().stream().anyMatch(m -> m.held().contains(tenant));
    }

    public void forget(TenantId tenant) {
        all().forEach(m -> m.forget(tenant));
        entities.getCache().evict(Organization.class, tenant.value());
    }

    /** Drops every organization held that no longer exists; answers which. */
    @Transactional(TxType.REQUIRES_NEW) // the scheduled sweep runs outside any; its queries need one
    public Set<TenantId> sweep() {
        Set<TenantId> held = new HashSet<>();
        all().forEach(m -> held.addAll(m.held()));
        Set<UUID> existing = ExistingOrganizations.among(em, held.stream().map(TenantId::value).toList());
        Set<TenantId> gone = held.stream().filter(t -> !existing.contains(t.value())).collect(Collectors.toUnmodifiableSet());
        // The entity cache cannot be listed: the organizations erased this week leave it by id.
        for (Object tenant : em.createNativeQuery("select tenant_id from erasures where kind = 'ORGANIZATION' "
                + "and finished_at > now() - interval '7 days'").getResultList()) {
            entities.getCache().evict(Organization.class, NativeValues.uuid(tenant));
        }
        gone.forEach(this::forget);
        return gone;
    }
}
