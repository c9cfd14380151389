package io.fincopilot.evaluation;

import static io.fincopilot.evaluation.Item.*;

import io.fincopilot.evaluation.Company.Risk;
import io.fincopilot.evaluation.Question.Kind;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

/**
 * Questions answered with a judgement: whether a figure or a margin rose between two fiscal years
 * (yes or no, with both values; the wording asks about a rise or a fall, so both answers occur),
 * and what a risk factor says.
 */
final class JudgementQuestions {

    private final QuestionContext x;
    private final Phrasing say;
    private final Random random;

    JudgementQuestions(QuestionContext context, Random random) {
        this.x = context;
        this.say = context.phrasing();
        this.random = random;
    }

    List<Question> changes(Company c) {
        List<Item> metrics = new ArrayList<>(List.of(GROSS_MARGIN, OPERATING_MARGIN, REVENUE, NET_INCOME, CAPEX, OPERATING_CASH_FLOW));
        Collections.shuffle(metrics, random);
        List<Question> out = new ArrayList<>();
        for (int i = 0; out.size() < 4; i++) {
            int later = EvaluationCorpus.FIRST_FILING_YEAR + (i + c.shortName().length()) % 3;
            Question q = change(c, metrics.get(i % metrics.size()), later - 1, later);
            if (q != null) {
                out.add(q);
            }
        }
        return out;
    }

    /** Null when the two values print the same (a margin equal to one decimal has no direction). */
    private Question change(Company c, Item metric, int earlier, int later) {
        Ledger ledger = x.ledger(c);
        Period before = Period.year(earlier);
        Period after = Period.year(later);
        List<String> values;
        boolean rose;
        List<List<FactKey>> support;
        String unit;
        if (metric.isPercent()) {
            double a = ledger.margin(metric, before);
            double b = ledger.margin(metric, after);
            if (a == b) {
                return null;
            }
            rose = b > a;
            values = List.of(Figures.percent(a), Figures.percent(b));
            unit = "percent";
            Item numerator = metric == GROSS_MARGIN ? GROSS_PROFIT : OPERATING_INCOME;
            support = List.of(List.of(FactKey.of(c, numerator, before), FactKey.of(c, REVENUE, before), FactKey.of(c, numerator, after),
                    FactKey.of(c, REVENUE, after)), List.of(FactKey.of(c, metric, before), FactKey.of(c, metric, after)));
        } else {
            long a = ledger.value(metric, before);
            long b = ledger.value(metric, after);
            if (a == b) {
                return null;
            }
            rose = b > a;
            values = List.of(String.format(java.util.Locale.US, "%,d", a), String.format(java.util.Locale.US, "%,d", b));
            unit = Phrasing.unitWords(c.unit());
            support = List.of(List.of(FactKey.of(c, metric, before), FactKey.of(c, metric, after)));
        }
        boolean askRise = random.nextInt(3) > 0;
        String co = say.company(c);
        String y1 = say.pick(List.of("FY" + earlier, "fiscal " + earlier));
        String y2 = say.pick(List.of("FY" + later, "fiscal " + later));
        String what = metric.phrase;
        String text = switch (random.nextInt(3)) {
            case 0 -> "Did " + Phrasing.possessive(co) + " " + what + " " + (askRise ? metric.isPercent() ? "improve" : "increase" : "decline") + " from " + y1
                    + " to " + y2 + "?";
            case 1 -> "Was " + Phrasing.possessive(co) + " " + what + " " + (askRise ? "higher" : "lower") + " in " + y2 + " than in " + y1 + "?";
            default -> "Comparing " + y1 + " and " + y2 + ", did " + co + " see its " + what + " " + (askRise ? "rise" : "fall") + "?";
        };
        boolean yes = askRise == rose;
        String target = x.annualKey(c, later);
        return new Question(null, text, Kind.CHANGE, c.key(), Expected.yesNo(yes, values, unit,
                (yes ? "Yes" : "No") + ": " + what + " was " + values.get(0) + " in FY" + earlier + " and " + values.get(1) + " in FY" + later),
                target, x.index().pages(target, s -> true, support));
    }

    List<Question> risks(Company c) {
        List<Risk> risks = new ArrayList<>(c.risks());
        Collections.shuffle(risks, random);
        List<Question> out = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            Risk risk = risks.get(i);
            int fy = EvaluationCorpus.FIRST_FILING_YEAR + i;
            String co = say.company(c);
            String text = switch (random.nextInt(3)) {
                case 0 -> "What risk does " + co + " describe regarding " + risk.topic() + " in its FY" + fy + " 10-K?";
                case 1 -> "According to " + Phrasing.possessive(co) + " annual report for " + say.year(c, fy) + ", how could " + risk.topic()
                        + " affect the business?";
                default -> "In its fiscal " + fy + " Form 10-K, what does " + co + " say about " + risk.topic() + "?";
            };
            String target = x.annualKey(c, fy);
            out.add(new Question(null, text, Kind.RISK, c.key(), Expected.sentence(risk.fragment(), risk.sentence()), target,
                    x.index().sentencePages(target, risk.id())));
        }
        return out;
    }
}
