package io.fincopilot.ingestion.control;

import io.fincopilot.ingestion.entity.Chunk;
import io.fincopilot.ingestion.entity.DocumentType;
import io.fincopilot.ingestion.entity.ExtractedDocument;
import io.fincopilot.ingestion.entity.IngestionResult;
import io.fincopilot.ingestion.entity.MaskedDocument;
import io.fincopilot.ingestion.sample.AnnualReport;
import java.io.ByteArrayInputStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

/**
 * Throughput of each ingestion stage alone and end to end on the 61-page sample report, in pages
 * per second. Not a test: run its main with the test class path, e.g.
 * {@code java -cp api-ejb/target/test-classes:api-ejb/target/classes:<deps> io.fincopilot.ingestion.control.IngestionBench [rounds]}.
 * Each stage is warmed up once, then timed over {@code rounds} runs (embedding and end to end
 * over one, they dominate).
 */
public final class IngestionBench {

    private IngestionBench() {
    }

    public static void main(String[] args) throws Exception {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 5;
        AnnualReport report = AnnualReport.generate(42);
        int pages = report.facts().pageCount();
        try (Pipeline pipeline = Pipeline.forModel(OnnxModel.BGE_SMALL_EN_V15_Q, Path.of("target", "djl"));
                ModelTokenizer tokenizer = ModelTokenizer.of(OnnxModel.BGE_SMALL_EN_V15_Q)) {
            Extractors extractors = new Extractors();
            PiiMasker masker = new PiiMasker();
            Chunker chunker = new Chunker(tokenizer);
            ExtractedDocument extracted = run("extraction", pages, rounds,
                    () -> extractors.extract(DocumentType.PDF, new ByteArrayInputStream(report.pdf()), ExtractionLimits.pages(500)));
            MaskedDocument masked = run("masking", pages, rounds, () -> masker.mask(extracted));
            List<Chunk> chunks = run("chunking", pages, rounds, () -> chunker.chunk(masked.document()));
            List<String> texts = chunks.stream().map(Chunk::embeddedText).toList();
            run("embedding", pages, 1, () -> pipeline.embedder().embedDocuments(texts));
            IngestionResult result = run("end-to-end", pages, 1, () -> pipeline.ingest(report.pdf(), "application/pdf", "report.pdf", 500));
            System.out.printf(Locale.ROOT, "BENCH info %d pages, %d chunks, %.0f tokens per chunk on average, %d cores%n", pages,
                    result.chunks().size(), result.chunks().stream().mapToInt(Chunk::tokens).average().orElse(0),
                    Runtime.getRuntime().availableProcessors());
        }
    }

    private static <T> T run(String stage, int pages, int rounds, Callable<T> work) throws Exception {
        T result = work.call();
        long start = System.nanoTime();
        for (int i = 0; i < rounds; i++) {
            result = work.call();
        }
        double seconds = (System.nanoTime() - start) / 1e9 / rounds;
        System.out.printf(Locale.ROOT, "BENCH %-10s %8.1f ms per report %8.1f pages/s%n", stage, seconds * 1000, pages / seconds);
        return result;
    }
}
