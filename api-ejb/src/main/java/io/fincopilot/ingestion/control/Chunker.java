package io.fincopilot.ingestion.control;

import io.fincopilot.ingestion.entity.Block;
import io.fincopilot.ingestion.entity.Chunk;
import io.fincopilot.ingestion.entity.ExtractedDocument;
import io.fincopilot.ingestion.entity.Heading;
import io.fincopilot.ingestion.entity.Page;
import io.fincopilot.ingestion.entity.TableRow;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Cuts a document into chunks that fit the model, counted by the model's own tokenizer: the
 * embedded text (heading, table header line, passage) of every chunk is at most {@code budget}
 * tokens. Blocks are packed in reading order; a chunk never crosses a page, a heading, or the edge
 * of a table, so each chunk has one page to cite, one section and at most one table header. A block
 * too long for one chunk is cut at sentence ends, and a sentence too long at word boundaries. Blank
 * text makes no chunk.
 */
public final class Chunker {

    private final ModelTokenizer tokenizer;
    private final int budget;

    /** With the model's default budget (256 tokens for bge-small, 128 for all-MiniLM). */
    public Chunker(ModelTokenizer tokenizer) {
        this(tokenizer, tokenizer.model().defaultChunkTokens());
    }

    public Chunker(ModelTokenizer tokenizer, int budget) {
        if (budget < 16 || budget > tokenizer.model().maxTokens()) {
            throw new IllegalArgumentException("a chunk budget of " + budget + " tokens does not fit " + tokenizer.model().modelName()
                    + " (16 to " + tokenizer.model().maxTokens() + ")");
        }
        this.tokenizer = tokenizer;
        this.budget = budget;
    }

    public int budget() {
        return budget;
    }

    /**
     * Pages are cut side by side (the parallel common pool: tokenizing is most of ingestion's work
     * before embedding), each starting under the last heading of the pages before it; the chunks
     * come out in page order.
     */
    public List<Chunk> chunk(ExtractedDocument document) {
        List<Page> pages = document.pages();
        String[] headingAtStart = new String[pages.size()];
        String heading = null;
        for (int i = 0; i < pages.size(); i++) {
            headingAtStart[i] = heading;
            for (Block block : pages.get(i).blocks()) {
                if (block instanceof Heading h && !h.text().isBlank()) {
                    heading = h.text();
                }
            }
        }
        List<List<Chunk>> perPage = java.util.stream.IntStream.range(0, pages.size()).parallel()
                .mapToObj(i -> chunk(pages.get(i), headingAtStart[i])).toList();
        List<Chunk> chunks = new ArrayList<>();
        perPage.forEach(chunks::addAll);
        return chunks;
    }

    private List<Chunk> chunk(Page page, String startHeading) {
        List<Chunk> chunks = new ArrayList<>();
        String heading = startHeading;
        Packer packer = new Packer(page.number(), heading, null, chunks);
        for (Block block : page.blocks()) {
            if (block instanceof Heading h) {
                packer.flush();
                heading = h.text().isBlank() ? heading : h.text();
                packer = new Packer(page.number(), heading, null, chunks);
                continue;
            }
            String tableHeader = block instanceof TableRow row && !row.header().isBlank() ? row.header() : null;
            if (!Objects.equals(tableHeader, packer.tableHeader)) {
                packer.flush();
                packer = new Packer(page.number(), heading, tableHeader, chunks);
            }
            if (!block.text().isBlank()) {
                packer.add(block.text().strip());
            }
        }
        packer.flush();
        return chunks;
    }

    /** Packs the passages of one page, section and table into chunks. */
    private final class Packer {
        private final int page;
        private final String heading;
        private final String tableHeader;
        private final String prefix;
        private final List<Chunk> out;
        private final StringBuilder text = new StringBuilder();
        private int tokens;

        Packer(int page, String heading, String tableHeader, List<Chunk> out) {
            this.page = page;
            this.heading = heading;
            this.tableHeader = tableHeader;
            this.out = out;
            String full = (heading == null ? "" : heading + "\n") + (tableHeader == null ? "" : tableHeader + "\n");
            // A prefix that would crowd out the passage is kept in the chunk's fields but not embedded.
            this.prefix = full.isBlank() || tokenizer.count(full) > budget / 2 ? "" : full;
        }

        void add(String passage) {
            String candidate = text.isEmpty() ? passage : text + "\n" + passage;
            int count = tokenizer.count(prefix + candidate);
            if (count <= budget) {
                text.setLength(0);
                text.append(candidate);
                tokens = count;
                return;
            }
            flush();
            if (tokenizer.count(prefix + passage) <= budget) {
                add(passage);
                return;
            }
            for (String piece : split(passage)) {
                add(piece);
            }
        }

        /** Sentences if the passage has several, else words, else halves of an unbroken string. */
        private List<String> split(String passage) {
            String[] sentences = passage.split("(?<=[.!?;:])\\s+");
            if (sentences.length > 1) {
                return List.of(sentences);
            }
            String[] words = passage.split("\\s+");
            if (words.length > 1) {
                int half = words.length / 2;
                return List.of(String.join(" ", List.of(words).subList(0, half)), String.join(" ", List.of(words).subList(half, words.length)));
            }
            int half = passage.length() / 2;
            return List.of(passage.substring(0, half), passage.substring(half));
        }

        void flush() {
            if (!text.isEmpty()) {
                String body = text.toString();
                out.add(new Chunk(page, heading, tableHeader, body, prefix + body, tokens));
                text.setLength(0);
            }
        }
    }
}
