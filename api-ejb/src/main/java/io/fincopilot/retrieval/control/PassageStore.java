package io.fincopilot.retrieval.control;

import static io.fincopilot.persistence.NativeValues.uuid;

import io.fincopilot.retrieval.entity.Passage;
import io.fincopilot.retrieval.entity.ScoredChunk;
import io.fincopilot.tenancy.entity.TenantId;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;

/** Reads what ranked chunks say and where they sit, in the tenant's partition, in the ranking's order. */
@ApplicationScoped
public class PassageStore {

    @Resource(lookup = "jdbc/fincopilot")
    DataSource dataSource;

    public List<Passage> load(TenantId tenant, List<ScoredChunk> ranked) {
        if (ranked.isEmpty()) {
            return List.of();
        }
        Map<UUID, Passage> byId = new HashMap<>();
        try (Connection db = dataSource.getConnection();
                PreparedStatement read = db.prepareStatement("select c.id, c.document_id, d.title, c.version, c.page, c.heading, "
                        + "c.table_header, c.text, c.page_kind from chunks c join documents d on d.tenant_id = c.tenant_id "
                        + "and d.id = c.document_id where c.tenant_id = ? and c.id = any (?)")) {
            read.setObject(1, tenant.value());
            read.setArray(2, db.createArrayOf("uuid", ranked.stream().map(ScoredChunk::chunk).toArray()));
            try (ResultSet rs = read.executeQuery()) {
                while (rs.next()) {
                    UUID id = uuid(rs.getObject(1));
                    byId.put(id, new Passage(id, uuid(rs.getObject(2)), rs.getString(3), rs.getInt(4), rs.getInt(5),
                            rs.getString(6), rs.getString(7), rs.getString(8), rs.getString(9), 0));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("the passages could not be read", e);
        }
        List<Passage> passages = new ArrayList<>(ranked.size());
        for (ScoredChunk c : ranked) {
            Passage p = byId.get(c.chunk());
            if (p != null) {
                passages.add(p.withScore(c.score()));
            }
        }
        return passages;
    }
}
