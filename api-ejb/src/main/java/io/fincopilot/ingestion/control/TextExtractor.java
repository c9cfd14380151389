package io.fincopilot.ingestion.control;

import io.fincopilot.ingestion.entity.Block;
import io.fincopilot.ingestion.entity.DocumentType;
import io.fincopilot.ingestion.entity.ExtractedDocument;
import io.fincopilot.ingestion.entity.IngestionFailure;
import io.fincopilot.ingestion.entity.IngestionFailure.Code;
import io.fincopilot.ingestion.entity.Page;
import io.fincopilot.ingestion.entity.Paragraph;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;

/**
 * Plain text as UTF-8 (invalid bytes replaced and counted). Paragraphs are separated by blank lines;
 * a form feed starts a new page, as printers and {@code pdftotext} output mark them, so page
 * citations still mean something for text exports of paginated documents.
 */
public final class TextExtractor implements Extractor {

    @Override
    public ExtractedDocument extract(InputStream content, ExtractionLimits limits) {
        Utf8Text.Decoded decoded;
        try {
            decoded = Utf8Text.decode(content);
        } catch (IOException e) {
            throw new IngestionFailure(Code.CORRUPT, "the text could not be read: " + e.getMessage(), e);
        }
        String[] sheets = decoded.text().replace("\r\n", "\n").replace('\r', '\n').split("\f", -1);
        if (sheets.length > 1 && sheets[sheets.length - 1].isBlank()) {
            // A form feed ends the page before it; nothing after the last one is a page of its own.
            sheets = java.util.Arrays.copyOf(sheets, sheets.length - 1);
        }
        if (sheets.length > limits.maxPages()) {
            throw PdfExtractor.tooManyPages(sheets.length, limits.maxPages());
        }
        List<Page> pages = new ArrayList<>();
        for (int i = 0; i < sheets.length; i++) {
            pages.add(new Page(i + 1, paragraphs(sheets[i])));
        }
        if (pages.stream().noneMatch(Page::hasText)) {
            throw new IngestionFailure(Code.NO_TEXT, "no extractable text: the file holds only blank space");
        }
        String note = Utf8Text.note(decoded);
        return new ExtractedDocument(DocumentType.TEXT, pages, note == null ? List.of() : List.of(note));
    }

    private static List<Block> paragraphs(String sheet) {
        List<Block> blocks = new ArrayList<>();
        for (String paragraph : sheet.split("\n[ \t]*\n")) {
            String text = paragraph.strip().replaceAll("\\s*\n\\s*", " ");
            if (!text.isEmpty()) {
                blocks.add(new Paragraph(text));
            }
        }
        return blocks;
    }
}
