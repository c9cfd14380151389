package io.fincopilot.evaluation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fincopilot.evaluation.Question.EvidencePage;
import io.fincopilot.evaluation.Question.Kind;
import io.fincopilot.ingestion.entity.Block;
import io.fincopilot.ingestion.entity.Page;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The evidence pages are right, as our own PDF extractor reads them: each prints the expected
 * figure (or both values of a comparison, or the risk sentence), a named statement's evidence is
 * that statement, and no page that prints the figure under the same label was left out.
 */
class EvidencePagesTest {

    private static final Pattern LABEL = Pattern.compile("^(.*?[A-Za-z):])\\s+(?:\\$\\s?)?\\(?[\\d\u2014]");
    private final EvaluationCorpus corpus = CorpusFixture.corpus();

    @Test
    void everyFigureEvidencePagePrintsTheFigure() {
        int checked = 0;
        for (Question q : questions(Kind.STATEMENT_FIGURE, Kind.FIGURE, Kind.SEGMENT)) {
            assertFalse(q.evidence().isEmpty(), q.id() + " has no evidence");
            for (EvidencePage evidence : q.evidence()) {
                String text = page(evidence).text();
                boolean parts = !q.expected().parts().isEmpty() && q.expected().parts().stream().allMatch(p -> containsFigure(text, p));
                assertTrue(containsFigure(text, q.expected().printed()) || parts,
                        q.id() + " " + q.text() + ": " + q.expected().printed() + " is not on " + evidence + ":\n" + page(evidence).text());
                checked++;
            }
        }
        assertTrue(checked > 250, "pages checked: " + checked);
    }

    @Test
    void aNamedStatementsEvidenceIsThatStatementAndTheFirstPageIsInTheTarget() {
        for (Question q : questions(Kind.STATEMENT_FIGURE)) {
            Section named = named(q.text());
            for (EvidencePage evidence : q.evidence()) {
                assertEquals(named, section(evidence), q.id() + " " + q.text() + " cites " + evidence);
            }
            EvidencePage first = q.evidence().get(0);
            assertEquals(q.target(), first.document(), q.id());
            String title = title(CorpusFixture.filing(first.document()).company(), named).toLowerCase(Locale.US);
            assertTrue(page(first).text().toLowerCase(Locale.US).contains(title), q.id() + ": " + title + " not on " + first);
        }
    }

    @Test
    void everyAnswerableQuestionCitesItsTargetFirst() {
        for (Question q : corpus.questions()) {
            if (q.kind() == Kind.UNANSWERABLE) {
                assertTrue(q.evidence().isEmpty(), q.id());
            } else {
                assertEquals(q.target(), q.evidence().get(0).document(), q.id() + " " + q.evidence());
                assertEquals(q.evidence().size(), new HashSet<>(q.evidence()).size(), q.id() + " cites a page twice");
            }
        }
    }

    @Test
    void aComparisonsEvidencePagePrintsBothYears() {
        for (Question q : questions(Kind.CHANGE)) {
            Ledger ledger = corpus.ledger(q.company());
            Matcher years = Pattern.compile("(?:FY|fiscal )(\\d{4})").matcher(q.text());
            List<Integer> found = new ArrayList<>();
            while (years.find()) {
                found.add(Integer.parseInt(years.group(1)));
            }
            int earlier = Math.min(found.get(0), found.get(1));
            for (EvidencePage evidence : q.evidence()) {
                String text = page(evidence).text();
                boolean both = q.expected().values().stream().allMatch(v -> containsFigure(text, v));
                if (!both && q.expected().unit().equals("percent")) {
                    Item numerator = q.text().contains("gross margin") ? Item.GROSS_PROFIT : Item.OPERATING_INCOME;
                    both = List.of(earlier, earlier + 1).stream().allMatch(y -> containsFigure(text, Figures.amount(ledger.value(Item.REVENUE, Period.year(y))))
                            && containsFigure(text, Figures.amount(ledger.value(numerator, Period.year(y)))));
                }
                assertTrue(both, q.id() + " " + q.text() + " " + q.expected().values() + " not both on " + evidence + ":\n" + text);
            }
        }
    }

    @Test
    void riskEvidencePagesHoldTheSentence() {
        for (Question q : questions(Kind.RISK)) {
            assertTrue(q.evidence().size() >= 3, q.id() + ": every 10-K repeats the risk");
            for (EvidencePage evidence : q.evidence()) {
                assertTrue(page(evidence).text().replaceAll("\\s+", " ").contains(q.expected().fragment()), q.id() + " " + evidence);
            }
        }
    }

    /** Pages printing the same figure under the same row label as the first evidence page printing it must all be cited. */
    @Test
    void noPagePrintingTheFigureUnderItsLabelIsLeftOut() {
        for (Question q : questions(Kind.STATEMENT_FIGURE, Kind.FIGURE, Kind.SEGMENT)) {
            EvidencePage printing = q.evidence().stream().filter(e -> containsFigure(page(e).text(), q.expected().printed())).findFirst().orElseThrow();
            String label = label(page(printing), q.expected().printed());
            Set<EvidencePage> cited = new HashSet<>(q.evidence());
            for (Filing filing : corpus.filings()) {
                if (!filing.company().key().equals(q.company())) {
                    continue;
                }
                for (Page page : CorpusFixture.extracted(filing).pages()) {
                    EvidencePage here = new EvidencePage(filing.key(), page.number());
                    boolean prints = page.blocks().stream().anyMatch(b -> b.text().startsWith(label + " ") && containsFigure(b.text(), q.expected().printed()));
                    boolean counts = q.kind() != Kind.STATEMENT_FIGURE || section(here) == named(q.text());
                    assertFalse(prints && counts && !cited.contains(here), q.id() + " " + q.text() + ": " + here + " prints " + label + " "
                            + q.expected().printed() + " but is not cited");
                }
            }
        }
    }

    /**
     * Ingestion masks personal data before chunking, and the masker takes some runs of small table
     * figures for telephone numbers ("Net income 310 304 2.0%"); no evidence figure may be among them,
     * or the corpus would ask for what the index cannot hold.
     */
    @Test
    void maskingLeavesEveryEvidenceFigure() {
        java.util.Map<String, io.fincopilot.ingestion.entity.ExtractedDocument> masked = new java.util.HashMap<>();
        for (Question q : questions(Kind.STATEMENT_FIGURE, Kind.FIGURE, Kind.SEGMENT)) {
            for (EvidencePage evidence : q.evidence()) {
                String text = masked.computeIfAbsent(evidence.document(), k -> new io.fincopilot.ingestion.control.PiiMasker()
                        .mask(CorpusFixture.extracted(CorpusFixture.filing(k))).document()).pages().get(evidence.page() - 1).text();
                assertTrue(containsFigure(text, q.expected().printed()) || q.expected().parts().stream().allMatch(p -> containsFigure(text, p)),
                        q.id() + ": masking removed " + q.expected().printed() + " from " + evidence);
            }
        }
    }

    /** The figure as a whole number token: "1,234" is in "$ 1,234" and "(1,234)", not in "11,234" or "1,234.5". */
    static boolean containsFigure(String text, String printed) {
        String digits = printed.replaceAll("[()$\\s]", "");
        return Pattern.compile("(?<![\\d,.])" + Pattern.quote(digits) + "(?![\\d]|[,.]\\d)").matcher(text).find();
    }

    /** The row label of the block that prints the figure on {@code page}. */
    private static String label(Page page, String printed) {
        for (Block block : page.blocks()) {
            Matcher m = LABEL.matcher(block.text());
            if (containsFigure(block.text(), printed) && m.find()) {
                return m.group(1);
            }
        }
        throw new AssertionError("no labelled row prints " + printed + " on page " + page.number());
    }

    static Section named(String question) {
        String q = question.toLowerCase(Locale.US);
        return q.contains("balance sheet") || q.contains("financial position") ? Section.BALANCE_SHEET
                : q.contains("cash flow") ? Section.CASH_FLOW : Section.INCOME_STATEMENT;
    }

    private static String title(Company c, Section section) {
        return switch (section) {
            case BALANCE_SHEET -> c.balanceTitle();
            case CASH_FLOW -> c.cashFlowTitle();
            default -> c.incomeTitle();
        };
    }

    private List<Question> questions(Kind... kinds) {
        List<Kind> wanted = List.of(kinds);
        return corpus.questions().stream().filter(q -> wanted.contains(q.kind())).toList();
    }

    private static Page page(EvidencePage evidence) {
        return CorpusFixture.extracted(CorpusFixture.filing(evidence.document())).pages().get(evidence.page() - 1);
    }

    private static Section section(EvidencePage evidence) {
        return CorpusFixture.filing(evidence.document()).sections().get(evidence.page() - 1);
    }
}
