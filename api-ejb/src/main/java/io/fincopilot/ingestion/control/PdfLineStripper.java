package io.fincopilot.ingestion.control;

import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDFontDescriptor;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.text.TextPosition;

/**
 * PDFBox's text stripper (sorted by position, so table columns stay on their row) that keeps lines
 * with their font size and weight instead of writing plain text. Not thread-safe: one per extraction.
 */
final class PdfLineStripper extends PDFTextStripper {

    private final List<PdfLine> lines = new ArrayList<>();
    private final StringBuilder text = new StringBuilder();
    private float fontSize;
    private int characters;
    private int boldCharacters;
    private boolean paragraphStart = true;

    PdfLineStripper() {
        setSortByPosition(true);
        setSuppressDuplicateOverlappingText(true);
    }

    /** The lines of one page, 1-based. */
    List<PdfLine> lines(PDDocument document, int pageNumber) throws IOException {
        lines.clear();
        paragraphStart = true;
        setStartPage(pageNumber);
        setEndPage(pageNumber);
        writeText(document, Writer.nullWriter());
        endLine();
        return List.copyOf(lines);
    }

    @Override
    protected void writeString(String string, List<TextPosition> positions) {
        text.append(string);
        for (TextPosition position : positions) {
            fontSize = Math.max(fontSize, position.getFontSizeInPt());
            characters++;
            if (isBold(position.getFont())) {
                boldCharacters++;
            }
        }
    }

    @Override
    protected void writeWordSeparator() {
        text.append(' ');
    }

    @Override
    protected void writeLineSeparator() {
        endLine();
    }

    @Override
    protected void writeParagraphStart() {
        endLine();
        paragraphStart = true;
    }

    @Override
    protected void writeParagraphEnd() {
        endLine();
        paragraphStart = true;
    }

    @Override
    protected void writePageStart() {
    }

    @Override
    protected void writePageEnd() {
        endLine();
    }

    private void endLine() {
        String line = text.toString().strip().replaceAll("\\s+", " ");
        if (!line.isEmpty()) {
            lines.add(new PdfLine(line, fontSize, boldCharacters * 2 > characters, paragraphStart, characters));
            paragraphStart = false;
        }
        text.setLength(0);
        fontSize = 0;
        characters = 0;
        boldCharacters = 0;
    }

    private static boolean isBold(PDFont font) {
        if (font == null) {
            return false;
        }
        PDFontDescriptor descriptor = font.getFontDescriptor();
        if (descriptor != null && (descriptor.isForceBold() || descriptor.getFontWeight() >= 700)) {
            return true;
        }
        String name = font.getName();
        return name != null && (name.contains("Bold") || name.contains("Black") || name.contains("Heavy"));
    }
}
