package io.fincopilot.privacy.control;

import io.fincopilot.answers.control.AnswerCache;
import io.fincopilot.retrieval.control.RetrievalIndexes;
import io.fincopilot.retrieval.control.SearchScope;
import io.fincopilot.tenancy.control.TenantMemory;
import io.fincopilot.tenancy.entity.Organization;
import io.fincopilot.tenancy.entity.TenantId;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.PersistenceUnit;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import javax.sql.DataSource;

/**
 * What this instance keeps in memory per organization: the built-in vector index, the document
 * listings searches are scoped by, and the answer cache. An organization that no longer exists (it was
 * erased, on this instance or another) is dropped from all of them at the next sweep (decision 76).
 */
@ApplicationScoped
public class TenantMemories {

    @Resource(lookup = "jdbc/fincopilot")
    DataSource dataSource;

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
    public Set<TenantId> sweep() throws SQLException {
        Set<TenantId> held = new HashSet<>();
        all().forEach(m -> held.addAll(m.held()));
        Set<TenantId> gone = new HashSet<>(held);
        try (Connection db = dataSource.getConnection()) {
            if (!held.isEmpty()) {
                try (PreparedStatement existing = db.prepareStatement("select id from organizations where id = any(?)")) {
                    existing.setArray(1, db.createArrayOf("uuid", held.stream().map(TenantId::value).toArray(UUID[]::new)));
                    try (ResultSet rs = existing.executeQuery()) {
                        while (rs.next()) {
                            gone.remove(new TenantId(rs.getObject(1, UUID.class)));
                        }
                    }
                }
            }
            // The entity cache cannot be listed: the organizations erased this week leave it by id.
            try (PreparedStatement erased = db.prepareStatement("select tenant_id from erasures where kind = 'ORGANIZATION' "
                    + "and finished_at > now() - interval '7 days'"); ResultSet rs = erased.executeQuery()) {
                while (rs.next()) {
                    entities.getCache().evict(Organization.class, rs.getObject(1, UUID.class));
                }
            }
        }
        gone.forEach(this::forget);
        return gone.stream().collect(Collectors.toUnmodifiableSet());
    }
}
