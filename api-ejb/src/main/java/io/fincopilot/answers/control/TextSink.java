package io.fincopilot.answers.control;

/** Receives an answer's text as a model writes it (a streamed ask). */
@FunctionalInterface
public interface TextSink {

    void text(String delta);
}
