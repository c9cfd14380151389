package io.fincopilot.ingestion.control;

import io.fincopilot.ingestion.entity.Block;
import io.fincopilot.ingestion.entity.DocumentType;
import io.fincopilot.ingestion.entity.ExtractedDocument;
import io.fincopilot.ingestion.entity.Heading;
import io.fincopilot.ingestion.entity.IngestionFailure;
import io.fincopilot.ingestion.entity.IngestionFailure.Code;
import io.fincopilot.ingestion.entity.Page;
import io.fincopilot.ingestion.entity.Paragraph;
import io.fincopilot.ingestion.entity.TableRow;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.select.Elements;

/**
 * HTML with jsoup, as one logical page (HTML has no pages to cite). Headings h1-h6, paragraph-like
 * elements and tables become blocks in document order; a table's header line is its {@code th}
 * cells, else its first row. Scripts, styles and other non-content elements are dropped first, so
 * a page of scripts alone has no text.
 */
public final class HtmlExtractor implements Extractor {

    private static final String DROPPED = "script, style, noscript, template, iframe, object, embed, svg, canvas, head";
    private static final String BLOCKS = "h1, h2, h3, h4, h5, h6, p, li, dt, dd, blockquote, pre, figcaption, caption, table";
    private static final Set<String> CONTAINERS = Set.of("body", "div", "section", "article", "main", "header", "footer", "aside", "td", "th");

    @Override
    public ExtractedDocument extract(InputStream content, ExtractionLimits limits) throws IOException {
        Document document = Jsoup.parse(content, null, "");
        document.select(DROPPED).remove();
        List<Block> blocks = new ArrayList<>();
        for (Element element : document.body().select(BLOCKS + ", " + String.join(", ", CONTAINERS))) {
            if (element.parents().stream().anyMatch(p -> p.is("table") || (p.is(BLOCKS) && !element.is("table")))) {
                continue;
            }
            add(element, blocks);
        }
        if (blocks.stream().allMatch(b -> b.text().isBlank())) {
            throw new IngestionFailure(Code.NO_TEXT, "no extractable text: the page holds no text outside scripts and styles");
        }
        return new ExtractedDocument(DocumentType.HTML, List.of(new Page(1, blocks)), List.of());
    }

    private static void add(Element element, List<Block> blocks) {
        String tag = element.normalName();
        if (tag.equals("table")) {
            table(element, blocks);
        } else if (tag.matches("h[1-6]")) {
            addIfText(new Heading(tag.charAt(1) - '0', element.text()), blocks);
        } else if (CONTAINERS.contains(tag)) {
            addIfText(new Paragraph(element.ownText().strip()), blocks);
        } else {
            addIfText(new Paragraph(element.text()), blocks);
        }
    }

    private static void table(Element table, List<Block> blocks) {
        Elements rows = table.select("tr");
        if (rows.isEmpty()) {
            return;
        }
        Element headerRow = rows.stream().filter(r -> !r.select("> th").isEmpty()).findFirst().orElse(rows.first());
        List<String> header = headerRow.select("> th, > td").stream().map(Element::text).toList();
        String headerLine = String.join(" | ", header);
        for (Element row : rows) {
            if (row == headerRow) {
                continue;
            }
            List<String> cells = row.select("> th, > td").stream().map(Element::text).toList();
            StringBuilder text = new StringBuilder();
            for (int i = 0; i < cells.size(); i++) {
                if (cells.get(i).isEmpty()) {
                    continue;
                }
                String name = i < header.size() && !header.get(i).isEmpty() ? header.get(i) : "column " + (i + 1);
                text.append(text.isEmpty() ? "" : "; ").append(name).append(": ").append(cells.get(i));
            }
            addIfText(new TableRow(headerLine, text.toString()), blocks);
        }
    }

    private static void addIfText(Block block, List<Block> blocks) {
        if (!block.text().isBlank()) {
            blocks.add(block);
        }
    }
}
