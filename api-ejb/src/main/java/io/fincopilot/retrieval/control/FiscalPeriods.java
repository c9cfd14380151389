package io.fincopilot.retrieval.control;

import io.fincopilot.retrieval.entity.FilingForm;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The fiscal year and quarter a period belongs to. A file name that says them wins (it is how the
 * uploader names the document). Otherwise: an annual period is the fiscal year it ends in, unless
 * it ends in January or February, where retailers differ and the text must say ("fiscal 2023"
 * more often than "fiscal 2024"). A quarter needs the fiscal year's end, from "the first quarter of
 * fiscal 2023", from the 10-K it refers to ("for the fiscal year ended June 30, 2022"), or from the
 * balance sheet's comparison column ("September 30, 2022 June 30, 2022"); without one it stays
 * unknown, since a quarter ending in September is Q3 for most filers but Q1 for Microsoft.
 */
final class FiscalPeriods {

    record FiscalPeriod(Integer year, Integer quarter) {
    }

    private static final List<String> ORDINALS = List.of("first", "second", "third", "fourth");
    private static final Pattern QUARTER_OF_FISCAL = Pattern.compile("(?i)\\b(first|second|third|fourth)\\s+(?:fiscal\\s+)?quarter\\s+of\\s+fiscal\\s+(?:year\\s+)?((?:19|20)\\d{2})\\b"
            + "|\\bfiscal\\s+(?:year\\s+)?((?:19|20)\\d{2})\\s+(first|second|third|fourth)\\s+quarter\\b");
    private static final Pattern YEAR_END_MONTH = Pattern.compile("(?i)fiscal\\s+year\\s+(?:end|ends|ended|ending)\\s+(?:on\\s+)?(?:the\\s+last\\s+\\w+\\s+(?:of|in)\\s+)?"
            + FilingDates.monthPattern());
    private static final Pattern YEAR_ENDED = Pattern.compile("(?i)(?:fiscal\\s+)?year\\s+ended\\s*");
    private static final Pattern FISCAL_YEAR = Pattern.compile("(?i)\\b(?:fiscal\\s+(?:year\\s+)?|FY\\s?)((?:19|20)\\d{2})\\b");

    private FiscalPeriods() {
    }

    static FiscalPeriod of(FilingForm form, LocalDate periodEnd, FileNameSignals file, Integer statedYear, String text) {
        if (file.year() != null) {
            return new FiscalPeriod(file.year(), form == FilingForm.TEN_K || form == FilingForm.ANNUAL_REPORT ? null : file.quarter());
        }
        if (form.isAnnual()) {
            if (statedYear != null) {
                return new FiscalPeriod(statedYear, null);
            }
            if (periodEnd == null) {
                return new FiscalPeriod(null, null);
            }
            LocalDate nominal = FilingDates.nominal(periodEnd);
            Integer year = nominal.getMonthValue() >= 3 ? Integer.valueOf(nominal.getYear()) : named(text, nominal.getYear() - 1, nominal.getYear());
            return new FiscalPeriod(year, null);
        }
        if (form == FilingForm.TEN_Q && periodEnd != null) {
            return quarter(periodEnd, text);
        }
        return new FiscalPeriod(null, null);
    }

    private static FiscalPeriod quarter(LocalDate periodEnd, String text) {
        Matcher stated = QUARTER_OF_FISCAL.matcher(text);
        if (stated.find()) {
            String ordinal = stated.group(1) != null ? stated.group(1) : stated.group(4);
            String year = stated.group(2) != null ? stated.group(2) : stated.group(3);
            return new FiscalPeriod(Integer.parseInt(year), ORDINALS.indexOf(ordinal.toLowerCase(Locale.ROOT)) + 1);
        }
        Integer endMonth = yearEndMonth(periodEnd, text);
        if (endMonth == null) {
            return new FiscalPeriod(null, null);
        }
        LocalDate nominal = FilingDates.nominal(periodEnd);
        int months = (nominal.getMonthValue() - endMonth + 12) % 12;
        if (months % 3 != 0) {
            return new FiscalPeriod(null, null);
        }
        int year = nominal.getMonthValue() > endMonth ? nominal.getYear() + 1 : nominal.getYear();
        Integer fiscalYear = endMonth > 2 ? Integer.valueOf(year) : named(text, year - 1, year);
        return new FiscalPeriod(fiscalYear, months == 0 ? 4 : months / 3);
    }

    /** The month the fiscal year ends in, from what a quarterly report says about its year. */
    static Integer yearEndMonth(LocalDate periodEnd, String text) {
        for (Matcher m = YEAR_ENDED.matcher(text); m.find();) {
            LocalDate date = FilingDates.leading(text.substring(m.end(), Math.min(text.length(), m.end() + 40)));
            if (date != null && date.isBefore(periodEnd) && ChronoUnit.DAYS.between(date, periodEnd) < 400) {
                return FilingDates.nominal(date).getMonthValue();
            }
        }
        List<FilingDates.Found> dates = FilingDates.all(text);
        for (int i = 0; i + 1 < dates.size(); i++) {
            FilingDates.Found here = dates.get(i);
            FilingDates.Found next = dates.get(i + 1);
            long days = ChronoUnit.DAYS.between(next.date(), here.date());
            if (here.date().equals(periodEnd) && next.start() - here.end() < 40 && days > 20 && days < 350) {
                return FilingDates.nominal(next.date()).getMonthValue();
            }
        }
        Matcher stated = YEAR_END_MONTH.matcher(text);
        return stated.find() ? FilingDates.month(stated.group(1)) : null;
    }

    /** Which of two years the text calls the fiscal year more often; null on a tie. */
    private static Integer named(String text, int earlier, int later) {
        int a = 0;
        int b = 0;
        for (Matcher m = FISCAL_YEAR.matcher(text); m.find();) {
            int year = Integer.parseInt(m.group(1));
            a += year == earlier ? 1 : 0;
            b += year == later ? 1 : 0;
        }
        return a > b ? Integer.valueOf(earlier) : b > a ? Integer.valueOf(later) : null;
    }
}
