package io.fincopilot.ingestion.sample;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fincopilot.ingestion.control.ExtractionLimits;
import io.fincopilot.ingestion.control.PdfExtractor;
import io.fincopilot.ingestion.control.PiiMasker;
import io.fincopilot.ingestion.entity.Block;
import io.fincopilot.ingestion.entity.ExtractedDocument;
import io.fincopilot.ingestion.entity.Heading;
import io.fincopilot.ingestion.entity.MaskedDocument;
import io.fincopilot.ingestion.entity.PiiKind;
import io.fincopilot.ingestion.entity.TableRow;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class AnnualReportTest {

    private static AnnualReport report;
    private static ExtractedDocument extracted;

    @BeforeAll
    static void generate() throws IOException {
        report = AnnualReport.generate(42);
        extracted = new PdfExtractor().extract(new ByteArrayInputStream(report.pdf()), ExtractionLimits.pages(500));
    }

    @Test
    void sixtyOnePages() {
        assertEquals(61, extracted.pageCount());
        assertEquals(61, report.facts().pageCount());
        assertEquals(List.of(), extracted.notes());
    }

    @Test
    void theSameSeedGivesTheSameBytesAndAnotherSeedOthers() {
        assertArrayEquals(report.pdf(), AnnualReport.generate(42).pdf());
        assertFalse(Arrays.equals(report.pdf(), AnnualReport.generate(7).pdf()));
        assertEquals(report.facts(), AnnualReport.generate(42).facts());
    }

    /**
     * ReportWriter is shared with the evaluation corpus; this pins the sample's bytes so a change made
     * for the corpus cannot move the sample's pages (update the digest only on a deliberate change).
     */
    @Test
    void theSampleBytesAreUnchanged() throws Exception {
        byte[] digest = java.security.MessageDigest.getInstance("SHA-256").digest(report.pdf());
        assertEquals("adafaf34d65549a17bb32b866679927a64e35e572aff041f28cce16d2845e5dd", java.util.HexFormat.of().formatHex(digest));
    }

    @Test
    void everyFactIsReadAsATableRowOnThePageItNames() {
        assertTrue(report.facts().facts().size() > 60);
        for (Fact fact : report.facts().facts()) {
            List<Block> blocks = extracted.pages().get(fact.page() - 1).blocks();
            assertTrue(blocks.stream().anyMatch(b -> b instanceof TableRow row && row.text().startsWith(fact.name() + " ")
                    && (" " + row.text() + " ").contains(" " + fact.value() + " ") && row.header().contains("2025 2024")),
                    fact + " not found on its page: " + blocks);
        }
    }

    @Test
    void theKeyFiguresSitOnTheStatementsPages() {
        AnnualReportFacts facts = report.facts();
        assertEquals(33, facts.fact("Revenue", 2025).page());
        assertEquals(33, facts.fact("Net income", 2024).page());
        assertEquals(34, facts.fact("Total assets", 2025).page());
        assertEquals(35, facts.fact("Capital expenditures", 2025).page());
        assertTrue(facts.fact("Capital expenditures", 2025).value().startsWith("("));
        assertEquals(44, facts.fact("Freight revenue", 2025).page());
        assertTrue(extracted.pages().get(32).blocks().contains(new Heading(1, "Consolidated Statements of Income")));
    }

    @Test
    void maskingFindsThePlantedPersonalDataAndNothingElse() {
        MaskedDocument masked = new PiiMasker().mask(extracted);
        assertEquals(Map.of(PiiKind.EMAIL, 2, PiiKind.PHONE, 2, PiiKind.SSN, 1), masked.counts().byKind());
        String exhibit = masked.document().pages().get(59).text();
        assertTrue(exhibit.contains("[EMAIL]") && exhibit.contains("[PHONE]") && exhibit.contains("[SSN]"), exhibit);
        assertFalse(exhibit.contains(AnnualReport.EXHIBIT_SSN));
    }

    @Test
    void mainWritesTheReport() throws IOException {
        Path file = Path.of("target", "annual-report-42.pdf");
        AnnualReport.main(new String[] {file.toString(), "42"});
        assertArrayEquals(report.pdf(), Files.readAllBytes(file));
    }
}
