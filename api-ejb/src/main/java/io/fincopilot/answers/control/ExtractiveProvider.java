package io.fincopilot.answers.control;

import io.fincopilot.answers.entity.Answer;
import io.fincopilot.answers.entity.Citation;
import io.fincopilot.retrieval.entity.Passage;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The offline answer (decision 58): the best-supporting table rows and sentences of the retrieved
 * passages, each with its citation. A table row travels with its header line, so the years and the
 * figures stay together, and when the question names a year that the header holds, the row's
 * figure for that year leads the answer. When no unit covers enough of the question, or a figure
 * is asked and none is there, it abstains and says so instead of guessing.
 */
public class ExtractiveProvider implements AnswerProvider {

    static final String ABSTENTION = "The documents searched do not answer this question.";
    /** Share of the question's content words a unit must hold to be an answer. */
    static final double ENOUGH = 0.45;
    static final int MAX_UNITS = 3;
    static final int PASSAGES_READ = 8;

    @Override
    public String name() {
        return "extractive";
    }

    @Override
    public Answer answer(String question, List<Passage> passages) {
        AskedFor asked = AskedFor.read(question);
        List<Unit> units = new ArrayList<>();
        for (int rank = 0; rank < Math.min(PASSAGES_READ, passages.size()); rank++) {
            units.addAll(Unit.split(passages.get(rank), rank));
        }
        units.forEach(u -> u.rate(asked));
        units.sort(Comparator.comparingDouble(Unit::score).reversed());
        if (units.isEmpty() || units.get(0).coverage() < ENOUGH || asked.figure() && !units.get(0).hasFigure()) {
            return new Answer(ABSTENTION, List.of(), true, name(), null, 0, 0);
        }
        List<Unit> chosen = new ArrayList<>();
        for (Unit u : units) {
            if (chosen.size() == MAX_UNITS || u.score() < units.get(0).score() * 0.8) {
                break;
            }
            if (chosen.stream().noneMatch(c -> c.text().equals(u.text()))) {
                chosen.add(u);
            }
        }
        StringBuilder text = new StringBuilder();
        List<Citation> citations = new ArrayList<>();
        String lead = chosen.get(0).figureFor(asked);
        if (lead != null) {
            text.append(lead).append(" [1]. ");
        }
        for (int i = 0; i < chosen.size(); i++) {
            Unit u = chosen.get(i);
            Passage p = u.passage();
            citations.add(new Citation(i + 1, p.document(), p.title(), p.version(), p.page(), u.quote(), u.score()));
            text.append(u.quote()).append(" [").append(i + 1).append("]").append(i + 1 < chosen.size() ? " " : "");
        }
        return new Answer(text.toString().strip(), citations, false, name(), null, 0, 0);
    }
}
