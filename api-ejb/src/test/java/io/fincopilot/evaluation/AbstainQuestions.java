package io.fincopilot.evaluation;

import static io.fincopilot.evaluation.Item.*;

import io.fincopilot.evaluation.Question.Kind;
import java.util.ArrayList;
import java.util.List;

/**
 * Questions the corpus cannot answer, whose right outcome is to say so: companies it lacks (some
 * sounding like ones it has), fiscal years no filing covers, quarters no 10-Q prints, and line
 * items no filing prints. {@code EvaluationCorpusTest} checks that none of them is printed.
 */
final class AbstainQuestions {

    /** Companies not in the corpus; the second word of two of them matches a company that is. */
    static final List<String> STRANGERS = List.of("Zenbridge Robotics", "Halvorsen Robotics", "Corvane Logistics", "Brightstone Energy",
            "Northwind Semiconductor", "Tessaro Bank");

    private final QuestionContext x;
    private final Phrasing say;

    AbstainQuestions(QuestionContext context) {
        this.x = context;
        this.say = context.phrasing();
    }

    List<Question> all(List<Company> companies) {
        List<Question> out = new ArrayList<>();
        String[] items = {"revenue", "capital expenditure", "total assets", "net income", "operating cash flow", "total debt"};
        for (int i = 0; i < STRANGERS.size(); i++) {
            String name = STRANGERS.get(i);
            int fy = EvaluationCorpus.FIRST_FILING_YEAR + i % 3;
            out.add(abstain(null, null, say.pick(List.of("What was " + Phrasing.possessive(name) + " " + items[i] + " in FY" + fy + "?",
                    "What is the FY" + fy + " " + items[i] + " (in USD millions) for " + name + "? Give a response to the question by relying on the details "
                            + "shown in its financial statements.")), name + " is not in the corpus"));
        }
        int[] years = {2016, 2018, 2024, 2025, 2017, 2024};
        Item[] flows = {REVENUE, NET_INCOME, CAPEX, OPERATING_CASH_FLOW, REVENUE, NET_INCOME};
        for (int i = 0; i < companies.size(); i++) {
            Company c = companies.get(i);
            int fy = years[i % years.length];
            String target = x.annualKey(c, fy < 2021 ? 2021 : 2023);
            out.add(abstain(c, target, "What was " + Phrasing.possessive(say.company(c)) + " " + flows[i].phrase + " in FY" + fy + "?",
                    "no filing covers fiscal " + fy));
            ensureAbsent(FactKey.of(c, flows[i], Period.year(fy)));
        }
        for (int i = 0; i < 4; i++) {
            Company c = companies.get(i);
            int q = 1 + i % 3;
            String ordinal = new String[] {"first", "second", "third"}[q - 1];
            out.add(abstain(c, x.quarterly(c, 2021).key(), "What was " + Phrasing.possessive(say.company(c)) + " revenue in the " + ordinal
                    + " quarter of fiscal 2019?", "no 10-Q covers fiscal 2019"));
            ensureAbsent(FactKey.of(c, REVENUE, Period.quarter(2019, q)));
        }
        String[][] missing = {
            {"HALVORSEN_FOODS", "research and development expense"}, {"CORVANE", "research and development expense"},
            {"NORTHPEAK", "inventories"}, {"BRIGHTWATER", "advertising expense"}, {"BRIGHTLINE", "goodwill impairment charge"},
            {"HALVORSEN_INSTRUMENTS", "number of employees"}};
        for (String[] m : missing) {
            Company c = companies.stream().filter(k -> k.key().equals(m[0])).findFirst().orElseThrow();
            out.add(abstain(c, x.annualKey(c, 2022), "What was " + Phrasing.possessive(say.company(c)) + " " + m[1] + " in FY2022?",
                    c.shortName() + " does not report " + m[1]));
        }
        return out;
    }

    private Question abstain(Company c, String target, String text, String why) {
        return new Question(null, text, Kind.UNANSWERABLE, c == null ? null : c.key(), Expected.abstain(why), target, List.of());
    }

    private void ensureAbsent(FactKey key) {
        if (x.index().isPrinted(key)) {
            throw new IllegalStateException("an unanswerable question's figure is printed: " + key);
        }
    }
}
