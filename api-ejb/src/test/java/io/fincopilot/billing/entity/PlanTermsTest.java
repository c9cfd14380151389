package io.fincopilot.billing.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fincopilot.platform.problem.ProblemException;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.YearMonth;
import org.junit.jupiter.api.Test;

class PlanTermsTest {

    private static PlanTerms plan(String code, String price, String currency, String unitPrice) {
        return new PlanTerms(code, " Team ", new BigDecimal(price), currency, 600, 10_000_000, 300, 1000, 500,
                new BigDecimal("2.5"), new BigDecimal(unitPrice), new BigDecimal("0.01"), new BigDecimal("0.2"), true);
    }

    @Test
    void validTermsAreNormalisedToTheirScales() {
        PlanTerms valid = plan("team", "49", "eur", "0.0025").validated();
        assertEquals("Team", valid.name());
        assertEquals("EUR", valid.currency());
        assertEquals("49.00", valid.monthlyPrice().toPlainString());
        assertEquals("0.002500", valid.overagePagePrice().toPlainString());
        assertEquals("2.500", valid.includedStorageGb().toPlainString());
        assertEquals(2_500_000_000L, valid.includedStorageBytes());
    }

    @Test
    void aPriceFinerThanTheCurrencysMinorUnitIsRefused() {
        assertTrue(refusal(plan("team", "49.001", "USD", "0.01")).contains("monthlyPrice: at most 2 decimals"));
        assertTrue(refusal(plan("team", "4900.5", "JPY", "0.01")).contains("monthlyPrice: at most 0 decimals"));
        assertEquals("4900", plan("team", "4900", "JPY", "1").validated().monthlyPrice().toPlainString());
    }

    @Test
    void currenciesFinerThanTheCentAndUnboundedQuantitiesAreRefused() {
        assertTrue(refusal(plan("team", "12.345", "KWD", "0.01")).contains("at most 2 minor digits"));
        assertTrue(refusal(plan("team", "10", "XXX", "0.01")).contains("a currency money is paid in"));
        assertTrue(refusal(plan("team", "10", "XTS", "0.01")).contains("a currency money is paid in"));
        assertEquals("XOF", plan("team", "10", "XOF", "1").validated().currency(), "CFA francs are money");
        PlanTerms huge = new PlanTerms("team", "Team", BigDecimal.ONE, "USD", 600, 10_000_000, 300, Long.MAX_VALUE, 0,
                BigDecimal.ONE, BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO, true);
        assertTrue(refusal(huge).contains("includedPages and includedQuestions"));
    }

    @Test
    void termsBillAlikeWhateverTheirNameAndLimits() {
        PlanTerms team = plan("team", "49", "USD", "0.01").validated();
        PlanTerms renamed = new PlanTerms("team", "Team (renamed)", new BigDecimal("49.0"), "USD", 1, 1, 1, team.includedPages(),
                team.includedQuestions(), team.includedStorageGb(), team.overagePagePrice(), team.overageQuestionPrice(),
                team.overageStorageGbMonthPrice(), true);
        assertTrue(team.billsLike(renamed));
        assertTrue(!team.billsLike(plan("team", "50", "USD", "0.01").validated()));
        assertTrue(!team.billsLike(plan("other", "49", "USD", "0.01").validated()));
    }

    @Test
    void everyProblemIsNamedInOneAnswer() {
        String detail = refusal(new PlanTerms("X!", "", new BigDecimal("-1"), "ZZZ", 0, 0, 0, -1, 0,
                new BigDecimal("1"), new BigDecimal("0.0000001"), null, BigDecimal.ZERO, false));
        for (String field : new String[] {"code:", "name:", "currency:", "monthlyPrice:", "rateLimitPerMinute:",
                "maxUploadBytes:", "maxPagesPerDocument:", "includedPages", "overagePagePrice: at most 6 decimals",
                "overageQuestionPrice: required"}) {
            assertTrue(detail.contains(field), field + " in " + detail);
        }
    }

    @Test
    void aPeriodIsACalendarMonthInUtc() {
        UsagePeriod period = UsagePeriod.of(Instant.parse("2026-12-31T23:59:59Z"));
        assertEquals(YearMonth.of(2026, 12), period.month());
        assertEquals(Instant.parse("2027-01-01T00:00:00Z"), period.end());
        assertEquals(Instant.parse("2026-12-01T00:00:00Z"), period.start());
        assertEquals("2026-01", period.minus(11).toString());
        for (String bad : new String[] {"-2025-10", "+10000-01", "0000-01", "2025-1", "2025-13", ""}) {
            assertThrows(ProblemException.class, () -> UsagePeriod.parse(bad), bad);
        }
        assertEquals(YearMonth.of(2025, 10), UsagePeriod.parse(" 2025-10 ").month());
    }

    private static String refusal(PlanTerms terms) {
        return assertThrows(ProblemException.class, terms::validated).problem().detail();
    }
}
