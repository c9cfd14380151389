package io.fincopilot.retrieval.control;

import io.fincopilot.retrieval.entity.ScoredChunk;
import io.fincopilot.tenancy.entity.TenantId;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.sql.DataSource;

/**
 * PostgreSQL full-text ranking over the chunks of the tenant's ready versions (the GIN-indexed
 * {@code tsv}, English stemming). Any of the question's words may match ({@code |}), ranked by
 * cover density: a question's every word rarely sits in one chunk, and requiring all of them
 * finds nothing. The words that name a statement or a line item are kept, not stripped as
 * instructions: they are what point at the evidence page.
 */
public class FullTextIndex {

    private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}]+(?:[.'][\\p{L}\\p{N}]+)*");
    private static final int MAX_TERMS = 40;

    private final DataSource dataSource;

    public FullTextIndex(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    public List<ScoredChunk> search(TenantId tenant, String question, Set<UUID> documents, int k) {
        String terms = orQuery(question);
        if (terms.isEmpty()) {
            return List.of();
        }
        try (Connection db = dataSource.getConnection();
                PreparedStatement search = db.prepareStatement("select c.id, c.document_id, ts_rank_cd(c.tsv, q) as rank "
                        + "from chunks c join documents d on d.tenant_id = c.tenant_id and d.id = c.document_id "
                        + "and d.ready_version = c.version, to_tsquery('english', ?) q "
                        + "where c.tenant_id = ? and c.tsv @@ q "
                        + (documents == null ? "" : "and c.document_id = any (?) ")
                        + "order by rank desc, c.id limit ?")) {
            int i = 1;
            search.setString(i++, terms);
            search.setObject(i++, tenant.value());
            if (documents != null) {
                search.setArray(i++, db.createArrayOf("uuid", documents.toArray()));
            }
            search.setInt(i, k);
            List<ScoredChunk> found = new ArrayList<>();
            try (ResultSet rs = search.executeQuery()) {
                while (rs.next()) {
                    found.add(new ScoredChunk(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), rs.getDouble(3)));
                }
            }
            return found;
        } catch (SQLException e) {
            throw new IllegalStateException("the full-text search failed", e);
        }
    }

    /**
     * The question's words joined by {@code |}, each quoted for {@code to_tsquery} (so no word can
     * be read as an operator); stop words are dropped by PostgreSQL's English configuration.
     */
    static String orQuery(String question) {
        Set<String> words = new LinkedHashSet<>();
        Matcher m = WORD.matcher(question == null ? "" : question);
        while (m.find() && words.size() < MAX_TERMS) {
            words.add(m.group().toLowerCase(Locale.ROOT).replace("'", ""));
        }
        StringBuilder query = new StringBuilder();
        for (String word : words) {
            query.append(query.length() == 0 ? "" : " | ").append('\'').append(word).append('\'');
        }
        return query.toString();
    }
}
