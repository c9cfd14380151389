package io.fincopilot.billing.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fincopilot.billing.entity.UsagePeriod;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.api.Test;

class StorageMeterTest {

    private static final UsagePeriod MARCH = new UsagePeriod(YearMonth.of(2026, 3));
    private static final LocalDate LATER = LocalDate.of(2027, 1, 1);

    @Test
    void aVersionCountsFromTheDayItIsStoredUntilTheDayItIsDeleted() {
        var held = new StorageMeter.Held(1000, LocalDate.of(2026, 3, 10), LocalDate.of(2026, 3, 13));
        assertEquals(BigInteger.valueOf(3000), StorageMeter.byteDays(List.of(held), MARCH, LATER));
    }

    @Test
    void storedAndDeletedTheSameDayCostsNothing() {
        var held = new StorageMeter.Held(1000, LocalDate.of(2026, 3, 10), LocalDate.of(2026, 3, 10));
        assertEquals(BigInteger.ZERO, StorageMeter.byteDays(List.of(held), MARCH, LATER));
    }

    @Test
    void aMonthInProgressCountsTheDaysSoFarTodayIncluded() {
        var held = new StorageMeter.Held(10, LocalDate.of(2026, 2, 1), null);
        assertEquals(BigInteger.valueOf(50), StorageMeter.byteDays(List.of(held), MARCH, LocalDate.of(2026, 3, 5)));
        assertEquals(BigInteger.valueOf(310), StorageMeter.byteDays(List.of(held), MARCH, LATER));
    }

    @Test
    void aGigabyteHeldAllMonthIsOneGbMonth() {
        var held = new StorageMeter.Held(1_000_000_000L, LocalDate.of(2026, 1, 1), null);
        BigInteger byteDays = StorageMeter.byteDays(List.of(held), MARCH, LATER);
        assertEquals(new BigDecimal("1.000000"), StorageMeter.gbMonths(byteDays, MARCH));
    }

    /** However a year is cut into months, its months' byte-days add up to the bytes times the days held. */
    @Property(tries = 300)
    void monthsAddUpToTheDaysHeld(@ForAll @LongRange(min = 0, max = 5_000_000_000L) long bytes,
            @ForAll @IntRange(min = 0, max = 400) int storedOn, @ForAll @IntRange(min = 0, max = 400) int heldFor,
            @ForAll boolean released) {
        LocalDate yearStart = LocalDate.of(2026, 1, 1);
        LocalDate stored = yearStart.minusDays(20).plusDays(storedOn);
        LocalDate deleted = released ? stored.plusDays(heldFor) : null;
        var held = new StorageMeter.Held(bytes, stored, deleted);
        BigInteger sum = BigInteger.ZERO;
        for (int month = 1; month <= 12; month++) {
            BigInteger days = StorageMeter.byteDays(List.of(held), new UsagePeriod(YearMonth.of(2026, month)), LATER);
            assertTrue(days.signum() >= 0, "never negative");
            sum = sum.add(days);
        }
        LocalDate yearEnd = LocalDate.of(2027, 1, 1);
        LocalDate from = stored.isBefore(yearStart) ? yearStart : stored;
        LocalDate until = deleted == null || deleted.isAfter(yearEnd) ? yearEnd : deleted;
        long expectedDays = Math.max(0, ChronoUnit.DAYS.between(from, until));
        assertEquals(BigInteger.valueOf(bytes).multiply(BigInteger.valueOf(expectedDays)), sum);
    }
}
