package io.fincopilot.retrieval.control;

import io.fincopilot.ingestion.entity.Page;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Text of filings as extraction returns it, made comparable: EDGAR documents use non-breaking
 * hyphens and spaces ("10\u2011K"), typographic quotes and dashes, and extraction joins lines with
 * single spaces or breaks them anywhere.
 */
final class FilingText {

    private static final Pattern DASHES = Pattern.compile("[\u2010\u2011\u2012\u2013\u2014\u2015\u2212\ufe58\ufe63\uff0d]");
    private static final Pattern QUOTES = Pattern.compile("[\u2018\u2019\u201b\u2032]");
    private static final Pattern DOUBLE_QUOTES = Pattern.compile("[\u201c\u201d\u201f\u2033]");
    private static final Pattern SPACES = Pattern.compile("[\\s\u00a0\u2007\u202f]+");

    private FilingText() {
    }

    static String normalize(String text) {
        if (text == null) {
            return "";
        }
        String plain = DASHES.matcher(text).replaceAll("-");
        plain = QUOTES.matcher(plain).replaceAll("'");
        plain = DOUBLE_QUOTES.matcher(plain).replaceAll("\"");
        return SPACES.matcher(plain).replaceAll(" ").strip();
    }

    /** The first {@code count} pages' text, normalized, pages separated by " \n " (a boundary patterns can see). */
    static String of(List<Page> pages, int count) {
        StringBuilder text = new StringBuilder();
        for (Page page : pages.subList(0, Math.min(count, pages.size()))) {
            text.append(normalize(page.text())).append(" \n ");
        }
        return text.toString();
    }
}
