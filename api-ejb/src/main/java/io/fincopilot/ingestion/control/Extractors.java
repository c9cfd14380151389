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

    /**
     * Text, CSV and HTML are parsed whole in memory (PDFs page by page from a file): above this many
     * bytes they are refused rather than risk the instance's heap.
     */
    public static final long MAX_TEXT_BYTES = 32L << 20;

    public ExtractedDocument extract(DocumentType type, InputStream content, ExtractionLimits limits) {
        try {
            return byType.get(type).extract(type == DocumentType.PDF ? content : new TextBudget(content), limits);
        } catch (IngestionFailure failure) {
            throw failure;
        } catch (IOException | RuntimeException e) {
            throw new IngestionFailure(Code.CORRUPT, "the " + type.name() + " file could not be read: "
                    + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()), e);
        }
    }

    /** Counts what a text parser reads and stops it past {@link #MAX_TEXT_BYTES}. */
    private static final class TextBudget extends java.io.FilterInputStream {
        private long read;

        TextBudget(InputStream in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            count(b < 0 ? 0 : 1);
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = super.read(buffer, offset, length);
            count(Math.max(n, 0));
            return n;
        }

        private void count(int n) {
            read += n;
            if (read > MAX_TEXT_BYTES) {
                throw new IngestionFailure(Code.TOO_LARGE, "text, CSV and HTML documents are read up to "
                        + (MAX_TEXT_BYTES >> 20) + " MiB; split this one or upload it as a PDF");
            }
        }
    }
}
