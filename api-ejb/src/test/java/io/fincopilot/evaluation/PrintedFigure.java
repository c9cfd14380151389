package io.fincopilot.evaluation;

/**
 * A figure a generated filing prints, and where.
 *
 * @param document the filing's key ("BRIGHTWATER_2022_10K")
 * @param page 1-based
 * @param segment the segment's name for segment figures, else null
 * @param printed as printed, without a dollar sign: "1,234", "(56)", "2.31", "41.2%"
 * @param label the row label or the words the prose used
 */
record PrintedFigure(String document, int page, Section section, Item item, String segment, Period period, String printed, String label) {
}
