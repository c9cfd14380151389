package io.fincopilot.retrieval.control;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The periods a question names: full dates ("as of December 31, 2022"), quarters ("Q2 2023", "2Q23",
 * "second quarter of fiscal 2023", "Q3" alone) and years ("FY2018", "FY18", "fiscal 2018", "2018",
 * "in 2021 and 2022", "from FY2021 to FY2022"). Each span is read once: a date's year is not also
 * a year, and numbers that are amounts ("$2,018 million", "2019%") are not years.
 *
 * @param quarters each {quarter, year}; year 0 when the question gives none
 */
record PeriodMentions(List<Integer> years, List<int[]> quarters, List<LocalDate> dates) {

    /** Not followed by a hyphen: "Q3 10-Q" names no year 2010. */
    private static final String YEAR = "'?((?:19|20)\\d{2}|\\d{2})(?!-)";
    private static final List<String> ORDINALS = List.of("first", "second", "third", "fourth");
    private static final Pattern[] QUARTER_YEAR = {
        Pattern.compile("(?i)\\bq([1-4])\\s*(?:of\\s+)?(?:fy|fiscal(?:\\s+year)?)?\\s*" + YEAR + "\\b"),
        Pattern.compile("(?i)\\b([1-4])q\\s*(?:fy)?\\s*" + YEAR + "\\b"),
        Pattern.compile("(?i)\\b(first|second|third|fourth|1st|2nd|3rd|4th)\\s+(?:fiscal\\s+)?quarter\\s+(?:of\\s+)?(?:fiscal\\s+(?:year\\s+)?|fy\\s*)?" + YEAR + "\\b")};
    private static final Pattern[] YEAR_QUARTER = {
        Pattern.compile("(?i)\\b(?:fy|fiscal(?:\\s+year)?)?\\s*" + "((?:19|20)\\d{2})" + "\\s*q([1-4])\\b"),
        Pattern.compile("(?i)\\bfy\\s*" + YEAR + "\\s+q([1-4])\\b")};
    private static final Pattern QUARTER = Pattern.compile("(?i)\\bq([1-4])\\b|\\b(first|second|third|fourth)\\s+(?:fiscal\\s+)?quarter\\b");
    private static final Pattern NAMED_YEAR = Pattern.compile("(?i)\\b(?:fy|fiscal\\s+(?:year\\s+)?)\\s*" + YEAR + "\\b");
    private static final Pattern BARE_YEAR = Pattern.compile("(?<![\\d$,.])((?:19|20)\\d{2})(?![\\d%]|,\\d|\\.\\d|\\s*(?:million|billion|thousand))");

    static PeriodMentions of(String question) {
        StringBuilder text = new StringBuilder(question);
        List<LocalDate> dates = new ArrayList<>();
        for (FilingDates.Found date : FilingDates.all(question)) {
            dates.add(date.date());
            blank(text, date.start(), date.end());
        }
        TreeSet<Integer> years = new TreeSet<>();
        List<int[]> quarters = new ArrayList<>();
        for (Pattern p : QUARTER_YEAR) {
            for (Matcher m = p.matcher(text); m.find();) {
                add(quarters, years, quarter(m.group(1)), year(m.group(2)));
                blank(text, m.start(), m.end());
            }
        }
        for (Pattern p : YEAR_QUARTER) {
            for (Matcher m = p.matcher(text); m.find();) {
                add(quarters, years, Integer.parseInt(m.group(2)), year(m.group(1)));
                blank(text, m.start(), m.end());
            }
        }
        for (Matcher m = QUARTER.matcher(text); m.find();) {
            quarters.add(new int[] {quarter(m.group(1) != null ? m.group(1) : m.group(2)), 0});
            blank(text, m.start(), m.end());
        }
        for (Matcher m = NAMED_YEAR.matcher(text); m.find();) {
            years.add(year(m.group(1)));
            blank(text, m.start(), m.end());
        }
        for (Matcher m = BARE_YEAR.matcher(text); m.find();) {
            int year = Integer.parseInt(m.group(1));
            if (year >= 1990 && year <= 2039) {
                years.add(year);
            }
        }
        return new PeriodMentions(List.copyOf(years), List.copyOf(quarters), List.copyOf(dates));
    }

    boolean isEmpty() {
        return years.isEmpty() && quarters.isEmpty() && dates.isEmpty();
    }

    private static void add(List<int[]> quarters, TreeSet<Integer> years, int quarter, int year) {
        quarters.add(new int[] {quarter, year});
        years.add(year);
    }

    private static int quarter(String token) {
        String t = token.toLowerCase(Locale.ROOT);
        if (Character.isDigit(t.charAt(0))) {
            return t.charAt(0) - '0';
        }
        return ORDINALS.indexOf(t) + 1;
    }

    /** Two digits are this century's up to 69 ("FY18" is 2018), the last century's after. */
    private static int year(String token) {
        int value = Integer.parseInt(token.replace("'", ""));
        return token.replace("'", "").length() == 2 ? (value < 70 ? 2000 + value : 1900 + value) : value;
    }

    private static void blank(StringBuilder text, int start, int end) {
        for (int i = start; i < end; i++) {
            text.setCharAt(i, ' ');
        }
    }
}
