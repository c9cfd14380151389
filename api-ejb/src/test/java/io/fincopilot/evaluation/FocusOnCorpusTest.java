package io.fincopilot.evaluation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fincopilot.evaluation.Question.Kind;
import io.fincopilot.retrieval.control.ProfileDetector;
import io.fincopilot.retrieval.control.QuestionFocusDetector;
import io.fincopilot.retrieval.entity.KnownDocument;
import io.fincopilot.retrieval.entity.QuestionFocus;
import io.fincopilot.retrieval.entity.QuestionFocus.Scope;
import io.fincopilot.retrieval.entity.StatementKind;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Question focus over the corpus, with profiles our detector read from the PDFs: every answerable
 * question keeps its target filing and only its company's, names the statement it names, and
 * questions about companies or periods the corpus lacks focus on nothing.
 */
class FocusOnCorpusTest {

    private static List<KnownDocument> documents;
    private static Map<UUID, String> companyOf;
    private final QuestionFocusDetector detector = new QuestionFocusDetector();

    @BeforeAll
    static void profiles() {
        ProfileDetector profiles = new ProfileDetector();
        documents = new ArrayList<>();
        for (Filing f : CorpusFixture.corpus().filings()) {
            documents.add(new KnownDocument(id(f.key()), profiles.detect(CorpusFixture.extracted(f).pages(), f.fileName(), f.key()), f.key(), f.fileName()));
        }
        companyOf = CorpusFixture.corpus().filings().stream().collect(Collectors.toMap(f -> id(f.key()), f -> f.company().key()));
    }

    @Test
    void answerableQuestionsKeepTheirTargetAndOnlyTheirCompany() {
        List<String> wrong = new ArrayList<>();
        for (Question q : CorpusFixture.corpus().questions()) {
            if (q.kind() == Kind.UNANSWERABLE) {
                continue;
            }
            QuestionFocus focus = detector.focus(q.text(), documents);
            boolean ok = focus.scope() == Scope.FOCUSED && focus.documentIds().contains(id(q.target()))
                    && focus.documentIds().stream().allMatch(d -> companyOf.get(d).equals(q.company())) && focus.companies().size() == 1
                    && focus.unknownCompanies().isEmpty() && focus.notes().isEmpty();
            if (!ok) {
                wrong.add(q.id() + " " + q.text() + " -> " + focus.scope() + " " + focus.companies() + " " + focus.fiscalYears() + " " + focus.documentIds().size()
                        + " docs " + focus.notes());
            }
        }
        assertEquals(List.of(), wrong);
    }

    @Test
    void namedStatementsAndLineItemsAreRead() {
        for (Question q : CorpusFixture.corpus().questions()) {
            QuestionFocus focus = detector.focus(q.text(), documents);
            if (q.kind() == Kind.STATEMENT_FIGURE) {
                StatementKind named = switch (EvidencePagesTest.named(q.text())) {
                    case BALANCE_SHEET -> StatementKind.BALANCE_SHEET;
                    case CASH_FLOW -> StatementKind.CASH_FLOW;
                    default -> StatementKind.INCOME;
                };
                assertEquals(named, focus.statement(), q.id() + " " + q.text());
            }
            if (q.kind() == Kind.FIGURE || q.kind() == Kind.STATEMENT_FIGURE || q.kind() == Kind.CHANGE) {
                assertTrue(!focus.lineItems().isEmpty(), q.id() + " " + q.text());
            }
        }
    }

    @Test
    void unknownCompaniesAndUncoveredPeriodsFocusOnNothing() {
        for (Question q : CorpusFixture.corpus().questions()) {
            if (q.kind() != Kind.UNANSWERABLE || q.expected().explanation().contains("does not report")) {
                continue;
            }
            QuestionFocus focus = detector.focus(q.text(), documents);
            assertEquals(Scope.NONE, focus.scope(), q.id() + " " + q.text() + " " + focus);
            assertTrue(!focus.notes().isEmpty(), q.id());
            if (q.company() == null) {
                assertTrue(focus.notes().stream().anyMatch(n -> n.startsWith("no document matches company")), q.id() + " " + focus.notes());
            }
        }
    }

    static UUID id(String key) {
        return UUID.nameUUIDFromBytes(key.getBytes(StandardCharsets.UTF_8));
    }
}
