package io.fincopilot.ingestion.control;

import io.fincopilot.ingestion.entity.DocumentType;
import io.fincopilot.ingestion.entity.ExtractedDocument;
import io.fincopilot.ingestion.entity.IngestionFailure;
import io.fincopilot.ingestion.entity.IngestionFailure.Code;
import java.io.IOException;
import java.io.InputStream;
import java.util.EnumMap;
import java.util.Map;

/**
 * The extractor for each document type. Whatever a parser throws on a malformed document becomes
 * a {@code CORRUPT} failure here, so that a bad upload always ends with a reason and never with a
 * library's stack trace in a job row.
 */
public final class Extractors {

    private final Map<DocumentType, Extractor> byType = new EnumMap<>(DocumentType.class);

    public Extractors() {
        byType.put(DocumentType.PDF, new PdfExtractor());
        byType.put(DocumentType.HTML, new HtmlExtractor());
        byType.put(DocumentType.CSV, new CsvExtractor());
        byType.put(DocumentType.TEXT, new TextExtractor());
    }

    public ExtractedDocument extract(DocumentType type, InputStream content, ExtractionLimits limits) {
        try {
            return byType.get(type).extract(content, limits);
        } catch (IngestionFailure failure) {
            throw failure;
        } catch (IOException | RuntimeException e) {
            throw new IngestionFailure(Code.CORRUPT, "the " + type.name() + " file could not be read: "
                    + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()), e);
        }
    }
}
