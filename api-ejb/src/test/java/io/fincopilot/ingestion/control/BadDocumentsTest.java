package io.fincopilot.ingestion.control;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fincopilot.ingestion.entity.DocumentType;
import io.fincopilot.ingestion.entity.IngestionFailure;
import io.fincopilot.ingestion.entity.IngestionFailure.Code;
import io.fincopilot.ingestion.entity.IngestionResult;
import java.io.ByteArrayOutputStream;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every kind of bad upload, made here, through the whole pipeline: each ends with its code and a
 * reason a person understands, and nothing else is ever thrown. Zero pages: PDFBox 3 writes a
 * document without pages, so that case is a real file too.
 */
class BadDocumentsTest {

    private static final int PLAN_PAGES = 5;
    private static Pipeline pipeline;

    @BeforeAll
    static void start() {
        pipeline = Pipeline.forModel(OnnxModel.BGE_SMALL_EN_V15_Q, Path.of("target", "djl"));
    }

    @AfterAll
    static void stop() throws Exception {
        pipeline.close();
    }

    static Stream<Arguments> badDocuments() {
        byte[] pdf = TestPdfs.text("Revenue");
        byte[] corrupt = Arrays.copyOf("%PDF-1.7\n".getBytes(UTF_8), 3000);
        for (int i = 9; i < corrupt.length; i++) {
            corrupt[i] = pdf[(i * 7919) % pdf.length];
        }
        return Stream.of(
                Arguments.of("corrupt PDF", corrupt, "application/pdf", "report.pdf", Code.CORRUPT, "not a readable PDF"),
                Arguments.of("encrypted PDF", TestPdfs.encrypted(), "application/pdf", "locked.pdf", Code.ENCRYPTED, "password"),
                Arguments.of("scanned PDF", TestPdfs.imageOnly(), null, "scan.pdf", Code.NO_TEXT,
                        "no extractable text: scanned images are not supported yet"),
                Arguments.of("zero pages", TestPdfs.zeroPages(), null, "empty.pdf", Code.NO_PAGES, "the PDF has no pages"),
                Arguments.of("too many pages", TestPdfs.pages(PLAN_PAGES + 7), null, "long.pdf", Code.TOO_MANY_PAGES,
                        "the document has 12 pages; your plan allows 5"),
                Arguments.of("decompression bomb", TestPdfs.bomb(64L << 20), "application/pdf", "bomb.pdf", Code.DECOMPRESSION_BOMB,
                        "decompression bomb"),
                Arguments.of("ragged CSV", "year,revenue\n2024,1200\n2025,1,350\n".getBytes(UTF_8), "text/csv", "figures.csv",
                        Code.RAGGED_CSV, "line 3 has 3 fields but the header has 2"),
                Arguments.of("scripts-only HTML", "<html><head><script>track()</script></head><body><script>x()</script></body></html>"
                        .getBytes(UTF_8), "text/html", "page.html", Code.NO_TEXT, "no extractable text"),
                Arguments.of("PNG", new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, 0, 13, 'I', 'H', 'D', 'R'},
                        "application/pdf", "scan.pdf", Code.UNSUPPORTED_TYPE, "image/png"),
                Arguments.of("PDF declared as HTML", pdf, "text/html", "report.html", Code.TYPE_MISMATCH,
                        "declared as text/html but its content is application/pdf"),
                Arguments.of("empty file", new byte[0], "text/plain", "notes.txt", Code.EMPTY, "the file is empty"),
                Arguments.of("text past the memory budget", "Revenue rose. ".repeat((int) (Extractors.MAX_TEXT_BYTES / 14) + 1)
                        .getBytes(UTF_8), "text/plain", "dump.txt", Code.TOO_LARGE, "read up to 32 MiB"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badDocuments")
    void endsWithItsCodeAndAClearReason(String name, byte[] content, String declared, String fileName, Code code, String reason) {
        IngestionFailure failure = assertThrows(IngestionFailure.class, () -> pipeline.ingest(content, declared, fileName, PLAN_PAGES));
        assertEquals(code, failure.code(), failure.reason());
        assertTrue(failure.reason().contains(reason), failure.reason());
    }

    @Test
    void invalidUtf8TextIsIngestedWithANote() throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        bytes.write("Revenue for fiscal 2025 rose 10.8% to ".getBytes(UTF_8));
        bytes.write(new byte[] {(byte) 0xA3, (byte) 0xFF});
        bytes.write("1.2 billion.\n\nContact ir@example.com for details.".getBytes(UTF_8));
        IngestionResult result = pipeline.ingest(bytes.toByteArray(), "text/plain", "notes.txt", PLAN_PAGES);
        assertEquals(DocumentType.TEXT, result.type());
        assertEquals(List.of("2 invalid UTF-8 byte sequences replaced"), result.notes());
        assertEquals(1, result.chunks().size());
        assertTrue(result.chunks().get(0).text().contains("\uFFFD\uFFFD1.2 billion"));
        assertFalse(result.chunks().get(0).text().contains("ir@example.com"));
        assertEquals(384, result.embeddings().get(0).length);
    }
}
