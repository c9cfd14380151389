package io.fincopilot.ingestion.sample;

/**
 * A figure the sample report prints, where it prints it.
 *
 * @param name the row label as printed ("Revenue", "Capital expenditures")
 * @param fiscalYear the year of the column it sits in
 * @param value as printed, in thousands of dollars unless the name says otherwise ("1,204,611")
 * @param page the 1-based page of the statement or note that prints it
 */
public record Fact(String name, int fiscalYear, String value, int page) {
}
