package io.fincopilot.evaluation;

import io.fincopilot.ingestion.control.ExtractionLimits;
import io.fincopilot.ingestion.control.PdfExtractor;
import io.fincopilot.ingestion.entity.ExtractedDocument;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** The seed-42 corpus and its filings as our PDF extractor reads them, made once per test run and shared by the test classes. */
final class CorpusFixture {

    private static final Map<String, ExtractedDocument> EXTRACTED = new ConcurrentHashMap<>();
    private static EvaluationCorpus corpus;

    private CorpusFixture() {
    }

    static synchronized EvaluationCorpus corpus() {
        if (corpus == null) {
            corpus = EvaluationCorpus.generate(42);
        }
        return corpus;
    }

    static ExtractedDocument extracted(Filing filing) {
        return EXTRACTED.computeIfAbsent(filing.key(), k -> {
            try {
                return new PdfExtractor().extract(new ByteArrayInputStream(filing.pdf()), ExtractionLimits.pages(500));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    static Filing filing(String key) {
        return corpus().filings().stream().filter(f -> f.key().equals(key)).findFirst().orElseThrow(() -> new AssertionError("no filing " + key));
    }

    static Company company(String key) {
        return Companies.ALL.stream().filter(c -> c.key().equals(key)).findFirst().orElseThrow();
    }
}
