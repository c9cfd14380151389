package io.fincopilot.evaluation;

import io.fincopilot.evaluation.Question.EvidencePage;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Every figure and risk sentence the corpus prints, by identity, to find all pages that support an
 * answer: the target filing's statement page first, then its other pages, then other filings
 * (a later 10-K's prior-year column, a 10-Q's comparison column, MD&A tables and notes).
 */
final class FactIndex {

    private final Map<FactKey, List<PrintedFigure>> figures = new HashMap<>();
    private final Map<String, List<PrintedSentence>> sentences = new HashMap<>();

    FactIndex(List<Filing> filings) {
        for (Filing filing : filings) {
            for (PrintedFigure f : filing.figures()) {
                figures.computeIfAbsent(new FactKey(filing.company().key(), f.item(), f.segment(), f.period()), k -> new ArrayList<>()).add(f);
            }
            for (PrintedSentence s : filing.sentences()) {
                sentences.computeIfAbsent(s.riskId(), k -> new ArrayList<>()).add(s);
            }
        }
    }

    boolean isPrinted(FactKey key) {
        return figures.containsKey(key);
    }

    List<PrintedFigure> figures(FactKey key) {
        return figures.getOrDefault(key, List.of());
    }

    /** Pages that print every fact of at least one alternative, in sections {@code sections} accepts. */
    List<EvidencePage> pages(String target, Predicate<Section> sections, List<List<FactKey>> alternatives) {
        Map<EvidencePage, Section> found = new HashMap<>();
        for (List<FactKey> facts : alternatives) {
            Map<EvidencePage, Integer> counts = new HashMap<>();
            Map<EvidencePage, Section> kinds = new HashMap<>();
            for (FactKey key : facts) {
                Set<EvidencePage> pages = new LinkedHashSet<>();
                for (PrintedFigure f : figures(key)) {
                    if (sections.test(f.section())) {
                        EvidencePage page = new EvidencePage(f.document(), f.page());
                        pages.add(page);
                        kinds.put(page, f.section());
                    }
                }
                pages.forEach(p -> counts.merge(p, 1, Integer::sum));
            }
            counts.forEach((page, count) -> {
                if (count == facts.size()) {
                    found.put(page, kinds.get(page));
                }
            });
        }
        return order(target, found);
    }

    List<EvidencePage> pages(String target, Predicate<Section> sections, FactKey key) {
        return pages(target, sections, List.of(List.of(key)));
    }

    List<EvidencePage> sentencePages(String target, String riskId) {
        Map<EvidencePage, Section> found = new HashMap<>();
        for (PrintedSentence s : sentences.getOrDefault(riskId, List.of())) {
            found.put(new EvidencePage(s.document(), s.page()), Section.RISK_FACTORS);
        }
        return order(target, found);
    }

    private static List<EvidencePage> order(String target, Map<EvidencePage, Section> found) {
        return found.keySet().stream().sorted(Comparator.<EvidencePage, Boolean>comparing(p -> !p.document().equals(target))
                .thenComparing(p -> rank(found.get(p))).thenComparing(EvidencePage::document).thenComparing(EvidencePage::page)).toList();
    }

    /** Statements before notes before MD&A and the rest. */
    private static int rank(Section section) {
        return section.statement() != null ? 0 : section == Section.NOTES ? 1 : section == Section.MDNA ? 2 : 3;
    }
}
