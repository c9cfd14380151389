package io.fincopilot.answers.boundary;

import io.fincopilot.answers.control.TextSink;

/** Where a streamed answer goes while it is written. */
public interface AnswerStream extends TextSink {

    /**
     * The remote model failed after some of its text was sent: the caller is to drop that text,
     * because the extractive answer follows instead.
     */
    void restart(String reason);
}
