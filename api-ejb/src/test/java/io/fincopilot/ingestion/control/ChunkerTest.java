package io.fincopilot.ingestion.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fincopilot.ingestion.entity.Block;
import io.fincopilot.ingestion.entity.Chunk;
import io.fincopilot.ingestion.entity.DocumentType;
import io.fincopilot.ingestion.entity.ExtractedDocument;
import io.fincopilot.ingestion.entity.Heading;
import io.fincopilot.ingestion.entity.Page;
import io.fincopilot.ingestion.entity.Paragraph;
import io.fincopilot.ingestion.entity.TableRow;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class ChunkerTest {

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

    private static ExtractedDocument document(Page... pages) {
        return new ExtractedDocument(DocumentType.PDF, List.of(pages), List.of());
    }

    @Test
    void chunksKeepTheirPageTheirHeadingAcrossPagesAndTheirTableHeader() {
        List<Chunk> chunks = new Chunker(bge).chunk(document(
                new Page(1, List.of(new Heading(1, "Results of Operations"), new Paragraph("Revenue rose 10.8%."),
                        new TableRow("Fiscal 2025 Fiscal 2024", "Revenue 1,204,611 1,087,302"),
                        new TableRow("Fiscal 2025 Fiscal 2024", "Net income 98,420 84,113"))),
                new Page(2, List.of(new Paragraph("Costs fell."), new Paragraph("  "), new Heading(2, "Liquidity"), new Paragraph("Cash rose.")))));
        assertEquals(4, chunks.size());
        assertEquals(new Chunk(1, "Results of Operations", null, "Revenue rose 10.8%.", "Results of Operations\nRevenue rose 10.8%.",
                bge.count("Results of Operations\nRevenue rose 10.8%.")), chunks.get(0));
        Chunk table = chunks.get(1);
        assertEquals("Fiscal 2025 Fiscal 2024", table.tableHeader());
        assertEquals("Revenue 1,204,611 1,087,302\nNet income 98,420 84,113", table.text());
        assertEquals("Results of Operations\nFiscal 2025 Fiscal 2024\n" + table.text(), table.embeddedText());
        assertEquals(new Chunk(2, "Results of Operations", null, "Costs fell.", "Results of Operations\nCosts fell.",
                bge.count("Results of Operations\nCosts fell.")), chunks.get(2));
        assertEquals("Liquidity", chunks.get(3).heading());
    }

    @Test
    void everyChunkFitsTheBudgetByTheModelsOwnCount() {
        List<Block> blocks = new ArrayList<>();
        blocks.add(new Heading(1, "Risk Factors"));
        for (int i = 0; i < 40; i++) {
            blocks.add(new Paragraph("Our freight volumes depend on industrial production in region " + i
                    + ", and a downturn there could reduce revenue by a material amount in fiscal 2026."));
        }
        blocks.add(new Paragraph("A single sentence that never ends and keeps listing ports " + "Rotterdam Antwerp Hamburg ".repeat(300)));
        blocks.add(new Paragraph("x".repeat(5000)));
        for (int budget : new int[] {64, 200, 256, 512}) {
            List<Chunk> chunks = new Chunker(bge, budget).chunk(document(new Page(7, blocks)));
            assertTrue(chunks.size() > 3);
            for (Chunk chunk : chunks) {
                assertEquals(bge.count(chunk.embeddedText()), chunk.tokens());
                assertTrue(chunk.tokens() <= budget, chunk.tokens() + " > " + budget);
                assertEquals(7, chunk.page());
                assertTrue(chunk.embeddedText().startsWith("Risk Factors\n"));
            }
            String all = String.join(" ", chunks.stream().map(Chunk::text).toList());
            assertTrue(all.replaceAll("\\s", "").contains("x".repeat(5000)), "nothing is lost");
        }
    }

    @Test
    void blankTextMakesNoChunk() {
        assertEquals(List.of(), new Chunker(bge).chunk(document(new Page(1, List.of(new Paragraph(" "), new Heading(1, "Notes"))),
                new Page(2, List.of()))));
    }

    @Test
    void aChunkBeforeAnyHeadingHasNone() {
        Chunk chunk = new Chunker(bge).chunk(document(new Page(1, List.of(new Paragraph("Cover page."))))).get(0);
        assertNull(chunk.heading());
        assertEquals("Cover page.", chunk.embeddedText());
    }

    @Test
    void theBudgetMustFitTheModel() {
        assertEquals(256, new Chunker(bge).budget());
        assertThrows(IllegalArgumentException.class, () -> new Chunker(bge, 600));
        try (ModelTokenizer minilm = ModelTokenizer.of(OnnxModel.ALL_MINILM_L6_V2_Q)) {
            assertEquals(128, new Chunker(minilm).budget());
            assertThrows(IllegalArgumentException.class, () -> new Chunker(minilm, 200));
        }
    }
}
