package io.fincopilot.retrieval.control;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A question's words with what company matching needs: the word as written (capitals matter: "ON"
 * may be a ticker, "on" is not), lower case, whether it is possessive ("AMD's", "Instruments'") and
 * where it stands. "&" is a word of its own.
 */
final class QuestionWords {

    record Word(String text, String lower, int index, int start, int end, boolean possessive) {

        boolean capitalized() {
            return Character.isUpperCase(text.charAt(0)) || Character.isDigit(text.charAt(0)) && text.chars().anyMatch(Character::isUpperCase);
        }

        boolean alphabetic() {
            return text.chars().allMatch(Character::isLetter);
        }

        boolean allCaps() {
            return alphabetic() && text.equals(text.toUpperCase(Locale.ROOT));
        }
    }

    private static final Pattern WORD = Pattern.compile("([\\p{L}\\p{N}]+)(['\u2019]s\\b|(?<=[sS])['\u2019](?![\\p{L}]))?|&");
    /** Capitalized words of questions that are not names: finance terms, question words, months. */
    static final Set<String> NOT_NAMES = Set.of("revenue", "revenues", "net", "income", "sales", "cash", "flow", "flows", "statement", "statements", "balance",
            "sheet", "sheets", "operating", "operations", "gross", "margin", "margins", "profit", "total", "assets", "liabilities", "equity", "capital",
            "expenditure", "expenditures", "capex", "earnings", "per", "share", "shares", "segment", "segments", "fiscal", "year", "years", "quarter",
            "quarterly", "annual", "report", "reports", "form", "consolidated", "loss", "debt", "dividends", "dividend", "eps", "fy", "gaap", "non", "adjusted",
            "ebitda", "ebit", "item", "part", "note", "notes", "management", "discussion", "analysis", "risk", "risks", "factors", "business", "usd", "us",
            "dollars", "million", "millions", "billion", "billions", "thousand", "thousands", "give", "what", "how", "did", "was", "is", "were", "does", "do",
            "which", "when", "why", "who", "please", "answer", "using", "according", "based", "compare", "comparing", "in", "for", "from", "between", "as",
            "a", "an", "and", "or", "its", "their", "our", "yes", "no", "first", "second", "third", "fourth", "three", "six", "nine", "twelve", "months",
            "ended", "end", "january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december",
            "q1", "q2", "q3", "q4", "h1", "h2", "sec", "md", "cfo", "ceo", "if", "by", "of", "to", "at", "on", "with", "this", "that", "these", "those",
            "has", "have", "had", "can", "could", "would", "should", "will", "rank", "list", "calculate", "compute", "show", "tell", "describe", "explain",
            "summarize", "assume", "roughly", "approximately", "ratio", "growth", "change", "increase", "decrease", "decline", "improve", "inventory",
            "goodwill", "accounts", "receivable", "payable", "interest", "expense", "expenses", "tax", "taxes", "research", "development", "selling",
            "general", "administrative", "cost", "costs", "goods", "sold", "free", "working", "return", "depreciation", "amortization");

    private QuestionWords() {
    }

    static List<Word> of(String question) {
        List<Word> words = new ArrayList<>();
        for (Matcher m = WORD.matcher(question); m.find();) {
            String text = m.group(1) != null ? m.group(1) : "&";
            words.add(new Word(text, text.toLowerCase(Locale.ROOT), words.size(), m.start(), m.end(), m.group(2) != null));
        }
        return words;
    }

    /** Whether most letters are capitals (a shouted question: capitals then say nothing about names). */
    static boolean shouted(String question) {
        long letters = question.chars().filter(Character::isLetter).count();
        long upper = question.chars().filter(Character::isUpperCase).count();
        return letters > 0 && upper * 10 > letters * 6;
    }
}
