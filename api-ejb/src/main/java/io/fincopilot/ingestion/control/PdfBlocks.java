package io.fincopilot.ingestion.control;

import io.fincopilot.ingestion.entity.Block;
import io.fincopilot.ingestion.entity.Heading;
import io.fincopilot.ingestion.entity.Paragraph;
import io.fincopilot.ingestion.entity.TableRow;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Turns a page's lines into blocks, with three deliberately simple rules:
 * <ul>
 * <li>a <b>table header</b> is a line naming two or more years and no other figure of more than
 * two digits ("(in thousands, as of December 31) 2025 2024"); a <b>table row</b> is a line ending in two or more figures while such a
 * header is in force on the page, or a short label line inside the table ("Current assets:");
 * a heading ends the table;</li>
 * <li>a <b>heading</b> is a short line set larger than the page's body text (or bold at body
 * size) that does not end like a sentence, or a short Title-Case line without a final period or
 * figure standing alone as its own paragraph;</li>
 * <li>everything else is a <b>paragraph</b>, lines joined until the stripper sees a paragraph
 * break.</li>
 * </ul>
 * The body size is the font size that carries most characters on the page.
 */
final class PdfBlocks {

    private static final Pattern YEAR = Pattern.compile("(?:FY|Fiscal\\s)?(?:19|20)\\d{2}");
    private static final Pattern FIGURE = Pattern.compile("[($]*-?\\$?\\d[\\d,]*(?:\\.\\d+)?\\)?%?|[\u2014\u2013-]");
    private static final Pattern SMALL_WORDS = Pattern.compile("(?i)a|an|and|as|at|by|for|in|of|on|or|the|to|with|vs\\.?|&");

    private PdfBlocks() {
    }

    static List<Block> of(List<PdfLine> lines) {
        float body = bodySize(lines);
        List<Block> blocks = new ArrayList<>();
        StringBuilder paragraph = new StringBuilder();
        String tableHeader = null;
        for (int i = 0; i < lines.size(); i++) {
            PdfLine line = lines.get(i);
            String text = line.text();
            boolean alone = line.startsParagraph() && (i + 1 == lines.size() || lines.get(i + 1).startsParagraph());
            if (isTableHeader(text)) {
                flush(paragraph, blocks);
                tableHeader = text;
            } else if (tableHeader != null && figuresAtEnd(text) >= 2) {
                flush(paragraph, blocks);
                blocks.add(new TableRow(tableHeader, text));
            } else if (isEmphasised(line, body) && isDisplayed(line, body)) {
                flush(paragraph, blocks);
                tableHeader = null;
                blocks.add(new Heading(line.fontSize() >= body * 1.5f ? 1 : 2, text));
            } else if (tableHeader != null && text.length() <= 60 && !text.endsWith(".")) {
                blocks.add(new TableRow(tableHeader, text));
            } else if (isHeading(line) && alone && isTitleCase(text)) {
                flush(paragraph, blocks);
                tableHeader = null;
                blocks.add(new Heading(2, text));
            } else {
                if (line.startsParagraph()) {
                    flush(paragraph, blocks);
                }
                join(paragraph, text);
            }
        }
        flush(paragraph, blocks);
        return blocks;
    }

    private static boolean isTableHeader(String text) {
        String[] tokens = text.split(" ");
        int years = 0;
        for (int i = 0; i < tokens.length; i++) {
            String token = tokens[i];
            if (i + 1 < tokens.length && YEAR.matcher(token + " " + tokens[i + 1]).matches()) {
                years++;
                i++;
            } else if (YEAR.matcher(token).matches()) {
                years++;
            } else if (FIGURE.matcher(token).matches() && token.chars().filter(Character::isDigit).count() > 2) {
                return false;
            }
        }
        return years >= 2 && !text.endsWith(".");
    }

    private static int figuresAtEnd(String text) {
        String[] tokens = text.split(" ");
        int figures = 0;
        for (int i = tokens.length - 1; i >= 0 && FIGURE.matcher(tokens[i]).matches(); i--) {
            figures++;
        }
        return figures < tokens.length ? figures : 0;
    }

    /** Short, without a final period or figure, with letters: the shape of a title. */
    private static boolean isHeading(PdfLine line) {
        String text = line.text();
        return text.length() <= 90 && !text.endsWith(".") && !text.endsWith(",") && !Character.isDigit(text.charAt(text.length() - 1))
                && text.chars().anyMatch(Character::isLetter);
    }

    /** Emphasised lines may end in a number ("Note 8", "Exhibit 10.14"), and large ones in a period ("Group, Inc."). */
    private static boolean isDisplayed(PdfLine line, float body) {
        String text = line.text();
        return text.length() <= 90 && !text.endsWith(",") && text.chars().anyMatch(Character::isLetter)
                && (!text.endsWith(".") || line.fontSize() >= body * 1.5f);
    }

    private static boolean isEmphasised(PdfLine line, float body) {
        return line.fontSize() >= body * 1.15f || (line.bold() && line.fontSize() >= body * 0.95f);
    }

    private static boolean isTitleCase(String text) {
        String[] words = text.split(" ");
        if (words.length > 8) {
            return false;
        }
        for (String word : words) {
            if (!SMALL_WORDS.matcher(word).matches() && Character.isLetter(word.charAt(0)) && !Character.isUpperCase(word.charAt(0))) {
                return false;
            }
        }
        return Character.isUpperCase(text.charAt(0));
    }

    private static float bodySize(List<PdfLine> lines) {
        Map<Float, Integer> characters = new HashMap<>();
        for (PdfLine line : lines) {
            characters.merge(Math.round(line.fontSize() * 2) / 2f, line.characters(), Integer::sum);
        }
        return characters.entrySet().stream().max(Map.Entry.comparingByValue()).map(Map.Entry::getKey).orElse(0f);
    }

    private static void join(StringBuilder paragraph, String line) {
        if (paragraph.isEmpty()) {
            paragraph.append(line);
        } else if (paragraph.charAt(paragraph.length() - 1) == '-' && Character.isLowerCase(line.charAt(0))) {
            paragraph.setLength(paragraph.length() - 1);
            paragraph.append(line);
        } else {
            paragraph.append(' ').append(line);
        }
    }

    private static void flush(StringBuilder paragraph, List<Block> blocks) {
        if (!paragraph.isEmpty()) {
            blocks.add(new Paragraph(paragraph.toString()));
            paragraph.setLength(0);
        }
    }
}
