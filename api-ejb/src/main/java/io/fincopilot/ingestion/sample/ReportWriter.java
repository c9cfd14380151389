package io.fincopilot.ingestion.sample;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSString;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts.FontName;

/**
 * Lays out text on Letter pages with the standard 14 fonts (never embedded, so the bytes depend on
 * nothing but the input): wrapped paragraphs, headings, and tables whose figures are right-aligned
 * in their columns, the way financial statements are set. Tracks the page being written so facts
 * can record where they were printed. Public for the generated filings of the evaluation corpus
 * (test code), which lay out cover pages and wider tables with the same primitives.
 */
public final class ReportWriter {

    public static final float LEFT = 72;
    public static final float RIGHT = 540;
    private static final float TOP = 720;
    private static final float BOTTOM = 84;
    private static final float BODY = 10;
    private static final float LEADING = 14;

    private final PDDocument document = new PDDocument();
    private final PDType1Font regular = new PDType1Font(FontName.HELVETICA);
    private final PDType1Font bold = new PDType1Font(FontName.HELVETICA_BOLD);
    private final PDType1Font dingbats = new PDType1Font(FontName.ZAPF_DINGBATS);
    private final String footer;
    private float columnWidth = 110;
    private PDPageContentStream content;
    private int page;
    private float y;

    public ReportWriter(String footer) {
        this.footer = footer;
    }

    public int page() {
        return page;
    }

    public void newPage() {
        try {
            endPage();
            PDPage pdPage = new PDPage(PDRectangle.LETTER);
            document.addPage(pdPage);
            content = new PDPageContentStream(document, pdPage);
            page++;
            y = TOP;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public void centered(String text, float size, boolean isBold) {
        PDType1Font font = isBold ? bold : regular;
        float x = (PDRectangle.LETTER.getWidth() - width(text, font, size)) / 2;
        draw(text, font, size, x, y);
        y -= size * 1.6f;
    }

    public void space(float points) {
        y -= points;
    }

    public void title(String text) {
        draw(text, bold, 18, LEFT, y);
        y -= 30;
    }

    public void heading(String text) {
        y -= 4;
        draw(text, bold, 13, LEFT, y);
        y -= 22;
    }

    /** Draws the paragraph if it fits on the rest of the page; answers whether it did. */
    public boolean paragraph(String text) {
        List<String> lines = wrap(text, RIGHT - LEFT);
        if (y - lines.size() * LEADING < BOTTOM) {
            return false;
        }
        for (String line : lines) {
            draw(line, regular, BODY, LEFT, y);
            y -= LEADING;
        }
        y -= LEADING * 0.8f;
        return true;
    }

    /** Paragraphs until the page is full (the one that does not fit is dropped, not carried over). */
    public void fill(Supplier<String> paragraphs) {
        while (paragraph(paragraphs.get())) {
            // keeps going until a paragraph does not fit
        }
    }

    public void tableHeader(String label, String... columns) {
        row(label, bold, columns);
        y -= 4;
    }

    public void tableRow(String label, String... values) {
        row(label, regular, values);
    }

    /** A row in bold without the gap below that {@link #tableHeader} leaves (the upper lines of a header of several lines). */
    public void boldRow(String label, String... cells) {
        row(label, bold, cells);
    }

    /** The distance between the right edges of value columns (110 points unless set; narrower for four or more columns). */
    public void columnWidth(float width) {
        columnWidth = width;
    }

    /** Whether {@code points} of height are left above the bottom margin. */
    public boolean fits(float points) {
        return y - points >= BOTTOM;
    }

    /** Text at {@code x} on the current line; the line does not advance (use {@link #space}). */
    public void at(float x, String text, float size, boolean isBold) {
        draw(text, isBold ? bold : regular, size, x, y);
    }

    /** A ZapfDingbats glyph (a check mark or box, as filings print them) at {@code x} on the current line. */
    public void glyph(float x, String glyph, float size) {
        draw(glyph, dingbats, size, x, y);
    }

    /** Empty cells are skipped, so a column can be left blank. */
    private void row(String label, PDType1Font font, String... cells) {
        if (!label.isEmpty()) {
            draw(label, font, BODY, LEFT, y);
        }
        float right = RIGHT;
        for (int i = cells.length - 1; i >= 0; i--) {
            if (!cells[i].isEmpty()) {
                draw(cells[i], font, BODY, right - width(cells[i], font, BODY), y);
            }
            right -= columnWidth;
        }
        y -= LEADING;
    }

    /** The finished PDF; {@code id} fixes the trailer's /ID, which PDFBox would otherwise derive from the clock. */
    public byte[] finish(byte[] id) {
        try {
            endPage();
            COSArray ids = new COSArray();
            ids.add(new COSString(id));
            ids.add(new COSString(id));
            document.getDocument().getTrailer().setItem(COSName.ID, ids);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            document.save(out);
            document.close();
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void endPage() throws IOException {
        if (content != null) {
            draw(footer, regular, 8, LEFT, 48);
            String number = "Page " + page;
            draw(number, regular, 8, RIGHT - width(number, regular, 8), 48);
            content.close();
            content = null;
        }
    }

    private List<String> wrap(String text, float width) {
        List<String> lines = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        for (String word : text.split(" ")) {
            String candidate = line.isEmpty() ? word : line + " " + word;
            if (width(candidate, regular, BODY) > width && !line.isEmpty()) {
                lines.add(line.toString());
                line.setLength(0);
                line.append(word);
            } else {
                line.setLength(0);
                line.append(candidate);
            }
        }
        if (!line.isEmpty()) {
            lines.add(line.toString());
        }
        return lines;
    }

    private void draw(String text, PDType1Font font, float size, float x, float atY) {
        try {
            content.beginText();
            content.setFont(font, size);
            content.newLineAtOffset(x, atY);
            content.showText(text);
            content.endText();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static float width(String text, PDType1Font font, float size) {
        try {
            return font.getStringWidth(text) / 1000 * size;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
