package io.fincopilot.evaluation;

import static io.fincopilot.evaluation.Item.*;

import io.fincopilot.evaluation.Company.Unit;
import io.fincopilot.evaluation.Question.Kind;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.function.Predicate;

/**
 * Figure questions: from a named statement (kind STATEMENT_FIGURE, evidence only that statement's
 * pages), without one (FIGURE, evidence every page printing the figure), and segment figures. Each
 * company gets annual ones for its three fiscal years and quarterly ones from its 10-Qs.
 */
final class FigureQuestions {

    private static final String FINANCEBENCH = "What is the %s %s (in %s) for %s? Give a response to the question by relying on the details shown in the %s.";

    private final QuestionContext x;
    private final Phrasing say;
    private final Random random;

    FigureQuestions(QuestionContext context, Random random) {
        this.x = context;
        this.say = context.phrasing();
        this.random = random;
    }

    List<Question> statementFigures(Company c) {
        List<Question> out = new ArrayList<>();
        List<Item> income = shuffled(REVENUE, NET_INCOME, OPERATING_INCOME, EPS_DILUTED, GROSS_PROFIT);
        List<Item> balance = shuffled(TOTAL_ASSETS, CASH, RECEIVABLES, c.economics().inventory() ? INVENTORIES : PAYABLES, LONG_TERM_DEBT,
                CURRENT_LIABILITIES, TOTAL_EQUITY);
        List<Item> cash = shuffled(CAPEX, OPERATING_CASH_FLOW, DEPRECIATION, REPURCHASES, x.ledger(c).value(DIVIDENDS, Period.year(2022)) > 0 ? DIVIDENDS : CAPEX);
        List<Item> items = List.of(income.get(0), income.get(1), balance.get(0), balance.get(1), cash.get(0), cash.get(1));
        for (int i = 0; i < items.size(); i++) {
            int fy = EvaluationCorpus.FIRST_FILING_YEAR + (i + c.key().length()) % 3;
            out.add(statementFigure(c, items.get(i), fy));
        }
        out.add(quarterStatementFigure(c, EvaluationCorpus.FIRST_FILING_YEAR + random.nextInt(3)));
        return out;
    }

    private Question statementFigure(Company c, Item item, int fy) {
        boolean instant = item.statement == Item.Statement.BALANCE_SHEET;
        Period period = instant ? Period.yearEnd(fy) : Period.year(fy);
        Unit unit = item.isPerShare() ? c.unit() : say.unit(c);
        String units = item.isPerShare() ? "USD per share" : Phrasing.unitWords(unit);
        String co = say.company(c);
        String statement = say.statement(item.statement);
        String when = instant ? "as of " + say.yearEnd(c, fy) : say.year(c, fy);
        String text = switch (random.nextInt(4)) {
            case 0 -> String.format(FINANCEBENCH, "FY" + fy, item.phrase, units, co, statement);
            case 1 -> "According to the " + statement + " in " + Phrasing.possessive(co) + " annual report, what was " + item.phrase + " for " + when
                    + "? Answer in " + units + ".";
            case 2 -> "Using " + Phrasing.possessive(co) + " " + statement + ", what was its " + item.phrase + " " + (instant ? when : "in " + when)
                    + " (in " + units + ")?";
            default -> co + ": what " + item.phrase + " does the " + statement + " report " + (instant ? when : "for " + when) + "? Give the figure in "
                    + units + ".";
        };
        String target = x.annualKey(c, fy);
        Predicate<Section> onStatement = s -> s.statement() == item.statement;
        return new Question(null, text, Kind.STATEMENT_FIGURE, c.key(), x.figure(c, item, null, period, unit), target,
                x.index().pages(target, onStatement, FactKey.of(c, item, period)));
    }

    private Question quarterStatementFigure(Company c, int fy) {
        Filing filing = x.quarterly(c, fy);
        int q = filing.quarter();
        String co = Phrasing.possessive(say.company(c));
        String date = Phrasing.date(filing.periodEnd());
        Unit unit = say.unit(c);
        String units = Phrasing.unitWords(unit);
        Item item;
        Period period;
        String text;
        switch (random.nextInt(3)) {
            case 0 -> {
                item = say.pick(List.of(REVENUE, NET_INCOME, OPERATING_INCOME));
                period = Period.quarter(fy, q);
                text = "What was " + co + " " + item.phrase + " for the three months ended " + date + ", according to the " + say.statement(item.statement)
                        + " in its 10-Q? Answer in " + units + ".";
            }
            case 1 -> {
                item = say.pick(List.of(TOTAL_ASSETS, CASH, CURRENT_LIABILITIES));
                period = Period.quarterEnd(fy, q);
                text = "Per the " + say.statement(item.statement) + " in " + co + " quarterly report for the period ended " + date + ", what was its "
                        + item.phrase + " (" + units + ")?";
            }
            default -> {
                item = OPERATING_CASH_FLOW;
                period = Period.yearToDate(fy, q);
                text = "What " + item.phrase + " did " + say.company(c) + " report in its " + say.statement(item.statement) + " for the "
                        + new String[] {"three", "six", "nine"}[q - 1] + " months ended " + date + " (" + units + ")?";
            }
        }
        Item asked = item;
        return new Question(null, text, Kind.STATEMENT_FIGURE, c.key(), x.figure(c, item, null, period, unit), filing.key(),
                x.index().pages(filing.key(), s -> s.statement() == asked.statement, FactKey.of(c, item, period)));
    }

    List<Question> figures(Company c) {
        List<Question> out = new ArrayList<>();
        List<Item> items = shuffled(REVENUE, NET_INCOME, TOTAL_ASSETS, CAPEX, OPERATING_CASH_FLOW, GROSS_PROFIT, TOTAL_DEBT, CASH);
        for (int i = 0; i < 4; i++) {
            out.add(figure(c, items.get(i), EvaluationCorpus.FIRST_FILING_YEAR + (i + c.name().length()) % 3));
        }
        Filing filing = x.quarterly(c, EvaluationCorpus.FIRST_FILING_YEAR + random.nextInt(3));
        Period quarter = Period.quarter(filing.fiscalYear(), filing.quarter());
        Item item = say.pick(List.of(REVENUE, NET_INCOME, GROSS_PROFIT));
        String text = say.pick(List.of("What was " + Phrasing.possessive(say.company(c)) + " " + item.phrase + " in the quarter ended "
                + Phrasing.date(filing.periodEnd()) + "?", "How much " + item.phrase + " did " + say.company(c) + " report for the three months ended "
                + Phrasing.date(filing.periodEnd()) + "?"));
        out.add(new Question(null, text, Kind.FIGURE, c.key(), x.figure(c, item, null, quarter, c.unit()), filing.key(),
                x.index().pages(filing.key(), s -> true, FactKey.of(c, item, quarter))));
        return out;
    }

    private Question figure(Company c, Item item, int fy) {
        boolean instant = item.statement == Item.Statement.BALANCE_SHEET;
        Period period = instant ? Period.yearEnd(fy) : Period.year(fy);
        Unit unit = say.unit(c);
        String co = say.company(c);
        String text;
        if (item == CAPEX) {
            text = "How much did " + co + " spend on capital expenditures in " + say.year(c, fy) + "?";
        } else if (item == TOTAL_DEBT) {
            text = "What was " + Phrasing.possessive(co) + " total debt at " + say.yearEnd(c, fy) + ", including the current portion, in "
                    + Phrasing.unitWords(unit) + "?";
        } else if (instant) {
            text = say.pick(List.of("What " + item.phrase + " did " + co + " report at " + say.yearEnd(c, fy) + "?",
                    "How much " + item.phrase + " did " + co + " have as of " + say.yearEnd(c, fy) + " (" + Phrasing.unitWords(unit) + ")?"));
        } else {
            text = say.pick(List.of("What was " + Phrasing.possessive(co) + " " + item.phrase + " in " + say.year(c, fy) + "?",
                    "How much " + item.phrase + " did " + co + " report for " + say.year(c, fy) + ", in " + Phrasing.unitWords(unit) + "?",
                    co + " " + item.phrase + " FY" + fy));
        }
        String target = x.annualKey(c, fy);
        List<List<FactKey>> support = item == TOTAL_DEBT
                ? List.of(List.of(FactKey.of(c, TOTAL_DEBT, period)), List.of(FactKey.of(c, CURRENT_DEBT, period), FactKey.of(c, LONG_TERM_DEBT, period)))
                : List.of(List.of(FactKey.of(c, item, period)));
        Expected expected = x.figure(c, item, null, period, unit);
        if (item == TOTAL_DEBT) {
            expected = expected.withParts(List.of(Figures.amount(x.ledger(c).value(CURRENT_DEBT, period)),
                    Figures.amount(x.ledger(c).value(LONG_TERM_DEBT, period))));
        }
        return new Question(null, text, Kind.FIGURE, c.key(), expected, target, x.index().pages(target, s -> true, support));
    }

    List<Question> segments(Company c) {
        List<Question> out = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            String segment = c.segments().get((i + random.nextInt(2)) % c.segments().size());
            Item item = random.nextBoolean() ? SEGMENT_REVENUE : SEGMENT_OPERATING_INCOME;
            String what = item == SEGMENT_REVENUE ? say.pick(List.of("revenue", "sales")) : "operating income";
            String co = say.company(c);
            Filing target;
            Period period;
            String when;
            if (i < 2) {
                int fy = EvaluationCorpus.FIRST_FILING_YEAR + (i + c.ticker().charAt(0)) % 3;
                target = x.filings().stream().filter(f -> f.key().equals(x.annualKey(c, fy))).findFirst().orElseThrow();
                period = Period.year(fy);
                when = say.year(c, fy);
            } else {
                target = x.quarterly(c, EvaluationCorpus.FIRST_FILING_YEAR + random.nextInt(3));
                period = Period.quarter(target.fiscalYear(), target.quarter());
                when = "the three months ended " + Phrasing.date(target.periodEnd());
            }
            String text = say.pick(List.of("What was the " + what + " of " + Phrasing.possessive(co) + " " + segment + " segment in " + when + "?",
                    "How much " + (what.equals("sales") ? "in sales" : what) + " did " + Phrasing.possessive(co) + " " + segment + " segment report for " + when + " (" + Phrasing.unitWords(c.unit())
                            + ")?",
                    "In " + when + ", what was " + segment + " segment " + what + " at " + co + "?"));
            out.add(new Question(null, text, Kind.SEGMENT, c.key(), x.figure(c, item, segment, period, c.unit()), target.key(),
                    x.index().pages(target.key(), s -> true, FactKey.segment(c, item, segment, period))));
        }
        return out;
    }

    private List<Item> shuffled(Item... items) {
        List<Item> list = new ArrayList<>(List.of(items));
        Collections.shuffle(list, random);
        return list;
    }
}
