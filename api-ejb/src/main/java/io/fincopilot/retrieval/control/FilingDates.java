package io.fincopilot.retrieval.control;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Dates as filings print them ("December 31, 2022", "Dec. 31, 2022", "September 24 , 2022",
 * "31 December 2022") and the month a 52/53-week period nominally ends in.
 */
final class FilingDates {

    private static final String MONTH = "(Jan(?:uary|\\.)?|Feb(?:ruary|\\.)?|Mar(?:ch|\\.)?|Apr(?:il|\\.)?|May|June?|July?|Aug(?:ust|\\.)?"
            + "|Sept?(?:ember|\\.)?|Oct(?:ober|\\.)?|Nov(?:ember|\\.)?|Dec(?:ember|\\.)?)";
    static final Pattern DATE = Pattern.compile("(?i)\\b" + MONTH + "\\s*(\\d{1,2})\\s*,?\\s*((?:19|20)\\d{2})\\b");
    private static final Pattern DAY_FIRST = Pattern.compile("(?i)\\b(\\d{1,2})\\s+" + MONTH + "\\s*,?\\s*((?:19|20)\\d{2})\\b");

    /** A date found in a text, with where it starts and ends. */
    record Found(LocalDate date, int start, int end) {
    }

    private FilingDates() {
    }

    /** The first date at the very start of {@code text} (after blanks, colons and underscores), or null. */
    static LocalDate leading(String text) {
        Matcher m = DATE.matcher(text);
        if (m.find() && text.substring(0, m.start()).replaceAll("[\\s:_.]", "").isEmpty()) {
            return date(m.group(1), m.group(2), m.group(3));
        }
        return null;
    }

    static List<Found> all(String text) {
        List<Found> found = new ArrayList<>();
        for (Matcher m = DATE.matcher(text); m.find();) {
            LocalDate date = date(m.group(1), m.group(2), m.group(3));
            if (date != null) {
                found.add(new Found(date, m.start(), m.end()));
            }
        }
        for (Matcher m = DAY_FIRST.matcher(text); m.find();) {
            LocalDate date = date(m.group(2), m.group(1), m.group(3));
            if (date != null) {
                found.add(new Found(date, m.start(), m.end()));
            }
        }
        found.sort((a, b) -> Integer.compare(a.start(), b.start()));
        return found;
    }

    /** The month a period nominally ends in: a 52/53-week year ending on January 1, 2023 is the year of December 2022. */
    static LocalDate nominal(LocalDate end) {
        return end.getDayOfMonth() <= 7 ? end.minusDays(end.getDayOfMonth()) : end;
    }

    static int month(String name) {
        String m = name.toLowerCase(Locale.ROOT).substring(0, 3);
        return switch (m) {
            case "jan" -> 1;
            case "feb" -> 2;
            case "mar" -> 3;
            case "apr" -> 4;
            case "may" -> 5;
            case "jun" -> 6;
            case "jul" -> 7;
            case "aug" -> 8;
            case "sep" -> 9;
            case "oct" -> 10;
            case "nov" -> 11;
            case "dec" -> 12;
            default -> throw new IllegalArgumentException("not a month: " + name);
        };
    }

    static String monthPattern() {
        return MONTH;
    }

    private static LocalDate date(String month, String day, String year) {
        try {
            return LocalDate.of(Integer.parseInt(year), month(month), Integer.parseInt(day));
        } catch (DateTimeException e) {
            return null;
        }
    }
}
