package io.fincopilot.retrieval.control;

import io.fincopilot.platform.problem.ProblemException;
import io.fincopilot.retrieval.entity.SearchQuery;
import io.fincopilot.retrieval.entity.SearchResult.Searched;
import io.fincopilot.tenancy.entity.TenantId;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import javax.sql.DataSource;

/**
 * Which of the organization's documents a search reads, and why: all that are ready, or those the
 * caller named (by id or tag). A named document that is not the organization's is not found, the
 * same answer as one that does not exist.
 */
@ApplicationScoped
public class SearchScope {

    /** The documents to search; {@code everything} when no filter narrowed them. */
    public record Scope(List<Searched> documents, boolean everything, String reason) {
        public Set<UUID> ids() {
            return documents.stream().map(Searched::id).collect(Collectors.toCollection(LinkedHashSet::new));
        }
    }

    @Resource(lookup = "jdbc/fincopilot")
    DataSource dataSource;

    public Scope of(TenantId tenant, SearchQuery query) {
        List<Searched> ready = new ArrayList<>();
        Set<UUID> named = new LinkedHashSet<>(query.documents());
        Set<UUID> seen = new LinkedHashSet<>();
        try (Connection db = dataSource.getConnection();
                PreparedStatement list = db.prepareStatement("select id, title, ready_version is not null, tags from documents "
                        + "where tenant_id = ? " + (named.isEmpty() ? "" : "and id = any (?) ") + "order by created_at, id")) {
            list.setObject(1, tenant.value());
            if (!named.isEmpty()) {
                list.setArray(2, db.createArrayOf("uuid", named.toArray()));
            }
            try (ResultSet rs = list.executeQuery()) {
                while (rs.next()) {
                    UUID id = rs.getObject(1, UUID.class);
                    seen.add(id);
                    if (rs.getBoolean(3) && hasTag(rs.getString(4), query.tags())) {
                        ready.add(new Searched(id, rs.getString(2)));
                    }
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("the organization's documents could not be listed", e);
        }
        named.removeAll(seen);
        if (!named.isEmpty()) {
            throw ProblemException.notFound("document " + named.iterator().next());
        }
        boolean everything = query.documents().isEmpty() && query.tags().isEmpty();
        String reason = everything ? "all " + ready.size() + " ready documents of the organization"
                : ready.size() + " ready documents named by the request"
                        + (query.tags().isEmpty() ? "" : " (tags " + String.join(", ", query.tags()) + ")");
        return new Scope(ready, everything, reason);
    }

    private static boolean hasTag(String tags, List<String> wanted) {
        return wanted.isEmpty() || wanted.stream().anyMatch(t -> tags.contains("," + t + ","));
    }
}
