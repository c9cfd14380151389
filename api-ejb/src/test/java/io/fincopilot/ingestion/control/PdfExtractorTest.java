package io.fincopilot.ingestion.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fincopilot.ingestion.entity.Block;
import io.fincopilot.ingestion.entity.ExtractedDocument;
import io.fincopilot.ingestion.entity.Heading;
import io.fincopilot.ingestion.entity.IngestionFailure;
import io.fincopilot.ingestion.entity.IngestionFailure.Code;
import io.fincopilot.ingestion.entity.Paragraph;
import io.fincopilot.ingestion.entity.TableRow;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts.FontName;
import org.junit.jupiter.api.Test;

class PdfExtractorTest {

    private final PdfExtractor extractor = new PdfExtractor();

    private ExtractedDocument extract(byte[] pdf, ExtractionLimits limits) throws IOException {
        return extractor.extract(new ByteArrayInputStream(pdf), limits);
    }

    private IngestionFailure refusal(byte[] pdf, ExtractionLimits limits) {
        return assertThrows(IngestionFailure.class, () -> extract(pdf, limits));
    }

    @Test
    void pagesInOrderWithTheirText() throws IOException {
        ExtractedDocument document = extract(TestPdfs.text("Revenue grew in fiscal 2025.", "Margins held steady.", "Cash was strong."),
                ExtractionLimits.pages(10));
        assertEquals(3, document.pageCount());
        assertEquals(List.of(1, 2, 3), document.pages().stream().map(p -> p.number()).toList());
        assertEquals("Margins held steady.", document.pages().get(1).text());
        assertEquals(List.of(), document.notes());
    }

    @Test
    void headingsParagraphsAndTableRowsFromFontsAndLayout() throws IOException {
        List<Block> blocks = extract(statementPage(), ExtractionLimits.pages(10)).pages().get(0).blocks();
        assertEquals(new Heading(1, "Consolidated Statements of Income"), blocks.get(0));
        assertEquals(new Paragraph("Amounts are in thousands of dollars, except per-share data, and audited."), blocks.get(1));
        assertEquals(new TableRow("Fiscal 2025 Fiscal 2024", "Revenue 1,204,611 1,087,302"), blocks.get(2));
        assertEquals(new TableRow("Fiscal 2025 Fiscal 2024", "Net income (loss) 98,420 (12,007)"), blocks.get(3));
        assertEquals(new Heading(2, "Liquidity and Capital Resources"), blocks.get(4));
    }

    @Test
    void corruptBytesAreRefused() {
        byte[] pdf = TestPdfs.text("Revenue");
        byte[] corrupt = Arrays.copyOf("%PDF-1.7\n".getBytes(), 4000);
        for (int i = 9; i < corrupt.length; i++) {
            corrupt[i] = pdf[(i * 7919) % pdf.length];
        }
        assertEquals(Code.CORRUPT, refusal(corrupt, ExtractionLimits.pages(10)).code());
    }

    @Test
    void aPasswordIsRefused() {
        IngestionFailure failure = refusal(TestPdfs.encrypted(), ExtractionLimits.pages(10));
        assertEquals(Code.ENCRYPTED, failure.code());
        assertTrue(failure.reason().contains("password"));
    }

    @Test
    void morePagesThanThePlanAllowsAreRefusedWithBothNumbers() {
        IngestionFailure failure = refusal(TestPdfs.pages(12), ExtractionLimits.pages(5));
        assertEquals(Code.TOO_MANY_PAGES, failure.code());
        assertEquals("the document has 12 pages; your plan allows 5", failure.reason());
    }

    @Test
    void aScanWithoutTextIsRefused() {
        IngestionFailure failure = refusal(TestPdfs.imageOnly(), ExtractionLimits.pages(10));
        assertEquals(Code.NO_TEXT, failure.code());
        assertEquals("no extractable text: scanned images are not supported yet", failure.reason());
    }

    @Test
    void zeroPagesAreRefused() {
        assertEquals(Code.NO_PAGES, refusal(TestPdfs.zeroPages(), ExtractionLimits.pages(10)).code());
    }

    @Test
    void aContentStreamThatInflatesPastTheBudgetIsRefusedBeforeExtraction() {
        byte[] bomb = TestPdfs.bomb(64L << 20);
        assertTrue(bomb.length < 200_000, "the bomb is small: " + bomb.length);
        IngestionFailure failure = refusal(bomb, new ExtractionLimits(10, 4L << 20, 64L << 20));
        assertEquals(Code.DECOMPRESSION_BOMB, failure.code());
        assertTrue(failure.reason().startsWith("page 1's compressed content inflates past 4 MiB"), failure.reason());
    }

    @Test
    void pagesWithinTheirBudgetStillCountAgainstTheDocuments() {
        IngestionFailure total = refusal(twoPagesOf3MiB(), new ExtractionLimits(10, 4L << 20, 5L << 20));
        assertEquals("the document's compressed content inflates past 5 MiB in total by page 2; it looks like a decompression bomb",
                total.reason());
    }

    private static byte[] twoPagesOf3MiB() {
        try (PDDocument document = new PDDocument()) {
            for (int i = 0; i < 2; i++) {
                PDPage page = new PDPage(PDRectangle.LETTER);
                document.addPage(page);
                page.setContents(new org.apache.pdfbox.pdmodel.common.PDStream(document,
                        new java.io.ByteArrayInputStream(" ".repeat(3 << 20).getBytes()), org.apache.pdfbox.cos.COSName.FLATE_DECODE));
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            document.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    void aStreamWithinTheBudgetIsRead() throws IOException {
        assertEquals(1, extract(TestPdfs.text("Fine"), new ExtractionLimits(10, 1024, 4096)).pageCount());
    }

    private static byte[] statementPage() throws IOException {
        try (PDDocument document = new PDDocument()) {
            PDPage page = new PDPage(PDRectangle.LETTER);
            document.addPage(page);
            PDType1Font bold = new PDType1Font(FontName.HELVETICA_BOLD);
            PDType1Font regular = new PDType1Font(FontName.HELVETICA);
            try (PDPageContentStream content = new PDPageContentStream(document, page)) {
                text(content, bold, 18, 72, 720, "Consolidated Statements of Income");
                text(content, regular, 10, 72, 690, "Amounts are in thousands of dollars, except per-share data, and audited.");
                text(content, bold, 10, 300, 660, "Fiscal 2025");
                text(content, bold, 10, 420, 660, "Fiscal 2024");
                text(content, regular, 10, 72, 646, "Revenue");
                text(content, regular, 10, 300, 646, "1,204,611");
                text(content, regular, 10, 420, 646, "1,087,302");
                text(content, regular, 10, 72, 632, "Net income (loss)");
                text(content, regular, 10, 300, 632, "98,420");
                text(content, regular, 10, 420, 632, "(12,007)");
                text(content, bold, 13, 72, 590, "Liquidity and Capital Resources");
                text(content, regular, 10, 72, 570, "Cash provided by operations rose to $212.4 million.");
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            document.save(out);
            return out.toByteArray();
        }
    }

    private static void text(PDPageContentStream content, PDType1Font font, float size, float x, float y, String text) throws IOException {
        content.beginText();
        content.setFont(font, size);
        content.newLineAtOffset(x, y);
        content.showText(text);
        content.endText();
    }
}
