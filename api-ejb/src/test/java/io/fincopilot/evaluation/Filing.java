package io.fincopilot.evaluation;

import java.time.LocalDate;
import java.util.List;

/**
 * One generated filing: its PDF, what it is, and what each page holds.
 *
 * @param key the file name without ".pdf" ("BRIGHTWATER_2023Q2_10Q")
 * @param quarter the fiscal quarter of a 10-Q, 0 for a 10-K
 * @param sections what each page holds, page 1 first
 */
record Filing(String key, Company company, Form form, int fiscalYear, int quarter, LocalDate periodEnd, byte[] pdf, List<Section> sections,
        List<PrintedFigure> figures, List<PrintedSentence> sentences) {

    enum Form { TEN_K, TEN_Q }

    Filing {
        sections = List.copyOf(sections);
        figures = List.copyOf(figures);
        sentences = List.copyOf(sentences);
    }

    static Filing of(FilingLayout l, Form form, int fiscalYear, int quarter, LocalDate periodEnd, byte[] pdf) {
        return new Filing(l.document, l.company, form, fiscalYear, quarter, periodEnd, pdf, l.sections(), l.figures(), l.sentences());
    }

    String fileName() {
        return key + ".pdf";
    }

    int pageCount() {
        return sections.size();
    }

    /** The PDF's trailer /ID, fixed by the seed and the key so the same seed gives the same bytes. */
    static byte[] id(long seed, String key) {
        try {
            return java.security.MessageDigest.getInstance("MD5").digest((seed + "/" + key).getBytes(java.nio.charset.StandardCharsets.UTF_8));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
