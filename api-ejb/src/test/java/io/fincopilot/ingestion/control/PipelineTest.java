package io.fincopilot.ingestion.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fincopilot.ingestion.entity.Chunk;
import io.fincopilot.ingestion.entity.DocumentType;
import io.fincopilot.ingestion.entity.IngestionResult;
import io.fincopilot.ingestion.entity.PiiKind;
import io.fincopilot.ingestion.entity.StageTimings.Stage;
import io.fincopilot.ingestion.sample.AnnualReport;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class PipelineTest {

    private static Pipeline pipeline;
    private static AnnualReport report;
    private static IngestionResult result;

    @BeforeAll
    static void ingest() {
        pipeline = Pipeline.forModel(OnnxModel.BGE_SMALL_EN_V15_Q, Path.of("target", "djl"));
        report = AnnualReport.generate(42);
        result = pipeline.ingest(report.pdf(), "application/pdf", "harborline-2025.pdf", 500);
    }

    @AfterAll
    static void stop() throws Exception {
        pipeline.close();
    }

    @Test
    void theSampleReportGoesThroughEveryStage() {
        assertEquals(DocumentType.PDF, result.type());
        assertEquals(61, result.pageCount());
        assertEquals(Map.of(PiiKind.EMAIL, 2, PiiKind.PHONE, 2, PiiKind.SSN, 1), result.pii().byKind());
        assertEquals("bge-small-en-v1.5-q", result.model());
        assertEquals(result.chunks().size(), result.embeddings().size());
        assertTrue(result.embeddings().stream().allMatch(v -> v.length == 384));
        assertTrue(result.chunks().stream().allMatch(c -> c.tokens() <= 256));
        assertEquals(IntStream.rangeClosed(1, 61).boxed().toList(), result.chunks().stream().map(Chunk::page).distinct().toList());
        for (Stage stage : Stage.values()) {
            assertTrue(result.timings().of(stage).toNanos() > 0, stage.name());
        }
    }

    @Test
    void noChunkCarriesThePlantedPersonalData() {
        for (Chunk chunk : result.chunks()) {
            for (String pii : List.of(AnnualReport.EXHIBIT_EMAIL, AnnualReport.EXHIBIT_PHONE, AnnualReport.EXHIBIT_SSN, AnnualReport.IR_EMAIL,
                    AnnualReport.IR_PHONE)) {
                assertTrue(!chunk.embeddedText().contains(pii), pii + " leaked on page " + chunk.page());
            }
        }
    }

    @Test
    void aQuestionAboutCapitalExpendituresFindsTheCashFlowStatement() {
        float[] question = pipeline.embedder().embedQuery("How much were capital expenditures in the cash flow statement for 2025?");
        List<Chunk> best = IntStream.range(0, result.chunks().size()).boxed()
                .sorted(Comparator.comparingDouble(i -> -dot(question, result.embeddings().get(i))))
                .limit(5).map(result.chunks()::get).toList();
        int page = report.facts().fact("Capital expenditures", 2025).page();
        assertTrue(best.stream().anyMatch(c -> c.page() == page), "top 5 pages: " + best.stream().map(Chunk::page).toList());
    }

    private static double dot(float[] a, float[] b) {
        double sum = 0;
        for (int i = 0; i < a.length; i++) {
            sum += a[i] * b[i];
        }
        return sum;
    }
}
