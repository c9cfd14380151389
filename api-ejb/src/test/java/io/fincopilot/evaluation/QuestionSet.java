package io.fincopilot.evaluation;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;

/** All questions, grouped by kind and numbered ("Q001"), generated company by company in a fixed order. */
final class QuestionSet {

    private QuestionSet() {
    }

    static List<Question> generate(QuestionContext context, Random random) {
        FigureQuestions figures = new FigureQuestions(context, random);
        JudgementQuestions judgements = new JudgementQuestions(context, random);
        List<Question> all = new ArrayList<>();
        for (Company c : Companies.ALL) {
            all.addAll(figures.statementFigures(c));
            all.addAll(figures.figures(c));
            all.addAll(judgements.changes(c));
            all.addAll(figures.segments(c));
            all.addAll(judgements.risks(c));
        }
        all.addAll(new AbstainQuestions(context).all(Companies.ALL));
        List<Question> sorted = all.stream().sorted(Comparator.comparing(Question::kind)).toList();
        List<Question> numbered = new ArrayList<>();
        for (int i = 0; i < sorted.size(); i++) {
            Question q = sorted.get(i);
            numbered.add(new Question(String.format("Q%03d", i + 1), q.text(), q.kind(), q.company(), q.expected(), q.target(), q.evidence()));
        }
        return numbered;
    }
}
