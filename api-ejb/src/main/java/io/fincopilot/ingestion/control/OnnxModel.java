package io.fincopilot.ingestion.control;

import java.util.Arrays;
import java.util.Locale;

/**
 * The in-process embedding models a Maven artifact ships (model and tokenizer.json inside the jar),
 * with what chunking and querying need to know about each.
 */
public enum OnnxModel {

    /** bge-small-en-v1.5, int8-quantized: reads 512 tokens; queries carry an instruction, passages do not. */
    BGE_SMALL_EN_V15_Q("bge-small-en-v1.5-q", "/bge-small-en-v1.5-q-tokenizer.json", 384, 512, 256,
            "Represent this sentence for searching relevant passages: "),
    /** all-MiniLM-L6-v2, int8-quantized: trained on 128-token inputs, no query instruction. */
    ALL_MINILM_L6_V2_Q("all-minilm-l6-v2-q", "/all-minilm-l6-v2-q-tokenizer.json", 384, 128, 128, "");

    private final String modelName;
    private final String tokenizerResource;
    private final int dimensions;
    private final int maxTokens;
    private final int defaultChunkTokens;
    private final String queryPrefix;

    OnnxModel(String modelName, String tokenizerResource, int dimensions, int maxTokens, int defaultChunkTokens, String queryPrefix) {
        this.modelName = modelName;
        this.tokenizerResource = tokenizerResource;
        this.dimensions = dimensions;
        this.maxTokens = maxTokens;
        this.defaultChunkTokens = defaultChunkTokens;
        this.queryPrefix = queryPrefix;
    }

    /** Finds a model by a name such as "bge-small-en-v1.5", "BGE_SMALL_EN_V15_Q" or "all-MiniLM-L6-v2". */
    public static OnnxModel named(String name) {
        String wanted = normalized(name);
        return Arrays.stream(values())
                .filter(m -> normalized(m.modelName).equals(wanted) || normalized(m.modelName).equals(wanted + "q")
                        || normalized(m.name()).equals(wanted) || normalized(m.name()).equals(wanted + "q"))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown embedding model '" + name + "'; known: "
                        + Arrays.stream(values()).map(OnnxModel::modelName).toList()));
    }

    private static String normalized(String name) {
        return name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "");
    }

    public String modelName() {
        return modelName;
    }

    String tokenizerResource() {
        return tokenizerResource;
    }

    public int dimensions() {
        return dimensions;
    }

    /** What the model reads at most, special tokens included; beyond it the model truncates or averages. */
    public int maxTokens() {
        return maxTokens;
    }

    /** The chunk size we use by default: well under the maximum, because smaller chunks retrieve more precisely. */
    public int defaultChunkTokens() {
        return defaultChunkTokens;
    }

    public String queryPrefix() {
        return queryPrefix;
    }
}
