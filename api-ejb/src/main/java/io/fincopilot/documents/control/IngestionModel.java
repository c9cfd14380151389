package io.fincopilot.documents.control;

import io.fincopilot.ingestion.control.Chunker;
import io.fincopilot.ingestion.control.Extractors;
import io.fincopilot.ingestion.control.ModelTokenizer;
import io.fincopilot.ingestion.control.NativeCache;
import io.fincopilot.ingestion.control.OnnxEmbedder;
import io.fincopilot.ingestion.control.OnnxModel;
import io.fincopilot.ingestion.control.PiiMasker;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.file.Path;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The ingestion stages of this instance, made once on first use: extractors, the PII masker, and the
 * configured embedding model with its own tokenizer (chunks are sized by it) running on the
 * container's managed threads. The model's native libraries unpack under
 * {@code fincopilot.ingestion.native-cache}, in a folder of this deployment's own.
 */
@ApplicationScoped
public class IngestionModel {

    /** The stages, as one value. */
    public record Stages(Extractors extractors, PiiMasker masker, Chunker chunker, OnnxEmbedder embedder) {
    }

    @Inject
    @ConfigProperty(name = "fincopilot.ingestion.model", defaultValue = "bge-small-en-v1.5-q")
    String modelName;

    @Inject
    @ConfigProperty(name = "fincopilot.ingestion.native-cache")
    java.util.Optional<String> nativeCache;

    @Resource
    ManagedExecutorService executor;

    private Stages stages;
    private ModelTokenizer tokenizer;

    /** The configured model's name, as stored on every chunk it embedded. */
    public String modelName() {
        return OnnxModel.named(modelName).modelName();
    }

    public synchronized Stages stages() {
        if (stages == null) {
            OnnxModel model = OnnxModel.named(modelName);
            NativeCache.use(freshFolder(nativeCache.map(Path::of)
                    .orElseGet(() -> Path.of(System.getProperty("java.io.tmpdir"), "fincopilot-djl"))));
            tokenizer = ModelTokenizer.of(model);
            stages = new Stages(new Extractors(), new PiiMasker(), new Chunker(tokenizer), new OnnxEmbedder(model, executor));
        }
        return stages;
    }

    /**
     * A folder of its own for this deployment's native libraries: the JVM binds a library file to
     * the first class loader that loads it, so a redeployed application could not load the same
     * file again. Earlier deployments' folders are removed (their libraries stay mapped until the
     * old class loader goes).
     */
    static Path freshFolder(Path base) {
        try {
            java.nio.file.Files.createDirectories(base);
            try (var old = java.nio.file.Files.list(base)) {
                old.filter(p -> p.getFileName().toString().startsWith("load-")).forEach(IngestionModel::deleteTree);
            }
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return base.resolve("load-" + java.util.UUID.randomUUID());
    }

    private static void deleteTree(Path root) {
        try (var all = java.nio.file.Files.walk(root)) {
            all.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (java.io.IOException e) {
            // best effort: an old folder left behind costs only disk
        }
    }

    @PreDestroy
    synchronized void close() {
        if (tokenizer != null) {
            tokenizer.close();
        }
    }
}
