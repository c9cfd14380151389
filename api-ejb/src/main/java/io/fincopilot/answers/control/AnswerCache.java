package io.fincopilot.answers.control;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.fincopilot.answers.entity.Answer;
import io.fincopilot.retrieval.control.DocumentFingerprint;
import io.fincopilot.retrieval.entity.SearchQuery;
import io.fincopilot.retrieval.entity.SearchResult;
import io.fincopilot.tenancy.entity.TenantId;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;

/**
 * Answers already given (decision 60), per instance and keyed by organization: the same question
 * (spacing aside) with the same filters and the same provider over unchanged documents is answered
 * again from here. "Unchanged" is read from PostgreSQL before every question: the organization's
 * {@link DocumentFingerprint} (an upload, a version becoming ready, a profile edit, a deletion each
 * change it, whatever the clocks or the order of commits). A change made through any instance therefore invalidates every instance's entries at
 * that instance's next question, with no message between instances. Only what a response shows is
 * kept (the answer, the documents searched, the scope; never the passages). Fallback answers are
 * not kept.
 */
@ApplicationScoped
public class AnswerCache implements io.fincopilot.tenancy.control.TenantMemory {

    public record Key(TenantId tenant, String question, List<UUID> documents, List<String> tags, String provider) {
    }

    public record Hit(Answer answer, SearchResult found) {
    }

    private record Entry(String documentsState, Answer answer, SearchResult found) {
    }

    private final Cache<Key, Entry> entries = Caffeine.newBuilder().maximumSize(2_000).expireAfterWrite(Duration.ofHours(1))
            .build();

    @Resource(lookup = "jdbc/fincopilot")
    DataSource dataSource;

    @Override
    public java.util.Set<TenantId> held() {
        return entries.asMap().keySet().stream().map(Key::tenant).collect(java.util.stream.Collectors.toUnmodifiableSet());
    }

    @Override
    public void forget(TenantId tenant) {
        entries.asMap().keySet().removeIf(k -> k.tenant().equals(tenant));
    }

    public static Key key(TenantId tenant, SearchQuery query, String provider) {
        String question = query.question().strip().replaceAll("\\s+", " ");
        return new Key(tenant, question, query.documents().stream().distinct().sorted().toList(),
                query.tags().stream().distinct().sorted().toList(), provider);
    }

    /** The state of the organization's documents now: read before retrieval, stored with its answer. */
    public String documentsState(TenantId tenant) {
        try (Connection db = dataSource.getConnection()) {
            return DocumentFingerprint.of(db, tenant);
        } catch (SQLException e) {
            throw new IllegalStateException("the organization's documents could not be read", e);
        }
    }

    public java.util.Optional<Hit> find(Key key, String documentsState) {
        Entry entry = entries.getIfPresent(key);
        if (entry == null) {
            return java.util.Optional.empty();
        }
        if (!entry.documentsState().equals(documentsState)) {
            entries.invalidate(key);
            return java.util.Optional.empty();
        }
        return java.util.Optional.of(new Hit(entry.answer(), entry.found()));
    }

    public void keep(Key key, String documentsState, Answer answer, SearchResult found) {
        entries.put(key, new Entry(documentsState, answer, new SearchResult(List.of(), found.searched(), found.scope(),
                found.unmatched())));
    }
}
