package io.fincopilot.answers.control;

import io.fincopilot.answers.entity.Answer;
import io.fincopilot.retrieval.entity.Passage;
import java.util.List;

/**
 * Makes an answer from the passages retrieval found (decision 58): {@link ExtractiveProvider}
 * offline, remote chat models behind the same seam. Passages are masked text: nothing else of a
 * document ever reaches a provider.
 */
public interface AnswerProvider {

    String name();

    /** @param passages the retrieved passages, best first */
    Answer answer(String question, List<Passage> passages);
}
