package io.fincopilot.ingestion.entity;

import java.util.List;

/** A page and its blocks in reading order. {@code number} is 1-based, as printed citations say it. */
public record Page(int number, List<Block> blocks) {

    public Page {
        if (number < 1) {
            throw new IllegalArgumentException("page numbers start at 1: " + number);
        }
        blocks = List.copyOf(blocks);
    }

    public boolean hasText() {
        return blocks.stream().anyMatch(b -> !b.text().isBlank());
    }

    /** The page's text, blocks separated by blank lines (for tests, previews and full-text search). */
    public String text() {
        StringBuilder text = new StringBuilder();
        for (Block block : blocks) {
            if (block instanceof TableRow row && !row.header().isEmpty()) {
                text.append(row.header()).append(" | ");
            }
            text.append(block.text()).append("\n\n");
        }
        return text.toString().strip();
    }
}
