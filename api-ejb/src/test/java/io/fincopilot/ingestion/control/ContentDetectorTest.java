package io.fincopilot.ingestion.control;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fincopilot.ingestion.entity.DocumentType;
import io.fincopilot.ingestion.entity.IngestionFailure;
import io.fincopilot.ingestion.entity.IngestionFailure.Code;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;

class ContentDetectorTest {

    private static final byte[] HTML = "<!DOCTYPE html><html><head><title>Q3</title></head><body><p>Revenue grew.</p></body></html>".getBytes(UTF_8);
    private static final byte[] CSV = "year,revenue\n2024,1200\n2025,1350\n".getBytes(UTF_8);
    private static final byte[] TEXT = "Revenue grew 12% in fiscal 2025.\n\nMargins held.".getBytes(UTF_8);
    private static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, 0, 13, 'I', 'H', 'D', 'R', 0, 0, 0, 1, 0, 0, 0, 1, 8, 6, 0, 0, 0};

    private final ContentDetector detector = new ContentDetector();

    @Test
    void aPdfMadeByPdfBoxIsPdfWhateverItsName() {
        byte[] pdf = TestPdfs.text("Annual report");
        assertEquals(DocumentType.PDF, detector.detect(pdf, "report.pdf", "application/pdf"));
        assertEquals(DocumentType.PDF, detector.detect(pdf, "report.txt", null));
        assertEquals(DocumentType.PDF, detector.detect(pdf, null, "application/octet-stream"));
    }

    @Test
    void htmlTextAndCsv() {
        assertEquals(DocumentType.HTML, detector.detect(HTML, "page.html", "text/html; charset=utf-8"));
        assertEquals(DocumentType.HTML, detector.detect(HTML, null, null));
        assertEquals(DocumentType.TEXT, detector.detect(TEXT, "notes.txt", "text/plain"));
        assertEquals(DocumentType.TEXT, detector.detect(TEXT, null, null));
    }

    @Test
    void csvBytesAreTextUntilTheNameOrTheDeclaredTypeSaysCsv() {
        assertEquals(DocumentType.CSV, detector.detect(CSV, "figures.csv", null));
        assertEquals(DocumentType.CSV, detector.detect(CSV, "figures", "text/csv"));
        assertEquals(DocumentType.TEXT, detector.detect(CSV, "figures", null));
    }

    @Test
    void aPngIsRefusedNamingItsType() {
        IngestionFailure failure = assertThrows(IngestionFailure.class, () -> detector.detect(PNG, "scan.pdf", "application/pdf"));
        assertEquals(Code.UNSUPPORTED_TYPE, failure.code());
        assertTrue(failure.reason().contains("image/png"), failure.reason());
    }

    @Test
    void aZipIsRefusedNamingItsType() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            zip.putNextEntry(new ZipEntry("a.txt"));
            zip.write("hello".getBytes(UTF_8));
        }
        IngestionFailure failure = assertThrows(IngestionFailure.class, () -> detector.detect(bytes.toByteArray(), "archive.zip", null));
        assertEquals(Code.UNSUPPORTED_TYPE, failure.code());
        assertTrue(failure.reason().contains("application/zip"), failure.reason());
    }

    @Test
    void aPdfDeclaredAsHtmlIsRefusedNamingBoth() {
        IngestionFailure failure = assertThrows(IngestionFailure.class,
                () -> detector.detect(TestPdfs.text("Annual report"), "report.html", "text/html"));
        assertEquals(Code.TYPE_MISMATCH, failure.code());
        assertTrue(failure.reason().contains("text/html") && failure.reason().contains("application/pdf"), failure.reason());
    }

    @Test
    void textDeclaredAsPdfIsRefused() {
        IngestionFailure failure = assertThrows(IngestionFailure.class, () -> detector.detect(TEXT, "report.pdf", "application/pdf"));
        assertEquals(Code.TYPE_MISMATCH, failure.code());
    }

    @Test
    void anEmptyFileIsRefused() {
        assertEquals(Code.EMPTY, assertThrows(IngestionFailure.class, () -> detector.detect(new byte[0], "a.pdf", null)).code());
    }
}
