package io.fincopilot.retrieval.control;

import io.fincopilot.retrieval.control.QuestionWords.Word;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Names in a question that look like a company's but matched none of the tenant's: a capitalized
 * possessive ("Zenbridge Robotics'"), capitalized words ending in a legal form ("Tessaro Bank Inc"),
 * capitalized words after "for", "of", "at", "by" ("for Brightstone Energy"), or a ticker-like
 * word in capitals ("ZBRG"). Finance terms in capitals ("Net Income", "EPS") are not names.
 */
final class UnknownCompanies {

    private static final Set<String> LEGAL_FORMS = Set.of("inc", "corp", "corporation", "company", "plc", "ltd", "llc", "holdings", "group", "co");
    private static final Set<String> BEFORE_NAMES = Set.of("for", "of", "at", "by", "from", "about");
    private static final Set<String> ACRONYMS = Set.of("FY", "EPS", "USD", "GAAP", "SEC", "EBITDA", "EBIT", "COGS", "CEO", "CFO", "ROE", "ROA", "ROIC",
            "LIFO", "FIFO", "US", "USA", "NYSE", "AI", "IT", "HR", "ESG", "OCI", "AOCI", "YOY", "QOQ", "TTM", "LTM", "CAPEX", "FCF", "DSO", "DPO", "DIO",
            "WACC", "IPO", "MD", "PP", "SG", "R", "D", "II", "III", "IV", "CFS", "PL", "NA", "EU", "UK", "EMEA", "APAC", "LLC", "INC", "PLC", "CORP", "OK",
            "EV", "ETF", "CPI", "GDP", "KPI", "NOPAT", "ADR", "ADS", "OTC", "IRS", "FASB", "IFRS", "ASC", "Q", "H");

    private UnknownCompanies() {
    }

    static List<String> find(List<Word> words, Set<Integer> used, boolean shouted) {
        List<String> found = new ArrayList<>();
        for (Word word : words) {
            int at = word.index();
            boolean possessiveName = word.possessive() && word.capitalized() && word.alphabetic();
            boolean legalForm = LEGAL_FORMS.contains(word.lower()) && word.capitalized() && at > 0 && words.get(at - 1).capitalized();
            boolean afterPreposition = at > 0 && BEFORE_NAMES.contains(words.get(at - 1).text()) && word.capitalized() && word.alphabetic()
                    && (at < 2 || !words.get(at - 2).capitalized() || !words.get(at - 2).alphabetic());
            boolean tickerLike = !shouted && word.allCaps() && word.text().length() >= 2 && word.text().length() <= 5 && !ACRONYMS.contains(word.text());
            String name = null;
            if (possessiveName || legalForm) {
                name = backwards(words, at);
            } else if (afterPreposition) {
                name = run(words, at);
            } else if (tickerLike) {
                name = word.text();
            }
            if (name != null && !found.contains(name) && isName(name, words, used)) {
                found.add(name);
            }
        }
        return found;
    }

    /** The capitalized words from {@code at} on, "&" and "and"/"of" between capitals included ("Bank of Northwind"). */
    static String run(List<Word> words, int at) {
        int end = at;
        while (end + 1 < words.size() && !words.get(end).possessive() && continues(words, end + 1)) {
            end++;
        }
        return text(words, at, end);
    }

    private static String backwards(List<Word> words, int at) {
        int start = at;
        while (start > 0 && continues(words, start - 1) && !(start - 1 == 0 && QuestionWords.NOT_NAMES.contains(words.get(0).lower()))) {
            start--;
        }
        while (start < at && (QuestionWords.NOT_NAMES.contains(words.get(start).lower()) || !words.get(start).capitalized())) {
            start++;
        }
        return text(words, start, at);
    }

    private static boolean continues(List<Word> words, int i) {
        Word w = words.get(i);
        boolean joiner = (w.text().equals("&") || w.lower().equals("and") || w.lower().equals("of")) && i + 1 < words.size() && words.get(i + 1).capitalized();
        return joiner || w.capitalized() && w.alphabetic() && !QuestionWords.NOT_NAMES.contains(w.lower());
    }

    private static String text(List<Word> words, int from, int to) {
        StringBuilder name = new StringBuilder();
        for (int i = from; i <= to; i++) {
            name.append(name.isEmpty() ? "" : " ").append(words.get(i).text());
        }
        return name.toString();
    }

    /** Not a name when it overlaps a matched company, or is only finance words or legal forms. */
    static boolean isName(String name, List<Word> words, Set<Integer> used) {
        List<String> parts = List.of(name.toLowerCase(Locale.ROOT).split(" "));
        for (Word w : words) {
            if (used.contains(w.index()) && parts.contains(w.lower())) {
                return false;
            }
        }
        return parts.stream().anyMatch(p -> !QuestionWords.NOT_NAMES.contains(p) && !CompanyNames.NOISE.contains(p) && !LEGAL_FORMS.contains(p));
    }
}
