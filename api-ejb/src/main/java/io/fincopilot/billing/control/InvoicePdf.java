package io.fincopilot.billing.control;

import io.fincopilot.billing.entity.Invoice;
import io.fincopilot.billing.entity.InvoiceDraft;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Calendar;
import java.util.GregorianCalendar;
import java.util.List;
import java.util.TimeZone;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;

/**
 * An invoice as a PDF (PDFBox, A4, the standard Helvetica fonts): issuer, customer, number, period,
 * issue date, every line with quantity, unit price and amount, then subtotal, tax and total. Text
 * the standard fonts cannot show is replaced by '?', never dropped silently.
 */
public final class InvoicePdf {

    private static final float MARGIN = 50;
    private static final float LINE = 14;
    private static final float[] COLUMNS = {MARGIN, 330, 400, 455, 515};

    private InvoicePdf() {
    }

    public static byte[] render(Invoice invoice, String organization) {
        try (PDDocument pdf = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            PDFont regular = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
            PDFont bold = new PDType1Font(Standard14Fonts.FontName.HELVETICA_BOLD);
            PDDocumentInformation info = pdf.getDocumentInformation();
            String title = (invoice.kind() == Invoice.Kind.INVOICE ? "Invoice " : "Credit note ") + invoice.number();
            info.setTitle(title);
            info.setCreator("FinCopilot");
            Calendar issued = new GregorianCalendar(TimeZone.getTimeZone("UTC"));
            issued.setTimeInMillis(invoice.issuedAt().toEpochMilli());
            info.setCreationDate(issued);
            Writer writer = new Writer(pdf);
            writer.text(bold, 16, MARGIN, title);
            writer.next(LINE * 1.5f);
            writer.text(regular, 10, MARGIN, "From: FinCopilot");
            writer.next(LINE);
            writer.text(regular, 10, MARGIN, "To: " + organization);
            writer.next(LINE);
            writer.text(regular, 10, MARGIN, "Period: " + invoice.period() + "    Issued: " + invoice.issuedAt()
                    + "    Currency: " + invoice.currency());
            if (invoice.corrects() != null) {
                writer.next(LINE);
                writer.text(regular, 10, MARGIN, "Corrects invoice " + invoice.corrects() + ": " + invoice.reason());
            }
            writer.next(LINE * 2);
            String[] header = {"Description", "Quantity", "Unit", "Unit price", "Amount"};
            for (int i = 0; i < header.length; i++) {
                writer.text(bold, 9, COLUMNS[i], header[i]);
            }
            writer.next(LINE);
            for (InvoiceDraft.Line line : invoice.lines()) {
                List<String> wrapped = wrap(line.description(), regular, 9, COLUMNS[1] - MARGIN - 10);
                writer.text(regular, 9, COLUMNS[0], wrapped.get(0));
                writer.text(regular, 9, COLUMNS[1], line.quantity().stripTrailingZeros().toPlainString());
                writer.text(regular, 9, COLUMNS[2], line.unit());
                writer.text(regular, 9, COLUMNS[3], line.unitPrice().stripTrailingZeros().toPlainString());
                writer.text(regular, 9, COLUMNS[4], line.amount().toPlainString());
                for (String more : wrapped.subList(1, wrapped.size())) {
                    writer.next(LINE);
                    writer.text(regular, 9, COLUMNS[0], more);
                }
                writer.next(LINE);
            }
            writer.next(LINE / 2);
            String rate = invoice.taxRate().movePointRight(2).stripTrailingZeros().toPlainString();
            for (String[] total : new String[][] {{"Subtotal", invoice.subtotal().toPlainString()},
                    {"Tax at " + rate + "%", invoice.tax().toPlainString()},
                    {"Total " + invoice.currency(), invoice.total().toPlainString()}}) {
                writer.text(total[0].startsWith("Total") ? bold : regular, 10, COLUMNS[3], total[0]);
                writer.text(total[0].startsWith("Total") ? bold : regular, 10, COLUMNS[4], total[1]);
                writer.next(LINE);
            }
            writer.close();
            pdf.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Words onto lines no wider than {@code width}. */
    static List<String> wrap(String text, PDFont font, float size, float width) throws IOException {
        List<String> lines = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        for (String word : printable(text).split(" ")) {
            String candidate = line.isEmpty() ? word : line + " " + word;
            if (!line.isEmpty() && font.getStringWidth(candidate) / 1000 * size > width) {
                lines.add(line.toString());
                line = new StringBuilder(word);
            } else {
                line = new StringBuilder(candidate);
            }
        }
        lines.add(line.toString());
        return lines;
    }

    /** What Helvetica's WinAnsi encoding can show; anything else becomes '?'. */
    static String printable(String text) {
        StringBuilder out = new StringBuilder();
        text.codePoints().forEach(c -> out.append(c >= 0x20 && c < 0x7f || c >= 0xa0 && c <= 0xff ? (char) c : '?'));
        return out.toString();
    }

    /** Writes top to bottom, starting a new page when one is full. */
    private static final class Writer {
        private final PDDocument pdf;
        private PDPageContentStream stream;
        private float y;

        Writer(PDDocument pdf) throws IOException {
            this.pdf = pdf;
            page();
        }

        private void page() throws IOException {
            if (stream != null) {
                stream.close();
            }
            PDPage page = new PDPage(PDRectangle.A4);
            pdf.addPage(page);
            stream = new PDPageContentStream(pdf, page);
            y = PDRectangle.A4.getHeight() - MARGIN;
        }

        void text(PDFont font, float size, float x, String text) throws IOException {
            stream.beginText();
            stream.setFont(font, size);
            stream.newLineAtOffset(x, y);
            stream.showText(printable(text));
            stream.endText();
        }

        void next(float by) throws IOException {
            y -= by;
            if (y < MARGIN) {
                page();
            }
        }

        void close() throws IOException {
            stream.close();
        }
    }
}
