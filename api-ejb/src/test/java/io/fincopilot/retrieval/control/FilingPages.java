package io.fincopilot.retrieval.control;

import io.fincopilot.ingestion.entity.Block;
import io.fincopilot.ingestion.entity.Heading;
import io.fincopilot.ingestion.entity.Page;
import io.fincopilot.ingestion.entity.Paragraph;
import io.fincopilot.ingestion.entity.TableRow;
import java.util.ArrayList;
import java.util.List;

/**
 * Pages shaped like what extraction returns for real filings, written by hand: a line starting with
 * "# " is a heading, one with " | " a table row (header | row), anything else a paragraph.
 */
final class FilingPages {

    private FilingPages() {
    }

    /** {@code lines}: strings, or arrays of them (from {@link #rows}). */
    static Page page(int number, Object... lines) {
        List<String> flat = new ArrayList<>();
        for (Object line : lines) {
            if (line instanceof String[] many) {
                flat.addAll(List.of(many));
            } else {
                flat.add((String) line);
            }
        }
        List<Block> blocks = new ArrayList<>();
        for (String line : flat) {
            if (line.startsWith("# ")) {
                blocks.add(new Heading(1, line.substring(2)));
            } else if (line.contains(" | ")) {
                blocks.add(new TableRow(line.substring(0, line.indexOf(" | ")), line.substring(line.indexOf(" | ") + 3)));
            } else {
                blocks.add(new Paragraph(line));
            }
        }
        return new Page(number, blocks);
    }

    /** Table rows under one header. */
    static String[] rows(String header, String... rows) {
        String[] lines = new String[rows.length];
        for (int i = 0; i < rows.length; i++) {
            lines[i] = header + " | " + rows[i];
        }
        return lines;
    }

    static String[] concat(String[]... parts) {
        List<String> all = new ArrayList<>();
        for (String[] part : parts) {
            all.addAll(List.of(part));
        }
        return all.toArray(String[]::new);
    }
}
