package io.fincopilot.evaluation;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.fincopilot.retrieval.control.PageClassifier;
import io.fincopilot.retrieval.entity.PageKind;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The page classifier labels every page of every generated filing as the generator laid it out. */
class PagesOnCorpusTest {

    @Test
    void everyPageOfEveryFiling() {
        PageClassifier classifier = new PageClassifier();
        List<String> wrong = new ArrayList<>();
        int statements = 0;
        for (Filing f : CorpusFixture.corpus().filings()) {
            List<PageKind> kinds = classifier.classify(CorpusFixture.extracted(f).pages());
            for (int i = 0; i < kinds.size(); i++) {
                PageKind expected = expected(f.sections().get(i));
                if (expected != kinds.get(i)) {
                    wrong.add(f.key() + " page " + (i + 1) + " (" + f.sections().get(i) + "): " + kinds.get(i));
                }
                statements += switch (expected) {
                    case INCOME_STATEMENT, BALANCE_SHEET, CASH_FLOW, EQUITY -> 1;
                    default -> 0;
                };
            }
        }
        assertEquals(List.of(), wrong);
        assertEquals(36 * 4, statements);
    }

    static PageKind expected(Section section) {
        return switch (section) {
            case COVER -> PageKind.COVER;
            case CONTENTS -> PageKind.CONTENTS;
            case INCOME_STATEMENT -> PageKind.INCOME_STATEMENT;
            case BALANCE_SHEET -> PageKind.BALANCE_SHEET;
            case CASH_FLOW -> PageKind.CASH_FLOW;
            case EQUITY -> PageKind.EQUITY;
            case NOTES -> PageKind.NOTES;
            default -> PageKind.OTHER;
        };
    }
}
