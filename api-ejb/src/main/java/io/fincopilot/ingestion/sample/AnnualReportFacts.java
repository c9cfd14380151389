package io.fincopilot.ingestion.sample;

import java.util.List;

/** What the generated report says, for tests that ask it questions and check the cited page. */
public record AnnualReportFacts(String company, int fiscalYear, int pageCount, List<Fact> facts) {

    public AnnualReportFacts {
        facts = List.copyOf(facts);
    }

    /** @throws IllegalArgumentException when the report prints no such figure */
    public Fact fact(String name, int year) {
        return facts.stream().filter(f -> f.name().equals(name) && f.fiscalYear() == year).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no fact '" + name + "' for " + year));
    }
}
