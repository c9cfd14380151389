package io.fincopilot.ingestion.control;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.fincopilot.ingestion.entity.ExtractedDocument;
import io.fincopilot.ingestion.entity.Heading;
import io.fincopilot.ingestion.entity.IngestionFailure;
import io.fincopilot.ingestion.entity.IngestionFailure.Code;
import io.fincopilot.ingestion.entity.Paragraph;
import io.fincopilot.ingestion.entity.TableRow;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.Test;

class HtmlExtractorTest {

    private ExtractedDocument extract(String html) throws IOException {
        return new HtmlExtractor().extract(new ByteArrayInputStream(html.getBytes(UTF_8)), ExtractionLimits.pages(10));
    }

    @Test
    void headingsParagraphsAndTablesInOrderScriptsDropped() throws IOException {
        ExtractedDocument document = extract("""
                <html><head><title>Q3</title><style>p{color:red}</style></head><body>
                <script>var revenue = 1;</script>
                <h1>Quarterly results</h1>
                <div>Loose text in a div.<p>Revenue grew <b>12%</b> in Q3 2025.</p></div>
                <ul><li><p>Margins held.</p></li></ul>
                <h2>Figures</h2>
                <table><thead><tr><th>Metric</th><th>2025</th><th>2024</th></tr></thead>
                <tbody><tr><td>Revenue</td><td>1,204</td><td>1,087</td></tr><tr><td>Capex</td><td></td><td>88</td></tr></tbody></table>
                <noscript>Enable JavaScript</noscript>
                </body></html>""");
        assertEquals(1, document.pageCount());
        assertEquals(List.of(
                new Heading(1, "Quarterly results"),
                new Paragraph("Loose text in a div."),
                new Paragraph("Revenue grew 12% in Q3 2025."),
                new Paragraph("Margins held."),
                new Heading(2, "Figures"),
                new TableRow("Metric | 2025 | 2024", "Metric: Revenue; 2025: 1,204; 2024: 1,087"),
                new TableRow("Metric | 2025 | 2024", "Metric: Capex; 2024: 88")), document.pages().get(0).blocks());
    }

    @Test
    void aTableWithoutThUsesItsFirstRow() throws IOException {
        ExtractedDocument document = extract("<table><tr><td>Year</td><td>Revenue</td></tr><tr><td>2025</td><td>10</td></tr></table>");
        assertEquals(List.of(new TableRow("Year | Revenue", "Year: 2025; Revenue: 10")), document.pages().get(0).blocks());
    }

    @Test
    void aPageOfScriptsOnlyHasNoText() {
        IngestionFailure failure = assertThrows(IngestionFailure.class,
                () -> extract("<html><head><script>a()</script></head><body><script>b()</script><style>x{}</style></body></html>"));
        assertEquals(Code.NO_TEXT, failure.code());
    }
}
