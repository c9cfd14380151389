package io.fincopilot.ingestion.control;

/**
 * One line of a PDF page as the text stripper read it, with what heading detection needs.
 *
 * @param fontSize the largest font size on the line, in points
 * @param bold whether most of its characters are in a bold font
 * @param startsParagraph whether the stripper saw a paragraph break before it
 */
record PdfLine(String text, float fontSize, boolean bold, boolean startsParagraph, int characters) {
}
