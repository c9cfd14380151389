package io.fincopilot.billing.control;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fincopilot.billing.entity.Invoice;
import io.fincopilot.billing.entity.InvoiceDraft;
import io.fincopilot.billing.entity.UsagePeriod;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;

class InvoicePdfTest {

    @Test
    void thePdfShowsWhoWhatAndEveryLineAndTotal() throws Exception {
        UsagePeriod period = new UsagePeriod(YearMonth.of(2026, 2));
        var plan = InvoiceCalculatorTest.plan("pro", "299", "USD", true);
        List<InvoiceCalculator.Segment> segments = new ArrayList<>();
        segments.add(new InvoiceCalculator.Segment(plan, period.firstDay(), period.firstDay().plusMonths(1), 1250, 80,
                BigInteger.ZERO));
        InvoiceDraft draft = InvoiceCalculator.compute(period, segments, new BigDecimal("0.2")).get(0);
        Invoice invoice = new Invoice(UUID.randomUUID(), UUID.randomUUID(), period, Invoice.Kind.INVOICE, "FC-202602-000042",
                "USD", draft.subtotal(), draft.taxRate(), draft.tax(), draft.total(), null, null,
                Instant.parse("2026-03-01T00:30:00Z"), draft.csvSha256(), draft.lines());
        byte[] pdf = InvoicePdf.render(invoice, "Ŝtar Bank \u2603 plc");
        try (PDDocument document = Loader.loadPDF(pdf)) {
            String text = new PDFTextStripper().getText(document);
            for (String expected : new String[] {"Invoice FC-202602-000042", "To: ?tar Bank ? plc", "Period: 2026-02",
                    "Pages ingested over the included 1000", "12.50", "Subtotal", "311.50", "Tax at 20%", "62.30",
                    "Total USD", "373.80"}) {
                assertTrue(text.contains(expected), expected + " in:\n" + text);
            }
        }
    }
}
