package io.fincopilot.evaluation;

import io.fincopilot.ingestion.sample.ReportWriter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * One filing being laid out: the writer, the section each page belongs to, and every figure and
 * risk sentence printed, with its page. Paragraphs flow onto a new page of the same section when
 * the current one is full (filings run on; a note does not start on its own page).
 */
final class FilingLayout {

    final ReportWriter out;
    final String document;
    final Company company;
    final Ledger ledger;
    private final List<Section> sections = new ArrayList<>();
    private final List<PrintedFigure> figures = new ArrayList<>();
    private final List<PrintedSentence> sentences = new ArrayList<>();
    private final Map<String, Integer> marks = new HashMap<>();
    private Section section;

    FilingLayout(String document, String footer, Company company, Ledger ledger) {
        this.out = new ReportWriter(footer);
        this.document = document;
        this.company = company;
        this.ledger = ledger;
    }

    void newPage(Section kind) {
        out.newPage();
        sections.add(kind);
        section = kind;
    }

    int page() {
        return out.page();
    }

    /** A paragraph, on the next page of the same section if it does not fit on this one. */
    void flow(String paragraph) {
        if (!out.paragraph(paragraph)) {
            newPage(section);
            if (!out.paragraph(paragraph)) {
                throw new IllegalStateException("a paragraph longer than a page: " + paragraph);
            }
        }
    }

    /** Paragraphs until this page is full. */
    void fill(Supplier<String> paragraphs) {
        out.fill(paragraphs);
    }

    /** Breaks the page unless {@code points} are left (tables are not split). */
    void keep(float points) {
        if (!out.fits(points)) {
            newPage(section);
        }
    }

    void heading(String text) {
        keep(60);
        out.heading(text);
    }

    /** Remembers the page where something the contents list starts. */
    void mark(String key) {
        marks.putIfAbsent(key, page());
    }

    Map<String, Integer> marks() {
        return Map.copyOf(marks);
    }

    static String itemKey(String part, String item, String title) {
        return part + " " + item + " " + title;
    }

    void figure(Item item, String segment, Period period, String printed, String label) {
        figures.add(new PrintedFigure(document, page(), section, item, segment, period, printed, label));
    }

    void sentence(String riskId, String text) {
        sentences.add(new PrintedSentence(document, page(), riskId, text));
    }

    List<Section> sections() {
        return List.copyOf(sections);
    }

    List<PrintedFigure> figures() {
        return List.copyOf(figures);
    }

    List<PrintedSentence> sentences() {
        return List.copyOf(sentences);
    }
}
