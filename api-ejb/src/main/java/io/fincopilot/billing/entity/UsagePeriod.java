package io.fincopilot.billing.entity;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;

/** A billing period: a calendar month in UTC (decision 71). Quotas reset at its end. */
public record UsagePeriod(YearMonth month) {

    /** A month as the APIs name it (YYYY-MM); a bad one is the client's mistake (400). */
    public static UsagePeriod parse(String month) {
        try {
            String text = month == null ? "" : month.strip();
            if (!text.matches("(19[7-9]\\d|2\\d{3})-\\d{2}")) {
                throw new java.time.format.DateTimeParseException("not a month from 1970 on", text, 0);
            }
            return new UsagePeriod(YearMonth.parse(text));
        } catch (java.time.format.DateTimeParseException e) {
            throw io.fincopilot.platform.problem.ProblemException.badRequest("period: a month as YYYY-MM, such as 2026-11");
        }
    }

    public static UsagePeriod of(Instant instant) {
        return new UsagePeriod(YearMonth.from(instant.atZone(ZoneOffset.UTC)));
    }

    public LocalDate firstDay() {
        return month.atDay(1);
    }

    public Instant start() {
        return firstDay().atStartOfDay(ZoneOffset.UTC).toInstant();
    }

    /** When the next period starts, and with it every monthly quota. */
    public Instant end() {
        return month.plusMonths(1).atDay(1).atStartOfDay(ZoneOffset.UTC).toInstant();
    }

    public UsagePeriod minus(int months) {
        return new UsagePeriod(month.minusMonths(months));
    }

    @Override
    public String toString() {
        return month.toString();
    }
}
