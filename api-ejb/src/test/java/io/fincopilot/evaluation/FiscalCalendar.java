package io.fincopilot.evaluation;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.time.temporal.TemporalAdjusters;
import java.util.Locale;

/**
 * When a company's fiscal year and quarters end. Fiscal year Y ends in {@code endMonth} of calendar
 * year Y (how most filers name it: "fiscal 2022" ended June 30, 2022), on the month's last day or,
 * for a 52/53-week year, on its last Saturday ("September 24, 2022"), as Apple's does.
 */
record FiscalCalendar(int endMonth, boolean lastSaturday) {

    static final DateTimeFormatter LONG = DateTimeFormatter.ofPattern("MMMM d, yyyy", Locale.US);

    /** The last day of fiscal quarter {@code quarter} (4 is the year's end). */
    LocalDate quarterEnd(int fiscalYear, int quarter) {
        int month = endMonth - 3 * (4 - quarter);
        int year = fiscalYear;
        if (month <= 0) {
            month += 12;
            year--;
        }
        LocalDate last = YearMonth.of(year, month).atEndOfMonth();
        return lastSaturday ? last.with(TemporalAdjusters.lastInMonth(DayOfWeek.SATURDAY)) : last;
    }

    LocalDate yearEnd(int fiscalYear) {
        return quarterEnd(fiscalYear, 4);
    }

    /** "December 31, 2022". */
    static String format(LocalDate date) {
        return LONG.format(date);
    }

    /** "December 31," as a column header prints it above the years. */
    static String monthDay(LocalDate date) {
        return DateTimeFormatter.ofPattern("MMMM d,", Locale.US).format(date);
    }

    boolean isCalendarYear() {
        return endMonth == 12 && !lastSaturday;
    }
}
