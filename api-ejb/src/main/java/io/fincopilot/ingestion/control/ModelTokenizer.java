package io.fincopilot.ingestion.control;

import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;

/**
 * The embedding model's own tokenizer (the tokenizer.json shipped in its jar, read by DJL's
 * HuggingFace tokenizers), with truncation off so that {@link #count} is the real length the model
 * would see, special tokens included. Chunks sized by any other measure (characters, words, another
 * vocabulary) are silently cut by the model. Thread-safe; close it to free the native tokenizer.
 */
public final class ModelTokenizer implements AutoCloseable {

    private final OnnxModel model;
    private final HuggingFaceTokenizer tokenizer;

    private ModelTokenizer(OnnxModel model, HuggingFaceTokenizer tokenizer) {
        this.model = model;
        this.tokenizer = tokenizer;
    }

    /** Call {@link NativeCache#use} first. */
    public static ModelTokenizer of(OnnxModel model) {
        try (InputStream json = ModelTokenizer.class.getResourceAsStream(model.tokenizerResource())) {
            if (json == null) {
                throw new IllegalStateException(model.tokenizerResource() + " is not on the class path; is the model's jar missing?");
            }
            Map<String, String> options = Map.of("truncation", "false", "padding", "false", "addSpecialTokens", "true",
                    "maxLength", String.valueOf(Integer.MAX_VALUE / 2));
            return new ModelTokenizer(model, HuggingFaceTokenizer.newInstance(json, options));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public OnnxModel model() {
        return model;
    }

    /**
     * Tokens the model reads for this text, [CLS] and [SEP] included.
     *
     * @throws IllegalArgumentException for blank text, which the native tokenizer does not survive
     */
    public int count(String text) {
        if (text.isBlank()) {
            throw new IllegalArgumentException("blank text has no tokens to count");
        }
        return tokenizer.encode(text).getIds().length;
    }

    @Override
    public void close() {
        tokenizer.close();
    }
}
