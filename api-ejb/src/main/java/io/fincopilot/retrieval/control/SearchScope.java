package io.fincopilot.retrieval.control;

import static io.fincopilot.persistence.NativeValues.uuid;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.fincopilot.platform.problem.ProblemException;
import io.fincopilot.retrieval.entity.DocumentProfile;
import io.fincopilot.retrieval.entity.FilingForm;
import io.fincopilot.retrieval.entity.KnownDocument;
import io.fincopilot.retrieval.entity.QuestionFocus;
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
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import javax.sql.DataSource;

/**
 * Which of the organization's documents a search reads, and why (decision 57): the ready documents
 * the caller named (by id or tag); else those the question points at by the company, fiscal
 * period or form it names ({@link QuestionFocusDetector} over the documents' profiles); else all.
 * A named document that is not the organization's is not found, the same answer as one that does
 * not exist.
 */
@ApplicationScoped
public class SearchScope implements io.fincopilot.tenancy.control.TenantMemory {

    /**
     * The documents to search (most likely first); {@code everything} when nothing narrowed them;
     * {@code focus} what the question named (when the caller chose the documents, only its
     * statement is used).
     */
    public record Scope(List<Searched> documents, boolean everything, String reason, QuestionFocus focus) {
        public Set<UUID> ids() {
            return documents.stream().map(Searched::id).collect(Collectors.toCollection(LinkedHashSet::new));
        }
    }

    private static final QuestionFocusDetector FOCUS = new QuestionFocusDetector();

    /** What the scope reads of a document, after its id (the fingerprint covers the same). */
    private static final String COLUMNS = "title, file_name, ready_version is not null, tags, company, ticker, form, "
            + "fiscal_year, fiscal_quarter, period_end";

    @Resource(lookup = "jdbc/fincopilot")
    DataSource dataSource;

    /** One of the organization's documents as the scope reads it. */
    private record Listed(UUID id, String title, String fileName, boolean ready, String tags, DocumentProfile profile) {
    }

    /** An organization's documents in their order, and the fingerprint they were listed at. */
    private record Listing(String fingerprint, List<Listed> documents) {
    }

    /** Bounded by documents held (a listing weighs its documents), not by organizations. */
    private final Cache<TenantId, Listing> listings = Caffeine.newBuilder().maximumWeight(500_000)
            .weigher((TenantId t, Listing l) -> l.documents().size() + 1).build();

    @Override
    public Set<TenantId> held() {
        return Set.copyOf(listings.asMap().keySet());
    }

    @Override
    public void forget(TenantId tenant) {
        listings.invalidate(tenant);
    }

    public Scope of(TenantId tenant, SearchQuery query) {
        Set<UUID> named = new LinkedHashSet<>(query.documents());
        Map<UUID, KnownDocument> ready = new LinkedHashMap<>();
        Set<UUID> seen = new LinkedHashSet<>();
        for (Listed document : listing(tenant).documents()) {
            if (!named.isEmpty() && !named.contains(document.id())) {
                continue;
            }
            seen.add(document.id());
            if (document.ready() && hasTag(document.tags(), query.tags())) {
                ready.put(document.id(), new KnownDocument(document.id(), document.profile(), document.title(),
                        document.fileName()));
            }
        }
        named.removeAll(seen);
        if (!named.isEmpty()) {
            throw ProblemException.notFound("document " + named.iterator().next());
        }
        QuestionFocus focus = FOCUS.focus(query.question(), List.copyOf(ready.values()));
        if (!query.documents().isEmpty() || !query.tags().isEmpty()) {
            // The caller chose the documents: the question still says which statement to prefer.
            return new Scope(searched(ready, ready.keySet()), false, ready.size() + " ready documents named by the request"
                    + (query.tags().isEmpty() ? "" : " (tags " + String.join(", ", query.tags()) + ")"), focus);
        }
        return switch (focus.scope()) {
            case ALL -> new Scope(searched(ready, ready.keySet()), true, "all " + ready.size()
                    + " ready documents of the organization", focus);
            case FOCUSED -> new Scope(searched(ready, focus.documentIds()), false, focused(focus), focus);
            case NONE -> focus.companyDocumentIds().isEmpty()
                    ? new Scope(searched(ready, ready.keySet()), true, String.join("; ", focus.notes())
                            + "; searched all " + ready.size() + " ready documents instead", focus)
                    : new Scope(searched(ready, focus.companyDocumentIds()), false, String.join("; ", focus.notes())
                            + "; searched the company's " + focus.companyDocumentIds().size() + " documents instead", focus);
        };
    }

    /**
     * The organization's documents, listed again only when their {@link DocumentFingerprint} changed.
     * Every search reads the fingerprint, so an upload, an edit or a
     * deletion on any instance applies at the next search; a large organization's 1,000-row listing
     * is not read each time.
     */
    private Listing listing(TenantId tenant) {
        try (Connection db = dataSource.getConnection()) {
            String fingerprint = DocumentFingerprint.of(db, tenant);
            Listing held = listings.getIfPresent(tenant);
            if (held != null && held.fingerprint().equals(fingerprint)) {
                return held;
            }
            List<Listed> documents = new ArrayList<>();
            try (PreparedStatement list = db.prepareStatement("select id, " + COLUMNS + " from documents where tenant_id = ? "
                    + "order by created_at, id")) {
                list.setObject(1, tenant.value());
                try (ResultSet rs = list.executeQuery()) {
                    while (rs.next()) {
                        documents.add(new Listed(uuid(rs.getObject(1)), rs.getString(2), rs.getString(3), rs.getBoolean(4),
                                rs.getString(5), profile(rs)));
                    }
                }
            }
            Listing fresh = new Listing(fingerprint, List.copyOf(documents));
            listings.put(tenant, fresh);
            return fresh;
        } catch (SQLException e) {
            throw new IllegalStateException("the organization's documents could not be listed", e);
        }
    }

    private static String focused(QuestionFocus focus) {
        List<String> named = new ArrayList<>();
        if (!focus.companies().isEmpty()) {
            named.add(String.join(", ", focus.companies()));
        }
        if (!focus.fiscalYears().isEmpty()) {
            named.add("fiscal " + focus.fiscalYears().stream().map(String::valueOf).collect(Collectors.joining(", ")));
        }
        if (!focus.fiscalQuarters().isEmpty()) {
            named.add("Q" + focus.fiscalQuarters().stream().map(String::valueOf).collect(Collectors.joining(", Q")));
        }
        if (!focus.forms().isEmpty()) {
            named.add(focus.forms().stream().map(FilingForm::label).sorted().collect(Collectors.joining(", ")));
        }
        return focus.documentIds().size() + " documents matching what the question names (" + String.join("; ", named) + ")";
    }

    private static List<Searched> searched(Map<UUID, KnownDocument> ready, java.util.Collection<UUID> ids) {
        return ids.stream().filter(ready::containsKey).map(id -> new Searched(id, ready.get(id).title())).toList();
    }

    private static DocumentProfile profile(ResultSet rs) throws SQLException {
        String form = rs.getString(8);
        java.sql.Date end = rs.getDate(11);
        return new DocumentProfile(rs.getString(6), rs.getString(7), form == null ? FilingForm.OTHER : FilingForm.valueOf(form),
                (Integer) rs.getObject(9), (Integer) rs.getObject(10), end == null ? null : end.toLocalDate());
    }

    private static boolean hasTag(String tags, List<String> wanted) {
        return wanted.isEmpty() || wanted.stream().anyMatch(t -> tags.contains("," + t + ","));
    }
}
