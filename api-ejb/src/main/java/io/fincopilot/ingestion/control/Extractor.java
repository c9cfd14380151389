package io.fincopilot.ingestion.control;

import io.fincopilot.ingestion.entity.ExtractedDocument;
import java.io.IOException;
import java.io.InputStream;

/** Reads one kind of document into pages and blocks; one implementation per {@code DocumentType}. */
public interface Extractor {

    /**
     * @throws io.fincopilot.ingestion.entity.IngestionFailure when the document cannot be read, with
     *     a reason for its owner
     * @throws IOException when the stream itself fails (not the document's fault)
     */
    ExtractedDocument extract(InputStream content, ExtractionLimits limits) throws IOException;
}
