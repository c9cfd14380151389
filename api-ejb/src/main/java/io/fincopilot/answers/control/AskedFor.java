package io.fincopilot.answers.control;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a question asks for, as the extractive answer needs it: its content words (stems of five
 * letters, question and filler words left out), the years it names ("FY2018", "fiscal 2018",
 * "FY18", "2018"), and whether it wants a figure.
 */
record AskedFor(List<String> stems, List<Integer> years, boolean figure) {

    private static final Pattern WORD = Pattern.compile("[\\p{L}][\\p{L}&'-]*|\\d+");
    private static final Pattern YEAR = Pattern.compile("(?i)\\b(?:fy|fiscal(?:\\s+year)?\\s*)?'?((?:19|20)\\d{2})\\b|\\bfy'?(\\d{2})\\b");
    private static final Set<String> FILLER = Set.of(
            "what", "which", "when", "where", "who", "whom", "how", "much", "many", "was", "were", "is", "are", "be",
            "been", "did", "does", "do", "has", "have", "had", "the", "a", "an", "of", "in", "on", "for", "to", "from",
            "by", "with", "and", "or", "its", "it", "their", "our", "as", "at", "that", "this", "these", "those",
            "give", "response", "question", "relying", "details", "shown", "based", "according", "amount", "value",
            "usd", "millions", "million", "thousands", "billion", "fiscal", "year", "fy", "company", "company's",
            "please", "provide", "report", "reported", "statement", "statements", "total", "end", "during", "between",
            "than", "compared", "change", "changed", "improve", "improved", "increase", "increased", "decrease",
            "decreased", "answer", "annual", "quarterly", "quarter", "filing", "form", "using", "round", "rounded",
            "nearest", "decimal", "places", "place", "terms", "figure", "figures", "state", "stated", "latest", "most",
            "recent", "k", "q", "whether", "there", "any", "also", "all", "into", "about", "under", "over",
            "following");
    /** Words of periods and direction: the header and the figures say them, the row label does not. */
    private static final Set<String> PERIOD = Set.of("january", "february", "march", "april", "may", "june", "july", "august",
            "september", "october", "november", "december", "three", "six", "nine", "twelve", "months", "month", "ended",
            "ending", "period", "periods", "rise", "rose", "fall", "fell", "see", "saw", "comparing", "lower", "higher",
            "decline", "declined", "grow", "grew", "spend", "spent", "report", "same", "financial", "position", "balance", "sheet",
            "p&l", "say", "says", "describe", "describes", "regarding", "affect", "could", "would", "business", "risk", "risks",
            "its", "their", "have", "had", "as", "of");
    private static final Pattern FIGURE_QUESTION = Pattern.compile("(?i)^\\s*(what\\s+(was|were|is|are)|how\\s+(much|many))\\b"
            + "|\\b(amount|figure|in\\s+usd|in\\s+millions|in\\s+thousands)\\b");

    static AskedFor read(String question) {
        List<Integer> years = new ArrayList<>();
        Matcher y = YEAR.matcher(question);
        while (y.find()) {
            int year = y.group(1) != null ? Integer.parseInt(y.group(1)) : 2000 + Integer.parseInt(y.group(2));
            if (!years.contains(year)) {
                years.add(year);
            }
        }
        Set<String> stems = new LinkedHashSet<>();
        Set<String> names = new LinkedHashSet<>();
        Matcher w = WORD.matcher(question.replaceAll("(?i)\\bfy'?\\d{2,4}\\b", " "));
        while (w.find()) {
            String raw = w.group();
            String word = raw.toLowerCase(Locale.ROOT).replaceAll("'s$", "");
            if (word.chars().allMatch(Character::isDigit) || FILLER.contains(word) || PERIOD.contains(word) || word.length() < 3) {
                continue;
            }
            boolean segmentName = question.regionMatches(true, w.end(), " segment", 0, 8);
            (named(raw) && !segmentName ? names : stems).add(stem(word));
        }
        // A question of names only ("Revenue?") keeps them: they are then what is asked.
        return new AskedFor(List.copyOf(stems.isEmpty() ? names : stems), List.copyOf(years),
                FIGURE_QUESTION.matcher(question).find());
    }

    /**
     * Whether a word is a name rather than what is asked: capitalized (a company, a ticker, a
     * month, a question's first word). Retrieval already chose the company's documents and period;
     * the row that answers names the line item in lower case.
     */
    private static boolean named(String raw) {
        return Character.isUpperCase(raw.charAt(0));
    }

    /** A crude stem: the first five letters, enough to meet "expenditures" with "expenditure". */
    static String stem(String word) {
        String lower = word.toLowerCase(Locale.ROOT);
        return lower.length() <= 5 ? lower : lower.substring(0, 5);
    }
}
