package io.fincopilot.ingestion.control;

import io.fincopilot.ingestion.entity.Block;
import io.fincopilot.ingestion.entity.DocumentType;
import io.fincopilot.ingestion.entity.ExtractedDocument;
import io.fincopilot.ingestion.entity.IngestionFailure;
import io.fincopilot.ingestion.entity.IngestionFailure.Code;
import io.fincopilot.ingestion.entity.Page;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.io.IOUtils;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.encryption.InvalidPasswordException;

/**
 * PDF text per page with PDFBox 3. The upload is spooled to a temporary file and opened from there,
 * so a large PDF is never held on the heap whole, and PDFBox's scratch buffers go to temporary files
 * too. Refused, each with its own code: unreadable files, password-protected ones, documents without
 * pages or with more pages than the plan allows, pages whose content inflates past the budget
 * ({@link ContentStreamBudget}), and documents with no text layer at all (scans: OCR is not offered).
 */
public final class PdfExtractor implements Extractor {

    @Override
    public ExtractedDocument extract(InputStream content, ExtractionLimits limits) throws IOException {
        Path spool = Files.createTempFile("fincopilot-ingest-", ".pdf");
        try {
            Files.copy(content, spool, StandardCopyOption.REPLACE_EXISTING);
            try (PDDocument document = open(spool)) {
                return read(document, limits);
            }
        } finally {
            Files.deleteIfExists(spool);
        }
    }

    private static PDDocument open(Path file) {
        try {
            return Loader.loadPDF(file.toFile(), "", null, null, IOUtils.createTempFileOnlyStreamCache());
        } catch (InvalidPasswordException e) {
            throw new IngestionFailure(Code.ENCRYPTED, "the PDF is protected by a password; upload a copy without one", e);
        } catch (IOException e) {
            throw new IngestionFailure(Code.CORRUPT, "the file is not a readable PDF (" + e.getMessage() + ")", e);
        }
    }

    private static ExtractedDocument read(PDDocument document, ExtractionLimits limits) throws IOException {
        int pageCount = document.getNumberOfPages();
        if (pageCount == 0) {
            throw new IngestionFailure(Code.NO_PAGES, "the PDF has no pages");
        }
        if (pageCount > limits.maxPages()) {
            throw tooManyPages(pageCount, limits.maxPages());
        }
        ContentStreamBudget budget = new ContentStreamBudget(limits);
        PdfLineStripper stripper = new PdfLineStripper();
        List<Page> pages = new ArrayList<>(pageCount);
        List<Integer> blank = new ArrayList<>();
        for (int number = 1; number <= pageCount; number++) {
            budget.spend(document.getPage(number - 1), number);
            List<Block> blocks = PdfBlocks.of(stripper.lines(document, number));
            Page page = new Page(number, blocks);
            if (!page.hasText()) {
                blank.add(number);
            }
            pages.add(page);
        }
        if (blank.size() == pageCount) {
            throw new IngestionFailure(Code.NO_TEXT, "no extractable text: scanned images are not supported yet");
        }
        List<String> notes = blank.isEmpty() ? List.of()
                : List.of((blank.size() == 1 ? "page " : "pages ") + join(blank) + " had no text layer and contributed nothing");
        return new ExtractedDocument(DocumentType.PDF, pages, notes);
    }

    static IngestionFailure tooManyPages(int pages, int allowed) {
        return new IngestionFailure(Code.TOO_MANY_PAGES, "the document has " + pages + " pages; your plan allows " + allowed);
    }

    private static String join(List<Integer> numbers) {
        return numbers.size() <= 10 ? numbers.toString().replaceAll("[\\[\\]]", "")
                : numbers.subList(0, 10).toString().replaceAll("[\\[\\]]", "") + " and " + (numbers.size() - 10) + " more";
    }
}
