package io.fincopilot.ingestion.control;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.fincopilot.ingestion.entity.ExtractedDocument;
import io.fincopilot.ingestion.entity.IngestionFailure;
import io.fincopilot.ingestion.entity.IngestionFailure.Code;
import io.fincopilot.ingestion.entity.Paragraph;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.Test;

class TextExtractorTest {

    private final TextExtractor extractor = new TextExtractor();

    private ExtractedDocument extract(byte[] bytes) {
        return extractor.extract(new ByteArrayInputStream(bytes), ExtractionLimits.pages(10));
    }

    @Test
    void blankLinesSeparateParagraphsAndFormFeedsPages() {
        ExtractedDocument document = extract("\uFEFFRevenue rose\nin 2025.\n\n  \nMargins held.\fPage two text.\r\n".getBytes(UTF_8));
        assertEquals(2, document.pageCount());
        assertEquals(List.of(new Paragraph("Revenue rose in 2025."), new Paragraph("Margins held.")), document.pages().get(0).blocks());
        assertEquals(List.of(new Paragraph("Page two text.")), document.pages().get(1).blocks());
        assertEquals(List.of(), document.notes());
    }

    @Test
    void aFormFeedAtTheEndClosesTheLastPageWithoutStartingAnother() {
        ExtractedDocument document = extract("Page one.\fPage two.\f\n".getBytes(UTF_8));
        assertEquals(2, document.pageCount());
        assertEquals(3, extract("Page one.\f\fPage three.".getBytes(UTF_8)).pageCount(), "a blank page inside counts");
    }

    @Test
    void invalidBytesAreReplacedAndCounted() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        bytes.write("Caf".getBytes(UTF_8));
        bytes.write(0xE9);
        bytes.write(" revenue ".getBytes(UTF_8));
        bytes.write(new byte[] {(byte) 0xFF, (byte) 0xC3});
        bytes.write(" \u20ac12m".getBytes(UTF_8));
        ExtractedDocument document = extract(bytes.toByteArray());
        assertEquals("Caf\uFFFD revenue \uFFFD\uFFFD \u20ac12m", document.pages().get(0).text());
        assertEquals(List.of("3 invalid UTF-8 byte sequences replaced"), document.notes());
    }

    @Test
    void manyInvalidBytesAcrossTheDecodersBuffer() {
        byte[] bytes = new byte[200_000];
        java.util.Arrays.fill(bytes, (byte) 'a');
        for (int i = 0; i < bytes.length; i += 1000) {
            bytes[i] = (byte) 0x80;
        }
        assertEquals(List.of("200 invalid UTF-8 byte sequences replaced"), extract(bytes).notes());
    }

    @Test
    void onlyBlankSpaceIsRefused() {
        assertEquals(Code.NO_TEXT, assertThrows(IngestionFailure.class, () -> extract(" \n\n\f \t".getBytes(UTF_8))).code());
    }

    @Test
    void formFeedsPastThePageLimitAreRefused() {
        IngestionFailure failure = assertThrows(IngestionFailure.class,
                () -> extractor.extract(new ByteArrayInputStream("a\fb\fc".getBytes(UTF_8)), ExtractionLimits.pages(2)));
        assertEquals(Code.TOO_MANY_PAGES, failure.code());
    }
}
