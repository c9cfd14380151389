package io.fincopilot.answers.control;

import io.fincopilot.answers.entity.Answer;
import io.fincopilot.answers.entity.Citation;
import io.fincopilot.retrieval.entity.Passage;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A remote model's reply made into an answer (decision 59): its {@code [n]} marks become citations
 * of the passages it was shown (a number it was not shown is ignored). A reply of
 * {@link ChatPrompt#NOT_ANSWERED}, or one that cites none of the passages, is an abstention: an
 * answer nobody can check against a page is not given.
 */
public final class ModelAnswers {

    static final String UNCITED = "The documents searched do not answer this question (the model's answer cited none of them).";
    private static final Pattern MARKS = Pattern.compile("\\[(\\d{1,3}(?:\\s*,\\s*\\d{1,3})*)\\]");
    static final int QUOTE = 600;

    private ModelAnswers() {
    }

    public static Answer of(ModelReply reply, ChatPrompt prompt, String provider) {
        String text = reply.text().strip();
        if (isNotAnswered(text)) {
            return new Answer(ExtractiveProvider.ABSTENTION, List.of(), true, provider, reply.model(), reply.tokensIn(),
                    reply.tokensOut());
        }
        Set<Integer> cited = new LinkedHashSet<>();
        Matcher marks = MARKS.matcher(text);
        while (marks.find()) {
            for (String n : marks.group(1).split(",")) {
                int number = Integer.parseInt(n.strip());
                if (number >= 1 && number <= prompt.passages().size()) {
                    cited.add(number);
                }
            }
        }
        if (cited.isEmpty()) {
            return new Answer(UNCITED, List.of(), true, provider, reply.model(), reply.tokensIn(), reply.tokensOut());
        }
        List<Citation> citations = new ArrayList<>();
        for (int number : cited) {
            Passage p = prompt.passages().get(number - 1);
            citations.add(new Citation(number, p.document(), p.title(), p.version(), p.page(), quote(p), p.score()));
        }
        return new Answer(text, citations, false, provider, reply.model(), reply.tokensIn(), reply.tokensOut());
    }

    static boolean isNotAnswered(String text) {
        return text.startsWith(ChatPrompt.NOT_ANSWERED);
    }

    private static String quote(Passage p) {
        String text = p.textWithHeader();
        return text.length() <= QUOTE ? text : text.substring(0, QUOTE) + "\u2026";
    }

    /**
     * Passes streamed text on, except a reply that is {@link ChatPrompt#NOT_ANSWERED}: text is held
     * while it could still be that word, so a caller never sees it.
     */
    public static final class Held implements TextSink {
        private final TextSink next;
        private final StringBuilder held = new StringBuilder();
        private boolean passing;

        public Held(TextSink next) {
            this.next = next;
        }

        @Override
        public void text(String delta) {
            if (passing) {
                next.text(delta);
                return;
            }
            held.append(delta);
            String start = held.toString().stripLeading();
            if (!ChatPrompt.NOT_ANSWERED.startsWith(start.substring(0, Math.min(start.length(), ChatPrompt.NOT_ANSWERED.length())))) {
                passing = true;
                next.text(held.toString());
            }
        }

        /** True once any text reached the caller. */
        public boolean passedAny() {
            return passing;
        }
    }
}
