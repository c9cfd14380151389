package io.fincopilot.billing.control;

import io.fincopilot.billing.entity.PlanTerms;
import io.fincopilot.billing.entity.UsagePeriod;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * Storage in byte-days (decision 71): a version of a document counts each UTC day from the day it
 * was stored up to, not including, the day it was deleted; a version stored and deleted on the same
 * day costs nothing. A month's GB-months are its byte-days over 10^9 bytes times its days.
 */
public final class StorageMeter {

    /** One stored version: its size, the day it was stored, and the day it was deleted (null while held). */
    public record Held(long bytes, LocalDate stored, LocalDate released) {
    }

    private StorageMeter() {
    }

    /** Byte-days within the period, counting no day after {@code today} (a month in progress counts what has passed). */
    public static BigInteger byteDays(List<Held> versions, UsagePeriod period, LocalDate today) {
        LocalDate periodEnd = period.month().plusMonths(1).atDay(1);
        return byteDays(versions, period.firstDay(), today.plusDays(1).isBefore(periodEnd) ? today.plusDays(1) : periodEnd);
    }

    /** Byte-days of the days from {@code first} up to, not including, {@code end}. */
    public static BigInteger byteDays(List<Held> versions, LocalDate first, LocalDate end) {
        BigInteger total = BigInteger.ZERO;
        for (Held held : versions) {
            LocalDate from = held.stored().isAfter(first) ? held.stored() : first;
            LocalDate until = held.released() != null && held.released().isBefore(end) ? held.released() : end;
            long days = ChronoUnit.DAYS.between(from, until);
            if (days > 0) {
                total = total.add(BigInteger.valueOf(held.bytes()).multiply(BigInteger.valueOf(days)));
            }
        }
        return total;
    }

    /** GB-months of byte-days in the period, to six decimals (half-even). */
    public static BigDecimal gbMonths(BigInteger byteDays, UsagePeriod period) {
        BigDecimal gbMonthInByteDays = PlanTerms.BYTES_PER_GB.multiply(BigDecimal.valueOf(period.month().lengthOfMonth()));
        return new BigDecimal(byteDays).divide(gbMonthInByteDays, 6, RoundingMode.HALF_EVEN);
    }
}
