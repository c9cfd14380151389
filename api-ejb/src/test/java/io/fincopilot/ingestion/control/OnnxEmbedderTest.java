package io.fincopilot.ingestion.control;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class OnnxEmbedderTest {

    private static Embedder bge;

    @BeforeAll
    static void load() {
        bge = Embedders.named("bge-small-en-v1.5", Path.of("target", "djl"));
    }

    private static double dot(float[] a, float[] b) {
        double sum = 0;
        for (int i = 0; i < a.length; i++) {
            sum += a[i] * b[i];
        }
        return sum;
    }

    @Test
    void bgeIsTheDefaultWith384NormalizedDimensions() {
        assertEquals("bge-small-en-v1.5-q", bge.modelName());
        assertEquals(Embedders.DEFAULT, bge.modelName());
        float[] vector = bge.embedDocuments(List.of("Revenue grew 10.8% in fiscal 2025.")).get(0);
        assertEquals(384, vector.length);
        assertEquals(1.0, dot(vector, vector), 1e-3);
    }

    @Test
    void aQuestionIsClosestToThePassageThatAnswersIt() {
        List<float[]> passages = bge.embedDocuments(List.of(
                "Capital expenditures were $212.4 million in fiscal 2025, mainly for new cross-dock terminals.",
                "The annual meeting of shareholders will be held virtually on May 14.",
                "Heavy rain in the northeast delayed several construction projects."));
        float[] question = bge.embedQuery("How much did the company spend on capex last year?");
        assertTrue(dot(question, passages.get(0)) > dot(question, passages.get(1)));
        assertTrue(dot(question, passages.get(0)) > dot(question, passages.get(2)));
    }

    @Test
    void queriesCarryTheInstructionAndPassagesDoNot() {
        String text = "net income in 2025";
        float[] asPassage = bge.embedDocuments(List.of(text)).get(0);
        float[] asQuery = bge.embedQuery(text);
        assertTrue(dot(asPassage, asQuery) < 0.999, "the prefix changes the vector");
    }

    @Test
    void batchesGiveTheSameVectorsInTheSameOrderAndBlankTextsAreSkipped() {
        List<String> texts = new ArrayList<>();
        for (int i = 0; i < OnnxEmbedder.BATCH + 5; i++) {
            texts.add(i == 3 ? "  " : "Segment " + i + " revenue rose.");
        }
        List<float[]> vectors = bge.embedDocuments(texts);
        assertEquals(texts.size(), vectors.size());
        assertEquals(0, vectors.get(3).length);
        assertArrayEquals(bge.embedDocuments(List.of(texts.get(OnnxEmbedder.BATCH + 2))).get(0), vectors.get(OnnxEmbedder.BATCH + 2), 1e-5f);
        assertThrows(IllegalArgumentException.class, () -> bge.embedQuery(" "));
    }

    @Test
    void allMiniLmIsSelectableByName() {
        Embedder minilm = Embedders.named("all-MiniLM-L6-v2");
        assertEquals("all-minilm-l6-v2-q", minilm.modelName());
        assertEquals(384, minilm.embedQuery("cash flow").length);
    }
}
