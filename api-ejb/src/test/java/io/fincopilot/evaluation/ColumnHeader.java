package io.fincopilot.evaluation;

import io.fincopilot.ingestion.sample.ReportWriter;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * The header lines above a statement's figures, as filings set them: the span ("Year Ended
 * December 31," or "Three Months Ended ... Nine Months Ended"), dates where they differ by column
 * (52/53-week years), and last the unit with the years, the line our PDF reader takes as the table
 * header. Balance sheets in quarterly reports print both full dates on that line.
 */
record ColumnHeader(List<String[]> upper, String unit, String[] last) {

    void draw(ReportWriter out) {
        for (String[] line : upper) {
            out.boldRow("", line);
        }
        out.tableHeader(unit, last);
    }

    /** Flows over whole years, most recent first. */
    static ColumnHeader years(Company company, List<Period> columns, String unit) {
        FiscalCalendar calendar = company.calendar();
        List<String[]> upper = new ArrayList<>();
        int n = columns.size();
        if (calendar.lastSaturday()) {
            upper.add(spanning(n, n, "Fiscal Years Ended"));
            upper.add(columns.stream().map(p -> FiscalCalendar.monthDay(calendar.yearEnd(p.fiscalYear()))).toArray(String[]::new));
        } else {
            String span = (calendar.isCalendarYear() ? "Year Ended " : "Fiscal Year Ended ") + FiscalCalendar.monthDay(calendar.yearEnd(2000));
            upper.add(spanning(n, n, span));
        }
        return new ColumnHeader(upper, unit, columns.stream().map(p -> String.valueOf(p.fiscalYear())).toArray(String[]::new));
    }

    /** Year-end balances, most recent first. */
    static ColumnHeader yearEnds(Company company, List<Period> columns, String unit) {
        FiscalCalendar calendar = company.calendar();
        List<String[]> upper = new ArrayList<>();
        if (calendar.lastSaturday()) {
            upper.add(columns.stream().map(p -> FiscalCalendar.monthDay(calendar.yearEnd(p.fiscalYear()))).toArray(String[]::new));
        } else {
            upper.add(spanning(columns.size(), columns.size(), FiscalCalendar.monthDay(calendar.yearEnd(2000))));
        }
        return new ColumnHeader(upper, unit, columns.stream().map(p -> String.valueOf(p.fiscalYear())).toArray(String[]::new));
    }

    /** Interim balances: the quarter's end and the last year-end, as full dates on one line. */
    static ColumnHeader instants(Company company, List<Period> columns, String unit) {
        return new ColumnHeader(List.of(), unit, columns.stream().map(p -> FiscalCalendar.format(end(company, p))).toArray(String[]::new));
    }

    /**
     * Interim flows in groups of two (this year, last year): "Three Months Ended" and, from the second
     * quarter, "Six/Nine Months Ended".
     */
    static ColumnHeader interim(Company company, List<Period> columns, String unit) {
        int n = columns.size();
        String[] spans = new String[n];
        String[] dates = new String[n];
        for (int i = 0; i < n; i++) {
            Period p = columns.get(i);
            spans[i] = i % 2 == 1 ? (p.span() == Period.Span.QUARTER ? "Three" : p.quarter() == 2 ? "Six" : "Nine") + " Months Ended" : "";
            dates[i] = FiscalCalendar.monthDay(end(company, p));
        }
        boolean sameDates = !company.calendar().lastSaturday();
        List<String[]> upper = new ArrayList<>();
        upper.add(spans);
        upper.add(sameDates ? pairs(dates) : dates);
        return new ColumnHeader(upper, unit, columns.stream().map(p -> String.valueOf(end(company, p).getYear())).toArray(String[]::new));
    }

    private static LocalDate end(Company company, Period p) {
        return company.calendar().quarterEnd(p.fiscalYear(), p.quarter());
    }

    /** The date once over each pair of columns (where both years end on the same day). */
    private static String[] pairs(String[] dates) {
        String[] cells = new String[dates.length];
        for (int i = 0; i < dates.length; i++) {
            cells[i] = i % 2 == 1 ? dates[i] : "";
        }
        return cells;
    }

    /** Text in the last cell of {@code n} (right-aligned over the columns); the others blank. */
    private static String[] spanning(int n, int at, String text) {
        String[] cells = new String[n];
        java.util.Arrays.fill(cells, "");
        cells[at - 1] = text;
        return cells;
    }
}
