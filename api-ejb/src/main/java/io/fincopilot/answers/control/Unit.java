package io.fincopilot.answers.control;

import io.fincopilot.retrieval.entity.Passage;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A table row (with its header line) or a sentence of a retrieved passage, scored by how much of
 * the question it covers: the share of the question's content words it holds (a row's header and
 * section count too), a year named by the question in its header, a figure when one is asked, and
 * the rank of its passage.
 */
final class Unit {

    private static final Pattern FIGURE = Pattern.compile("\\(?\\$?\\s?\\d[\\d,]*(?:\\.\\d+)?\\)?%?");
    private static final Pattern HEADER_YEAR = Pattern.compile("\\b(?:19|20)\\d{2}\\b");
    private static final Pattern SENTENCE_END = Pattern.compile("(?<=[.!?])\\s+(?=[A-Z(\"$])");
    private static final Pattern WORD = Pattern.compile("[\\p{L}][\\p{L}'-]*");

    /** Rows print line items under names questions seldom use: the row's words count as the question's. */
    private static final java.util.Map<Pattern, String> SYNONYMS = java.util.Map.of(
            Pattern.compile("(?i)(purchases?|additions?|acquisitions?) (of|to) property"), "capital expenditures capex",
            Pattern.compile("(?i)repurchases? of (common|ordinary) (stock|shares)|purchases? of treasury"), "share repurchases buybacks",
            Pattern.compile("(?i)^(net )?sales\\b|^total net sales|^net revenues?"), "revenue sales",
            Pattern.compile("(?i)net cash (provided by|from|used in) operating"), "operations operating cash flow",
            Pattern.compile("(?i)(stockholders|shareholders)['\u2019]? equity"), "stockholders shareholders equity",
            Pattern.compile("(?i)^cost of (sales|revenues?|goods sold)"), "cost of revenue sales");

    private final Passage passage;
    private final String text;
    private final String header;
    private final int rank;
    private double coverage;
    private double score;

    private Unit(Passage passage, String text, String header, int rank) {
        this.passage = passage;
        this.text = text;
        this.header = header;
        this.rank = rank;
    }

    /** A table passage's rows, each with the table's header line; a prose passage's sentences. */
    static List<Unit> split(Passage p, int rank) {
        List<Unit> units = new ArrayList<>();
        if (p.tableHeader() != null) {
            for (String row : p.text().split("\n")) {
                if (!row.isBlank()) {
                    units.add(new Unit(p, row.strip(), p.tableHeader(), rank));
                }
            }
        } else {
            for (String sentence : SENTENCE_END.split(p.text().replace('\n', ' '))) {
                if (sentence.strip().length() > 3) {
                    units.add(new Unit(p, sentence.strip(), null, rank));
                }
            }
        }
        return units;
    }

    void rate(AskedFor asked) {
        Set<String> own = stems(text);
        SYNONYMS.forEach((printed, asks) -> {
            if (printed.matcher(text).find()) {
                own.addAll(stems(asks));
            }
        });
        Set<String> around = stems((header == null ? "" : header) + " " + (passage.section() == null ? "" : passage.section()));
        double held = 0;
        for (String stem : asked.stems()) {
            held += own.contains(stem) ? 1 : around.contains(stem) ? 0.5 : 0;
        }
        coverage = asked.stems().isEmpty() ? 0 : held / asked.stems().size();
        double yearFit = 0;
        if (!asked.years().isEmpty() && header != null) {
            List<Integer> columns = years(header);
            yearFit = columns.stream().anyMatch(asked.years()::contains) ? 0.2 : columns.isEmpty() ? 0 : -0.3;
        }
        score = coverage + yearFit + (asked.figure() && hasFigure() ? 0.1 : 0) + 0.1 / (1 + rank);
    }

    /** When the question names a year the header holds, the row's figure in that year's column. */
    String figureFor(AskedFor asked) {
        if (header == null || asked.years().isEmpty()) {
            return null;
        }
        List<Integer> columns = years(header);
        String label = text.replaceFirst("\\s*\\(?\\$?\\s?\\d.*$", "").strip();
        List<String> figures = new ArrayList<>();
        Matcher m = FIGURE.matcher(text.substring(Math.min(text.length(), label.length())));
        while (m.find()) {
            figures.add(m.group().strip());
        }
        if (columns.isEmpty() || figures.size() != columns.size() || label.isEmpty()) {
            return null;
        }
        for (int year : asked.years()) {
            int column = columns.indexOf(year);
            if (column >= 0) {
                String unit = header.toLowerCase(Locale.ROOT).contains("in millions") ? " (in millions)"
                        : header.toLowerCase(Locale.ROOT).contains("in thousands") ? " (in thousands)" : "";
                return label + ", " + year + ": " + figures.get(column) + unit;
            }
        }
        return null;
    }

    boolean hasFigure() {
        return FIGURE.matcher(text).results().anyMatch(r -> r.group().replaceAll("[^0-9]", "").length() >= 2
                && !HEADER_YEAR.matcher(r.group()).matches());
    }

    /** What the answer quotes: a row with its header line, or the sentence. */
    String quote() {
        return header == null ? text : header + " | " + text;
    }

    private static List<Integer> years(String header) {
        List<Integer> years = new ArrayList<>();
        Matcher m = HEADER_YEAR.matcher(header);
        while (m.find()) {
            years.add(Integer.parseInt(m.group()));
        }
        return years;
    }

    private static Set<String> stems(String text) {
        Set<String> stems = new LinkedHashSet<>();
        Matcher m = WORD.matcher(text);
        while (m.find()) {
            stems.add(AskedFor.stem(m.group()));
        }
        return stems;
    }

    Passage passage() {
        return passage;
    }

    String text() {
        return text;
    }

    double coverage() {
        return coverage;
    }

    double score() {
        return score;
    }
}
