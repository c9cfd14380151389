package io.fincopilot.retrieval.entity;

/**
 * A line item a question asks about, under its usual name, and the statement it is usually read from.
 *
 * @param name the usual name ("capital expenditure" for "capex" or "purchases of property, plant and equipment")
 * @param asked the words the question used
 */
public record LineItem(String name, String asked, StatementKind statement) {
}
