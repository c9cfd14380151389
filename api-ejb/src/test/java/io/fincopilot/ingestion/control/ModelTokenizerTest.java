package io.fincopilot.ingestion.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class ModelTokenizerTest {

    private static ModelTokenizer bge;

    @BeforeAll
    static void load() {
        NativeCache.use(Path.of("target", "djl"));
        bge = ModelTokenizer.of(OnnxModel.BGE_SMALL_EN_V15_Q);
    }

    @AfterAll
    static void close() {
        bge.close();
    }

    @Test
    void countsSpecialTokensToo() {
        assertEquals(4, bge.count("hello world"));
    }

    @Test
    void neverTruncatesSoLongTextIsCountedWhole() {
        assertEquals(1002, bge.count("revenue ".repeat(1000)));
    }

    @Test
    void blankTextIsRefusedBeforeTheNativeTokenizerSeesIt() {
        assertThrows(IllegalArgumentException.class, () -> bge.count(" \n\t"));
    }

    @Test
    void modelsAreFoundByTheirUsualNames() {
        assertEquals(OnnxModel.BGE_SMALL_EN_V15_Q, OnnxModel.named("bge-small-en-v1.5"));
        assertEquals(OnnxModel.ALL_MINILM_L6_V2_Q, OnnxModel.named("all-MiniLM-L6-v2"));
        assertEquals(OnnxModel.ALL_MINILM_L6_V2_Q, OnnxModel.named("ALL_MINILM_L6_V2_Q"));
        assertThrows(IllegalArgumentException.class, () -> OnnxModel.named("text-embedding-3-small"));
    }

    @Test
    void allMiniLmHasItsOwnVocabularyFile() {
        try (ModelTokenizer minilm = ModelTokenizer.of(OnnxModel.ALL_MINILM_L6_V2_Q)) {
            assertEquals(4, minilm.count("hello world"));
        }
    }
}
