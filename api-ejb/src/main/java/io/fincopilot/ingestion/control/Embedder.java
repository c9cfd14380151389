package io.fincopilot.ingestion.control;

import java.util.List;

/**
 * Turns passages and questions into vectors. The seam where other models or providers plug in:
 * documents and queries are embedded separately because asymmetric models (bge) want an
 * instruction on the query side only.
 */
public interface Embedder {

    /** Stored beside every vector, so an index never mixes vectors of two models. */
    String modelName();

    int dimensions();

    /**
     * One vector per text, in order. A blank text is not sent to the model (its tokenizer fails on
     * it); its slot holds an empty array.
     */
    List<float[]> embedDocuments(List<String> texts);

    /** @throws IllegalArgumentException for a blank query */
    float[] embedQuery(String query);
}
