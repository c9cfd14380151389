package io.fincopilot.answers.control;

/** What a remote model answered: its text, the model that wrote it, and the tokens it counted. */
public record ModelReply(String text, String model, int tokensIn, int tokensOut) {
}
