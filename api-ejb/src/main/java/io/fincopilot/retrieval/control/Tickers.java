package io.fincopilot.retrieval.control;

import io.fincopilot.retrieval.control.QuestionWords.Word;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Where a question names a company by its ticker: the same capitals as a whole word ("AMD's",
 * "MMM"). A ticker that is also a word ("ON", "A", "KEY", "ALL"), or any ticker in a question written
 * in capitals, counts only where it reads as a ticker: "(ON)", "$ON", "NYSE: ON", "ticker ON".
 */
final class Tickers {

    private static final Set<String> WORDS = Set.of("A", "AN", "ALL", "ARE", "AT", "BE", "BIG", "BY", "CAN", "CASH", "CAT", "DAY", "EAT", "FAST",
            "FOR", "FUN", "GO", "GOOD", "HAS", "HE", "HOME", "IN", "IS", "IT", "JOB", "KEY", "LIFE", "LOVE", "LOW", "ME", "NEW", "NICE", "NOW", "OF", "ON",
            "ONE", "OR", "OUT", "PLAY", "REAL", "RUN", "SEE", "SO", "TO", "TRUE", "TWO", "UP", "US", "WE", "WELL", "WORK", "ALLY", "BEST", "PEAK", "ANY");
    private static final Set<String> BEFORE = Set.of("ticker", "symbol", "nyse", "nasdaq");

    private Tickers() {
    }

    /** The indexes of the words that name {@code ticker}. */
    static Set<Integer> match(String ticker, List<Word> words, String question, boolean shouted) {
        Set<Integer> hit = new HashSet<>();
        if (ticker == null) {
            return hit;
        }
        boolean wordLike = ticker.length() <= 2 || WORDS.contains(ticker) || shouted;
        for (Word word : words) {
            if (word.text().equals(ticker) && (!wordLike || readsAsTicker(word, words, question))) {
                hit.add(word.index());
            }
        }
        return hit;
    }

    private static boolean readsAsTicker(Word word, List<Word> words, String question) {
        char before = word.start() > 0 ? question.charAt(word.start() - 1) : ' ';
        char after = word.end() < question.length() ? question.charAt(word.end()) : ' ';
        String previous = word.index() > 0 ? words.get(word.index() - 1).lower() : "";
        return before == '(' && after == ')' || before == '$' || before == ':' || BEFORE.contains(previous);
    }
}
