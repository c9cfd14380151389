package io.fincopilot.documents.control;

import io.fincopilot.ingestion.control.ExtractionLimits;
import io.fincopilot.ingestion.entity.Chunk;
import io.fincopilot.ingestion.entity.DocumentType;
import io.fincopilot.ingestion.entity.ExtractedDocument;
import io.fincopilot.ingestion.entity.IngestionFailure;
import io.fincopilot.ingestion.entity.MaskedDocument;
import io.fincopilot.ingestion.entity.Page;
import io.fincopilot.platform.PlatformMetrics;
import io.fincopilot.retrieval.control.PageClassifier;
import io.fincopilot.retrieval.control.ProfileDetector;
import io.fincopilot.retrieval.entity.DocumentProfile;
import io.fincopilot.retrieval.entity.PageKind;
import io.fincopilot.tenancy.entity.TenantId;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The steps of one version's ingestion, run by {@link IngestionQueue}: prepare (the original from
 * S3 into a temporary file, extracted within the plan's page limit, PII masked, cut into chunks
 * sized by the model's tokenizer) and then one batch of embeddings per step. A document's own
 * problem (corrupt, encrypted, no text, too many pages...) ends the version as failed with its
 * reason; anything else is thrown and retried by the queue.
 */
@ApplicationScoped
public class IngestionWorker {

    static final int BATCH = 32;
    private static final PageClassifier PAGES = new PageClassifier();
    private static final ProfileDetector PROFILES = new ProfileDetector();

    @Inject
    IngestionLedger ledger;

    @Inject
    IngestionModel model;

    @Inject
    DocumentObjects objects;

    @Inject
    PlatformMetrics metrics;

    /** Answers whether embedding steps follow. */
    public boolean prepare(TenantId tenant, UUID document, int version) {
        Optional<IngestionLedger.Job> job = ledger.start(tenant, document, version);
        if (job.isEmpty()) {
            return false;
        }
        IngestionModel.Stages stages = model.stages();
        Path original = timed("download", () -> download(job.get()));
        try (InputStream in = Files.newInputStream(original)) {
            ExtractedDocument extracted = timed("extract", () -> stages.extractors().extract(type(job.get().mediaType()), in,
                    ExtractionLimits.pages(job.get().maxPages())));
            MaskedDocument masked = timed("mask", () -> stages.masker().mask(extracted));
            List<Chunk> chunks = timed("chunk", () -> stages.chunker().chunk(masked.document()));
            if (chunks.isEmpty()) {
                throw new IngestionFailure(IngestionFailure.Code.NO_TEXT, "no extractable text");
            }
            List<Page> pages = masked.document().pages();
            Map<Integer, PageKind> kinds = new HashMap<>();
            DocumentProfile profile = timed("classify", () -> {
                List<PageKind> classified = PAGES.classify(pages);
                for (int i = 0; i < pages.size(); i++) {
                    kinds.put(pages.get(i).number(), classified.get(i));
                }
                return PROFILES.detect(pages, job.get().fileName(), job.get().title());
            });
            return timed("store", () -> ledger.storeChunks(tenant, document, version, extracted.pageCount(), extracted.notes(),
                    masked.counts(), chunks, stages.embedder().modelName(), page -> kinds.getOrDefault(page, PageKind.OTHER),
                    profile));
        } catch (IngestionFailure failure) {
            ledger.fail(tenant, document, version, failure.code().name(), failure.reason());
            metrics.ingested("failed:" + failure.code().name().toLowerCase(java.util.Locale.ROOT));
            return false;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            delete(original);
        }
    }

    /** Embeds the next batch; when none is left, the version is ready. Answers whether more steps follow. */
    public boolean embedNext(TenantId tenant, UUID document, int version) {
        Optional<List<IngestionLedger.Pending>> pending = ledger.pending(tenant, document, version, BATCH);
        if (pending.isEmpty()) {
            return false;
        }
        if (pending.get().isEmpty()) {
            ledger.finish(tenant, document, version);
            metrics.ingested("ready");
            return false;
        }
        List<float[]> vectors = timed("embed", () -> model.stages().embedder().embedDocuments(
                pending.get().stream().map(IngestionLedger.Pending::embeddedText).toList()));
        timed("store", () -> {
            ledger.storeEmbeddings(tenant, document, version, pending.get().stream().map(IngestionLedger.Pending::id).toList(),
                    vectors, model.modelName());
            return null;
        });
        return true;
    }

    /** Embeds again the next batch of a version's chunks that another model embedded; answers whether more follow. */
    public boolean reembedNext(TenantId tenant, UUID document, int version) {
        List<IngestionLedger.Pending> stale = ledger.embeddedByOtherModel(tenant, document, version, model.modelName(), BATCH);
        if (stale.isEmpty()) {
            ledger.touch(tenant, document);
            return false;
        }
        List<float[]> vectors = timed("embed", () -> model.stages().embedder().embedDocuments(
                stale.stream().map(IngestionLedger.Pending::embeddedText).toList()));
        ledger.storeEmbeddings(tenant, document, version, stale.stream().map(IngestionLedger.Pending::id).toList(), vectors,
                model.modelName());
        return true;
    }

    /** The queue gave up after its last attempt. */
    public void giveUp(TenantId tenant, UUID document, int version, String reason) {
        ledger.fail(tenant, document, version, "PROCESSING_ERROR", reason);
        metrics.ingested("failed:processing_error");
    }

    private <T> T timed(String stage, java.util.function.Supplier<T> work) {
        long start = System.nanoTime();
        try {
            return work.get();
        } finally {
            metrics.ingestionStage(stage, java.time.Duration.ofNanos(System.nanoTime() - start));
        }
    }

    private Path download(IngestionLedger.Job job) {
        try {
            Path file = Files.createTempFile("fincopilot-ingest-", ".bin");
            try (InputStream in = objects.open(job.objectKey(), job.objectVersion())) {
                Files.copy(in, file, StandardCopyOption.REPLACE_EXISTING);
            }
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException("the original could not be read from S3", e);
        }
    }

    private static DocumentType type(String mediaType) {
        return Arrays.stream(DocumentType.values()).filter(t -> t.mediaType().equals(mediaType)).findFirst()
                .orElseThrow(() -> new IngestionFailure(IngestionFailure.Code.UNSUPPORTED_TYPE,
                        "documents of type " + mediaType + " are not read"));
    }

    private static void delete(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            file.toFile().deleteOnExit();
        }
    }
}
