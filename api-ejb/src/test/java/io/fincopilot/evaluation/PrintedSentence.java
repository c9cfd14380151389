package io.fincopilot.evaluation;

/** A risk-factor sentence a generated filing prints, and where (1-based page). */
record PrintedSentence(String document, int page, String riskId, String text) {
}
