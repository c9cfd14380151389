package io.fincopilot.ingestion.control;

import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.onnx.AbstractInProcessEmbeddingModel;
import dev.langchain4j.model.embedding.onnx.allminilml6v2q.AllMiniLmL6V2QuantizedEmbeddingModel;
import dev.langchain4j.model.embedding.onnx.bgesmallenv15q.BgeSmallEnV15QuantizedEmbeddingModel;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executor;

/**
 * Embeddings computed in the JVM by ONNX Runtime, with a model shipped in a Maven artifact
 * (langchain4j's in-process models): no network, no key, the same vectors on every instance.
 * Texts go to the model in batches of {@link #BATCH}; langchain4j spreads a batch over its executor.
 * Vectors are L2-normalized, so a dot product is their cosine.
 */
public final class OnnxEmbedder implements Embedder {

    /** Enough to keep every core busy, small enough that a failure loses little work. */
    public static final int BATCH = 32;

    private final OnnxModel model;
    private final AbstractInProcessEmbeddingModel onnx;

    /**
     * @param executor where langchain4j runs a batch's texts (a managed executor in the server);
     *     null for langchain4j's own pool
     */
    public OnnxEmbedder(OnnxModel model, Executor executor) {
        this.model = model;
        this.onnx = switch (model) {
            case BGE_SMALL_EN_V15_Q -> executor == null ? new BgeSmallEnV15QuantizedEmbeddingModel() : new BgeSmallEnV15QuantizedEmbeddingModel(executor);
            case ALL_MINILM_L6_V2_Q -> executor == null ? new AllMiniLmL6V2QuantizedEmbeddingModel() : new AllMiniLmL6V2QuantizedEmbeddingModel(executor);
        };
    }

    public OnnxModel model() {
        return model;
    }

    @Override
    public String modelName() {
        return model.modelName();
    }

    @Override
    public int dimensions() {
        return model.dimensions();
    }

    @Override
    public List<float[]> embedDocuments(List<String> texts) {
        List<float[]> vectors = new ArrayList<>(texts.size());
        List<TextSegment> batch = new ArrayList<>(BATCH);
        List<Integer> slots = new ArrayList<>(BATCH);
        for (String text : texts) {
            if (text == null || text.isBlank()) {
                vectors.add(new float[0]);
                continue;
            }
            slots.add(vectors.size());
            vectors.add(null);
            batch.add(TextSegment.from(text));
            if (batch.size() == BATCH) {
                embed(batch, slots, vectors);
            }
        }
        if (!batch.isEmpty()) {
            embed(batch, slots, vectors);
        }
        return vectors;
    }

    @Override
    public float[] embedQuery(String query) {
        if (query == null || query.isBlank()) {
            throw new IllegalArgumentException("a blank question has no embedding");
        }
        return onnx.embed(model.queryPrefix() + query.strip()).content().vector();
    }

    private void embed(List<TextSegment> batch, List<Integer> slots, List<float[]> vectors) {
        List<Embedding> embeddings = onnx.embedAll(batch).content();
        for (int i = 0; i < embeddings.size(); i++) {
            vectors.set(slots.get(i), embeddings.get(i).vector());
        }
        batch.clear();
        slots.clear();
    }
}
