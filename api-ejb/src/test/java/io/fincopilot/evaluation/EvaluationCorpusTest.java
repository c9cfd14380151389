package io.fincopilot.evaluation;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fincopilot.evaluation.Question.Kind;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EvaluationCorpusTest {

    private final EvaluationCorpus corpus = CorpusFixture.corpus();

    @Test
    void theSameSeedGivesTheSameBytesAndAnotherSeedOthers() throws Exception {
        EvaluationCorpus again = EvaluationCorpus.generate(42);
        assertEquals(digest(corpus), digest(again));
        assertEquals(QuestionsJson.write(corpus), QuestionsJson.write(again));
        EvaluationCorpus other = EvaluationCorpus.generate(7);
        assertFalse(digest(corpus).equals(digest(other)));
        assertFalse(corpus.questions().equals(other.questions()));
    }

    @Test
    void sixCompaniesThreeYearsBothForms() {
        List<Filing> filings = corpus.filings();
        assertEquals(6, filings.stream().map(f -> f.company().key()).distinct().count());
        assertEquals(Set.of(2021, 2022, 2023), filings.stream().map(Filing::fiscalYear).collect(Collectors.toSet()));
        assertEquals(18, filings.stream().filter(f -> f.form() == Filing.Form.TEN_K).count());
        assertEquals(18, filings.stream().filter(f -> f.form() == Filing.Form.TEN_Q).count());
        for (Filing f : filings) {
            int pages = f.pageCount();
            assertTrue(f.form() == Filing.Form.TEN_K ? pages >= 25 && pages <= 45 : pages >= 12 && pages <= 20, f.key() + ": " + pages + " pages");
            assertEquals(pages, CorpusFixture.extracted(f).pageCount());
        }
        int total = filings.stream().mapToInt(Filing::pageCount).sum();
        assertTrue(total >= 600 && total <= 900, total + " pages");
    }

    @Test
    void theCompaniesDifferTheWayRealFilersDo() {
        List<Company> all = Companies.ALL;
        assertEquals(all.size(), all.stream().map(Company::ticker).distinct().count());
        assertEquals(all.size(), all.stream().map(Company::name).distinct().count());
        assertTrue(all.stream().map(c -> c.name().split(" ")[0]).distinct().count() < all.size(), "some names sound alike");
        assertEquals(Set.of(12, 6, 9), all.stream().map(c -> c.calendar().endMonth()).collect(Collectors.toSet()));
        assertTrue(all.stream().anyMatch(c -> c.calendar().lastSaturday()));
        assertEquals(2, all.stream().map(Company::unit).distinct().count());
        assertTrue(all.stream().map(Company::incomeTitle).distinct().count() >= 3);
        assertTrue(all.stream().map(Company::balanceTitle).distinct().count() >= 2);
    }

    @Test
    void fileNamesSayCompanyYearAndForm() {
        assertTrue(corpus.filings().stream().anyMatch(f -> f.fileName().equals("HALVORSEN_FOODS_2022_10K.pdf")));
        for (Filing f : corpus.filings()) {
            String expected = f.company().key() + "_" + f.fiscalYear() + (f.form() == Filing.Form.TEN_K ? "_10K" : "Q" + f.quarter() + "_10Q") + ".pdf";
            assertEquals(expected, f.fileName());
        }
    }

    @Test
    void atLeast120QuestionsOfEveryKind() {
        List<Question> questions = corpus.questions();
        assertTrue(questions.size() >= 120, questions.size() + " questions");
        Map<Kind, Long> byKind = new EnumMap<>(questions.stream().collect(Collectors.groupingBy(Question::kind, Collectors.counting())));
        assertEquals(Set.of(Kind.values()), byKind.keySet());
        assertTrue(byKind.get(Kind.UNANSWERABLE) >= 15, byKind.toString());
        assertEquals(questions.size(), questions.stream().map(Question::id).distinct().count());
        assertEquals(questions.size(), questions.stream().map(Question::text).distinct().count(), "no question asked twice");
        Set<Boolean> answers = new HashSet<>();
        questions.stream().filter(q -> q.kind() == Kind.CHANGE).forEach(q -> answers.add(q.expected().yes()));
        assertEquals(Set.of(true, false), answers, "comparisons answered both ways");
        assertTrue(questions.stream().anyMatch(q -> q.text().contains(" HLVI") || q.text().contains("BWTR")), "some name the ticker");
        assertTrue(questions.stream().anyMatch(q -> q.target() != null && q.target().endsWith("_10Q")), "some ask about a quarter");
    }

    @Test
    void abstentionsNameWhatTheCorpusLacks() {
        for (String stranger : AbstainQuestions.STRANGERS) {
            assertTrue(Companies.ALL.stream().noneMatch(c -> c.name().startsWith(stranger) || c.shortName().equals(stranger)), stranger);
        }
        for (Question q : corpus.questions()) {
            if (q.kind() != Kind.UNANSWERABLE) {
                continue;
            }
            assertEquals(Expected.Outcome.ABSTAIN, q.expected().outcome());
            if (q.company() == null) {
                assertTrue(AbstainQuestions.STRANGERS.stream().anyMatch(q.text()::contains), q.text());
            }
        }
    }

    @Test
    void mainWritesThePdfsAndTheQuestions(@TempDir Path folder) throws IOException {
        EvaluationCorpus.main(new String[] {folder.toString(), "42"});
        for (Filing f : corpus.filings()) {
            assertArrayEquals(f.pdf(), Files.readAllBytes(folder.resolve(f.fileName())));
        }
        JsonObject json = Json.createReader(new StringReader(Files.readString(folder.resolve("questions.json")))).readObject();
        assertEquals(36, json.getJsonArray("documents").size());
        assertEquals(corpus.questions().size(), json.getJsonArray("questions").size());
        JsonObject first = json.getJsonArray("questions").getJsonObject(0);
        assertEquals("Q001", first.getString("id"));
        assertTrue(first.getJsonObject("expected").containsKey("outcome"));
        assertFalse(first.getJsonArray("evidence").isEmpty());
    }

    private static String digest(EvaluationCorpus corpus) throws Exception {
        MessageDigest sha = MessageDigest.getInstance("SHA-256");
        for (EvaluationCorpus.Document d : corpus.documents()) {
            sha.update(d.fileName().getBytes(java.nio.charset.StandardCharsets.UTF_8));
            sha.update(d.pdf());
        }
        return java.util.HexFormat.of().formatHex(sha.digest());
    }
}
