package io.fincopilot.answers.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fincopilot.answers.entity.Answer;
import io.fincopilot.retrieval.entity.Passage;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class ExtractiveProviderTest {

    private static final UUID DOC = UUID.randomUUID();
    private final ExtractiveProvider provider = new ExtractiveProvider();

    private static Passage table(int page, String header, String rows) {
        return new Passage(UUID.randomUUID(), DOC, "Acme 10-K 2022", 1, page, "Consolidated Statements of Cash Flows", header, rows,
                "CASH_FLOW", 0.02);
    }

    private static Passage prose(int page, String text) {
        return new Passage(UUID.randomUUID(), DOC, "Acme 10-K 2022", 1, page, "Risk Factors", null, text, "OTHER", 0.01);
    }

    @Test
    void aFigureOfANamedYearLeadsWithItsRowAndHeaderCited() {
        Answer answer = provider.answer("What was Acme's FY2021 capital expenditure, from the cash flow statement?", List.of(
                table(48, "(in millions) 2022 2021 2020", "Net cash provided by operating activities 7,454 7,369 6,445\n"
                        + "Purchases of property, plant and equipment (capital expenditures) (1,749) (1,603) (1,577)\n"
                        + "Dividends paid (3,316) (3,420) (3,388)"),
                prose(12, "Capital expenditures are expected to rise next year as we build two plants.")));
        assertFalse(answer.abstained(), answer.text());
        assertTrue(answer.text().startsWith("Purchases of property, plant and equipment (capital expenditures), 2021: (1,603) (in millions) [1]"),
                answer.text());
        assertEquals(48, answer.citations().get(0).page());
        assertTrue(answer.citations().get(0).quote().startsWith("(in millions) 2022 2021 2020 | Purchases"), "the row travels with its header");
        assertEquals("extractive", answer.provider());
        assertEquals(0, answer.tokensIn() + answer.tokensOut());
    }

    @Test
    void aSentenceAnswersAQuestionInWords() {
        Answer answer = provider.answer("What could a cyberattack on dispatch systems do?", List.of(
                prose(14, "Our results depend on fuel prices. A cyberattack on our dispatch systems could interrupt shipments "
                        + "and harm our reputation. We carry insurance.")));
        assertFalse(answer.abstained());
        assertTrue(answer.text().contains("interrupt shipments"), answer.text());
        assertFalse(answer.text().contains("fuel prices"), "only the sentence that answers: " + answer.text());
    }

    @Test
    void weakEvidenceIsAnAbstentionNotAGuess() {
        Answer answer = provider.answer("What was Acme's goodwill impairment in fiscal 2019?", List.of(
                table(48, "(in millions) 2022 2021", "Dividends paid (3,316) (3,420)"),
                prose(12, "We thank our employees.")));
        assertTrue(answer.abstained(), answer.text());
        assertTrue(answer.citations().isEmpty());
        assertEquals(ExtractiveProvider.ABSTENTION, answer.text());
        assertTrue(provider.answer("What was revenue?", List.of()).abstained(), "nothing found, nothing answered");
    }

    @Test
    void aFigureQuestionNeedsAFigure() {
        Answer answer = provider.answer("How much was capital expenditure?", List.of(
                prose(3, "Capital expenditure discipline remains a priority for management.")));
        assertTrue(answer.abstained(), answer.text());
    }
}
