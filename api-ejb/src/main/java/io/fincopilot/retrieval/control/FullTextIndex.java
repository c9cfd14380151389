package io.fincopilot.retrieval.control;

import static io.fincopilot.persistence.NativeValues.uuid;

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
 * finds little. The words that name a statement or a line item are kept, not stripped as
 * instructions: they are what point at the evidence page.
 */
public class FullTextIndex {

    private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}]+(?:[.'][\\p{L}\\p{N}]+)*");
    private static final int MAX_TERMS = 40;
    static final int EXACT_MATCHES = 200;
    static final int TIMEOUT_SECONDS = 5;
    private static final String QUERY_CANCELED = "57014";
    private static final java.util.logging.Logger LOG = java.util.logging.Logger.getLogger(FullTextIndex.class.getName());

    private final DataSource dataSource;

    public FullTextIndex(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /**
     * Ranks by the question's words the dense candidates and the chunks that hold all of its words
     * (at most {@value #EXACT_MATCHES} of those, found through the GIN index): ranking every chunk
     * that holds any word of a question costs a detoasted vector per match, which on a large tenant
     * is most chunks (about 8 ms per thousand here). The two halves are {@link #exactMatches} and
     * {@link #rank}, which a search runs side by side with its dense half.
     */
    public List<ScoredChunk> search(TenantId tenant, String question, Set<UUID> documents, List<UUID> candidates, int k) {
        return merge(exactMatches(tenant, question, documents, k), rank(tenant, question, documents, candidates, k), k);
    }

    /**
     * The best {@code k} by rank of the chunks holding every word of the question (at most
     * {@value #EXACT_MATCHES} of them looked at): needs no dense candidate, so it can run while
     * the question is embedded.
     */
    public List<ScoredChunk> exactMatches(TenantId tenant, String question, Set<UUID> documents, int k) {
        List<String> words = words(question);
        if (words.isEmpty()) {
            return List.of();
        }
        String documentFilter = documents == null ? "" : "and c.document_id = any (?) ";
        return ranked(tenant, question, "select c.id, c.document_id, ts_rank_cd(c.tsv, to_tsquery('english', ?)) as rank "
                + "from (select c.tenant_id, c.id from chunks c where c.tenant_id = ? and c.tsv @@ to_tsquery('english', ?) "
                + documentFilter + "limit " + EXACT_MATCHES + ") f join chunks c on c.tenant_id = f.tenant_id and c.id = f.id "
                + "join documents d on d.tenant_id = c.tenant_id and d.id = c.document_id and d.ready_version = c.version "
                + "where c.tenant_id = ? order by rank desc, c.id limit ?", (db, search) -> {
                    int i = 1;
                    search.setString(i++, join(words, " | "));
                    search.setObject(i++, tenant.value());
                    search.setString(i++, join(words, " & "));
                    if (documents != null) {
                        search.setArray(i++, db.createArrayOf("uuid", documents.toArray()));
                    }
                    search.setObject(i++, tenant.value());
                    search.setInt(i, k);
                });
    }

    /** The best {@code k} by rank of the given chunks (the dense candidates) that hold any word of the question. */
    public List<ScoredChunk> rank(TenantId tenant, String question, Set<UUID> documents, List<UUID> candidates, int k) {
        List<String> words = words(question);
        if (words.isEmpty() || candidates.isEmpty()) {
            return List.of();
        }
        String documentFilter = documents == null ? "" : "and c.document_id = any (?) ";
        return ranked(tenant, question, "select c.id, c.document_id, ts_rank_cd(c.tsv, q) as rank from chunks c "
                + "join documents d on d.tenant_id = c.tenant_id and d.id = c.document_id and d.ready_version = c.version, "
                + "to_tsquery('english', ?) q where c.tenant_id = ? and c.id = any (?) and c.tsv @@ q " + documentFilter
                + "order by rank desc, c.id limit ?", (db, search) -> {
                    int i = 1;
                    search.setString(i++, join(words, " | "));
                    search.setObject(i++, tenant.value());
                    search.setArray(i++, db.createArrayOf("uuid", candidates.toArray()));
                    if (documents != null) {
                        search.setArray(i++, db.createArrayOf("uuid", documents.toArray()));
                    }
                    search.setInt(i, k);
                });
    }

    /**
     * The best {@code k} of two rankings by the same query, each chunk once: what one query over
     * both sets of chunks would give (ties in PostgreSQL's order of uuids, which is the order of
     * their text).
     */
    public static List<ScoredChunk> merge(List<ScoredChunk> a, List<ScoredChunk> b, int k) {
        java.util.Map<UUID, ScoredChunk> all = new java.util.LinkedHashMap<>();
        a.forEach(c -> all.putIfAbsent(c.chunk(), c));
        b.forEach(c -> all.putIfAbsent(c.chunk(), c));
        return all.values().stream().sorted(java.util.Comparator.comparingDouble(ScoredChunk::score).reversed()
                .thenComparing(c -> c.chunk().toString())).limit(k).toList();
    }

    /** Binds a statement's parameters. */
    private interface Binder {
        void bind(Connection db, PreparedStatement statement) throws SQLException;
    }

    private List<ScoredChunk> ranked(TenantId tenant, String question, String sql, Binder binder) {
        try (Connection db = dataSource.getConnection(); PreparedStatement search = db.prepareStatement(sql)) {
            binder.bind(db, search);
            search.setQueryTimeout(TIMEOUT_SECONDS);
            List<ScoredChunk> found = new ArrayList<>();
            try (ResultSet rs = search.executeQuery()) {
                while (rs.next()) {
                    found.add(new ScoredChunk(uuid(rs.getObject(1)), uuid(rs.getObject(2)), rs.getDouble(3)));
                }
            }
            return found;
        } catch (SQLException e) {
            if (QUERY_CANCELED.equals(e.getSQLState())) {
                // Full text only adds to dense retrieval: a slow one is left out rather than holding the answer.
                LOG.warning("full-text ranking took longer than " + TIMEOUT_SECONDS + " s and was left out: " + question.length()
                        + " characters, tenant " + tenant.value());
                return List.of();
            }
            throw new IllegalStateException("the full-text search failed", e);
        }
    }

    /**
     * The question's words joined by {@code |}, each quoted for {@code to_tsquery} (so no word can
     * be read as an operator); stop words are dropped by PostgreSQL's English configuration.
     */
    static String orQuery(String question) {
        return join(words(question), " | ");
    }

    /** The question's distinct words, lower case, each quoted for {@code to_tsquery}. */
    static List<String> words(String question) {
        Set<String> words = new LinkedHashSet<>();
        Matcher m = WORD.matcher(question == null ? "" : question);
        while (m.find() && words.size() < MAX_TERMS) {
            words.add("'" + m.group().toLowerCase(Locale.ROOT).replace("'", "") + "'");
        }
        return List.copyOf(words);
    }

    private static String join(List<String> words, String operator) {
        return String.join(operator, words);
    }
}
