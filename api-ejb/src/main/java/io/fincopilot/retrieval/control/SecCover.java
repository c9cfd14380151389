package io.fincopilot.retrieval.control;

import io.fincopilot.retrieval.entity.FilingForm;
import java.time.LocalDate;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An SEC cover page read from extracted text: the form under "SECURITIES AND EXCHANGE COMMISSION",
 * the period ("For the fiscal year ended", "For the quarterly period ended", an 8-K's "Date of
 * Report"), the registrant's name (the words before "(Exact name of registrant as specified in its
 * charter)", back to the file number or a check box) and the trading symbol (the upper-case word
 * before the exchange in the Section 12(b) table). Check boxes may come out as "☒", "þ", "x" or
 * "[X]"; none of this depends on them.
 */
record SecCover(FilingForm form, LocalDate periodEnd, String company, String ticker) {

    private static final Pattern COMMISSION = Pattern.compile("(?i)securities\\s+and\\s+exchange\\s+commission");
    private static final Pattern FORM = Pattern.compile("(?i)\\bform\\s+(10\\s?-\\s?k(?:/a|405|t)?|10\\s?-\\s?q(?:/a)?|8\\s?-\\s?k(?:/a)?|20\\s?-\\s?f|40\\s?-\\s?f|6\\s?-\\s?k|11\\s?-\\s?k)\\b");
    private static final Pattern ANNUAL = Pattern.compile("(?i)annual\\s+report\\s+pursuant\\s+to\\s+section\\s+13\\s+or\\s+15\\s*\\(d\\)");
    private static final Pattern QUARTERLY = Pattern.compile("(?i)quarterly\\s+report\\s+pursuant\\s+to\\s+section\\s+13\\s+or\\s+15\\s*\\(d\\)");
    private static final Pattern CURRENT = Pattern.compile("(?i)current\\s+report\\s+pursuant\\s+to\\s+section\\s+13\\s+or\\s+15\\s*\\(d\\)");
    private static final Pattern YEAR_ENDED = Pattern.compile("(?i)for\\s+the\\s+(?:fiscal\\s+)?year\\s+ended\\s*:?");
    private static final Pattern QUARTER_ENDED = Pattern.compile("(?i)for\\s+the\\s+(?:quarterly\\s+period|quarter)\\s+ended\\s*:?");
    private static final Pattern DATE_OF_REPORT = Pattern.compile("(?i)date\\s+of\\s+report\\s*\\(\\s*date\\s+of\\s+earliest\\s+event\\s+reported\\s*\\)\\s*:?");
    private static final Pattern REGISTRANT = Pattern.compile("(?i)\\(\\s*(?:exact\\s+)?name\\s+of\\s+(?:the\\s+)?registrant\\s+as\\s+specified\\s+in\\s+(?:its\\s+)?charter\\s*\\)");
    private static final Pattern TRADING = Pattern.compile("(?i)trading\\s+symbols?(?:\\s*\\(s\\))?");
    private static final Pattern SYMBOL_BEFORE_EXCHANGE = Pattern.compile("(?<![A-Za-z0-9])([A-Z]{1,5}(?:[.-][A-Z]{1,2})?)\\s+(?:The\\s+|the\\s+)?(?:New York Stock Exchange|NYSE|"
            + "Nasdaq|NASDAQ|Chicago Stock Exchange|Cboe|CBOE|Boston Stock Exchange)");
    private static final Set<String> NOT_SYMBOLS = Set.of("LLC", "INC", "PLC", "LP", "CO", "NV", "SA", "AG", "USD", "ADS", "ADR", "II", "III", "IV", "NONE", "N/A");
    private static final Set<String> NAME_STOPS = Set.of("number", "number:", "no.", "no", "no.:", "file", "commission", "or", "to", "from", "period",
            "transition", "ended", "1934", "act", "registrant", "x", "[x]", "[", "]");
    private static final Set<String> NAME_WORDS = Set.of("and", "of", "the", "de", "du", "&", "plc", "inc.", "inc", "corp.", "co.", "ltd.", "llc", "l.p.", "n.v.",
            "s.a.", "ag", "se", "lp", "limited", "s.p.a.", "y");

    static SecCover read(String text) {
        Matcher commission = COMMISSION.matcher(text);
        FilingForm form = null;
        int from = 0;
        if (commission.find()) {
            Matcher m = FORM.matcher(text);
            if (m.find(commission.end()) && m.start() - commission.end() < 600) {
                form = form(m.group(1));
                from = commission.start();
            }
        }
        if (form == null) {
            form = ANNUAL.matcher(text).find() ? FilingForm.TEN_K : QUARTERLY.matcher(text).find() ? FilingForm.TEN_Q
                    : CURRENT.matcher(text).find() ? FilingForm.EIGHT_K : null;
        }
        if (form == null) {
            return new SecCover(null, null, null, null);
        }
        String cover = text.substring(from);
        return new SecCover(form, period(cover, form), company(cover), ticker(cover));
    }

    private static LocalDate period(String text, FilingForm form) {
        Pattern label = form == FilingForm.TEN_Q ? QUARTER_ENDED : form == FilingForm.EIGHT_K ? DATE_OF_REPORT : YEAR_ENDED;
        Matcher m = label.matcher(text);
        if (!m.find()) {
            return null;
        }
        LocalDate after = FilingDates.leading(text.substring(m.end(), Math.min(text.length(), m.end() + 60)));
        if (after != null || form != FilingForm.EIGHT_K) {
            return after;
        }
        // 8-K covers often print the date above its label
        String before = text.substring(Math.max(0, m.start() - 40), m.start());
        var dates = FilingDates.all(before);
        return dates.isEmpty() ? null : dates.get(dates.size() - 1).date();
    }

    /** The words before the "(Exact name of registrant ...)" line, back to the first that cannot be part of a name. */
    static String company(String text) {
        Matcher m = REGISTRANT.matcher(text);
        if (!m.find()) {
            return null;
        }
        String[] words = text.substring(Math.max(0, m.start() - 200), m.start()).strip().split(" ");
        Deque<String> name = new ArrayDeque<>();
        for (int i = words.length - 1; i >= 0 && name.size() < 10; i--) {
            if (!isNameWord(words[i])) {
                break;
            }
            name.addFirst(words[i]);
        }
        while (!name.isEmpty() && NAME_WORDS.contains(name.peekFirst().toLowerCase(Locale.ROOT)) && !name.peekFirst().equals("&")) {
            name.removeFirst();
        }
        String company = String.join(" ", name).replaceAll("[,;:]$", "").strip();
        return company.chars().anyMatch(Character::isLetter) ? company : null;
    }

    private static boolean isNameWord(String word) {
        if (word.isEmpty() || NAME_STOPS.contains(word.toLowerCase(Locale.ROOT)) || word.matches("[\\d\\-/.:]+") || word.matches("\\d{1,4}-\\d+.*")) {
            return false;
        }
        char first = word.charAt(0);
        return Character.isUpperCase(first) || Character.isDigit(first) || NAME_WORDS.contains(word.toLowerCase(Locale.ROOT).replaceAll(",$", ""));
    }

    private static String ticker(String text) {
        Matcher trading = TRADING.matcher(text);
        if (!trading.find()) {
            return null;
        }
        Matcher m = SYMBOL_BEFORE_EXCHANGE.matcher(text.substring(trading.end(), Math.min(text.length(), trading.end() + 600)));
        while (m.find()) {
            if (!NOT_SYMBOLS.contains(m.group(1))) {
                return m.group(1);
            }
        }
        return null;
    }

    private static FilingForm form(String token) {
        String t = token.toUpperCase(Locale.ROOT).replaceAll("[\\s-]", "");
        return t.startsWith("10K") ? FilingForm.TEN_K : t.startsWith("10Q") ? FilingForm.TEN_Q : t.startsWith("8K") ? FilingForm.EIGHT_K : FilingForm.OTHER;
    }
}
