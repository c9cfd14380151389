package io.fincopilot.ingestion.control;

import java.nio.file.Path;

/** Picks an embedder by name, as configuration names it. */
public final class Embedders {

    /** The default: bge-small-en-v1.5 quantized, 384 dimensions. */
    public static final String DEFAULT = OnnxModel.BGE_SMALL_EN_V15_Q.modelName();

    private Embedders() {
    }

    /**
     * @param name "bge-small-en-v1.5" (the default) or "all-MiniLM-L6-v2", in any usual spelling
     * @throws IllegalArgumentException for a model we do not ship
     */
    public static Embedder named(String name) {
        return new OnnxEmbedder(OnnxModel.named(name), null);
    }

    /** The same, with DJL's native library unpacked under {@code nativeCache} (see {@link NativeCache}). */
    public static Embedder named(String name, Path nativeCache) {
        NativeCache.use(nativeCache);
        return named(name);
    }
}
