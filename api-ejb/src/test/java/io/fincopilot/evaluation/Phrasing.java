package io.fincopilot.evaluation;

import java.time.LocalDate;
import java.util.List;
import java.util.Random;

/**
 * The ways people name companies, years, statements and units in questions: the short name, the
 * legal name or the ticker; "FY2022", "fiscal 2022", "FY22" or, for calendar-year companies, plain
 * "2022"; "income statement", "P&L" or "statement of operations".
 */
final class Phrasing {

    private final Random random;

    Phrasing(Random random) {
        this.random = random;
    }

    <T> T pick(List<T> options) {
        return options.get(random.nextInt(options.size()));
    }

    String company(Company c) {
        int roll = random.nextInt(10);
        return roll < 5 ? c.shortName() : roll < 7 ? c.ticker() : c.name();
    }

    static String possessive(String name) {
        return name.endsWith("s") ? name + "'" : name + "'s";
    }

    String year(Company c, int fiscalYear) {
        List<String> forms = c.calendar().isCalendarYear()
                ? List.of("FY" + fiscalYear, "fiscal " + fiscalYear, String.valueOf(fiscalYear), "FY" + fiscalYear % 100, "the year ended December 31, " + fiscalYear)
                : List.of("FY" + fiscalYear, "fiscal " + fiscalYear, "fiscal year " + fiscalYear, "FY" + fiscalYear % 100,
                        "the fiscal year ended " + FiscalCalendar.format(c.calendar().yearEnd(fiscalYear)));
        return pick(forms);
    }

    /** A balance sheet date: "the end of FY2022", "December 31, 2022". */
    String yearEnd(Company c, int fiscalYear) {
        return random.nextBoolean() ? "the end of " + pick(List.of("FY" + fiscalYear, "fiscal " + fiscalYear))
                : FiscalCalendar.format(c.calendar().yearEnd(fiscalYear));
    }

    static String date(LocalDate date) {
        return FiscalCalendar.format(date);
    }

    String statement(Item.Statement statement) {
        return switch (statement) {
            case INCOME -> pick(List.of("income statement", "statement of operations", "P&L statement", "statement of income"));
            case BALANCE_SHEET -> pick(List.of("balance sheet", "statement of financial position"));
            case CASH_FLOW -> pick(List.of("cash flow statement", "statement of cash flows"));
            default -> throw new IllegalArgumentException("no statement phrase for " + statement);
        };
    }

    /** The unit a question asks in: the company's own, sometimes millions for a company reporting thousands. */
    Company.Unit unit(Company c) {
        return c.unit() == Company.Unit.THOUSANDS && random.nextInt(4) == 0 ? Company.Unit.MILLIONS : c.unit();
    }

    static String unitWords(Company.Unit unit) {
        return "USD " + unit.word;
    }
}
