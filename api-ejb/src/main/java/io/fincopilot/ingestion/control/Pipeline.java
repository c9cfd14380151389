package io.fincopilot.ingestion.control;

import io.fincopilot.ingestion.entity.Chunk;
import io.fincopilot.ingestion.entity.DocumentType;
import io.fincopilot.ingestion.entity.ExtractedDocument;
import io.fincopilot.ingestion.entity.IngestionResult;
import io.fincopilot.ingestion.entity.MaskedDocument;
import io.fincopilot.ingestion.entity.StageTimings;
import io.fincopilot.ingestion.entity.StageTimings.Stage;
import java.io.ByteArrayInputStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The ingestion stages in order: detect the type from the bytes, extract pages, mask personal
 * data, cut chunks, embed them. A document that cannot be ingested ends with an
 * {@link io.fincopilot.ingestion.entity.IngestionFailure} naming the reason; no stage runs after
 * masking on unmasked text. The chunker and the embedder must belong to the same model (use
 * {@link #forModel}), or chunks would be sized by the wrong tokenizer. Thread-safe when its stages
 * are (all of ours are).
 */
public final class Pipeline implements AutoCloseable {

    private final ContentDetector detector;
    private final Extractors extractors;
    private final PiiMasker masker;
    private final Chunker chunker;
    private final Embedder embedder;
    private final AutoCloseable resources;

    public Pipeline(ContentDetector detector, Extractors extractors, PiiMasker masker, Chunker chunker, Embedder embedder) {
        this(detector, extractors, masker, chunker, embedder, () -> { });
    }

    private Pipeline(ContentDetector detector, Extractors extractors, PiiMasker masker, Chunker chunker, Embedder embedder,
            AutoCloseable resources) {
        this.detector = detector;
        this.extractors = extractors;
        this.masker = masker;
        this.chunker = chunker;
        this.embedder = embedder;
        this.resources = resources;
    }

    /** Our stages for one shipped model, its native library unpacked under {@code nativeCache}. */
    public static Pipeline forModel(OnnxModel model, Path nativeCache) {
        NativeCache.use(nativeCache);
        ModelTokenizer tokenizer = ModelTokenizer.of(model);
        return new Pipeline(new ContentDetector(), new Extractors(), new PiiMasker(), new Chunker(tokenizer),
                new OnnxEmbedder(model, null), tokenizer);
    }

    /** @throws io.fincopilot.ingestion.entity.IngestionFailure when the document cannot be ingested */
    public IngestionResult ingest(byte[] content, String declaredType, String fileName, int maxPages) {
        return ingest(content, declaredType, fileName, ExtractionLimits.pages(maxPages));
    }

    public IngestionResult ingest(byte[] content, String declaredType, String fileName, ExtractionLimits limits) {
        Map<Stage, Duration> timings = new EnumMap<>(Stage.class);
        DocumentType type = timed(Stage.DETECT, timings, () -> detector.detect(content, fileName, declaredType));
        ExtractedDocument extracted = timed(Stage.EXTRACT, timings,
                () -> extractors.extract(type, new ByteArrayInputStream(content), limits));
        MaskedDocument masked = timed(Stage.MASK, timings, () -> masker.mask(extracted));
        List<Chunk> chunks = timed(Stage.CHUNK, timings, () -> chunker.chunk(masked.document()));
        List<float[]> embeddings = timed(Stage.EMBED, timings,
                () -> embedder.embedDocuments(chunks.stream().map(Chunk::embeddedText).toList()));
        return new IngestionResult(type, extracted.pageCount(), extracted.notes(), masked.counts(), chunks, embedder.modelName(),
                embeddings, new StageTimings(timings));
    }

    public Embedder embedder() {
        return embedder;
    }

    private static <T> T timed(Stage stage, Map<Stage, Duration> timings, Supplier<T> work) {
        long start = System.nanoTime();
        try {
            return work.get();
        } finally {
            timings.put(stage, Duration.ofNanos(System.nanoTime() - start));
        }
    }

    @Override
    public void close() throws Exception {
        resources.close();
    }
}
