package io.fincopilot.retrieval.entity;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * What a question names and which documents it points to.
 *
 * @param scope ALL when the question names no company, period or form (search everything), FOCUSED
 *     when it names some and documents match, NONE when it names some and nothing matches (the
 *     caller abstains, or widens to {@code companyDocumentIds})
 * @param companies the companies named that the tenant has documents of, as their documents name them
 * @param unknownCompanies names the question seems to use for a company the tenant has no document of
 * @param fiscalYears years named ("FY2018", "fiscal 2018", "FY18", "2018"), ascending
 * @param fiscalQuarters quarters named ("Q2 2023", "second quarter"), ascending
 * @param dates full dates named ("as of December 31, 2022")
 * @param forms forms named ("10-K", "annual report", "10-Q", "quarterly report")
 * @param statement the statement named, or null
 * @param lineItems line items named, each with its usual statement
 * @param documentIds the documents to search, most likely first (the named year's before the year after's)
 * @param companyDocumentIds the named companies' documents whatever their period or form
 * @param notes why documents were left out, in words the answer can repeat ("no document matches company 'Zenbridge Robotics'")
 */
public record QuestionFocus(Scope scope, List<String> companies, List<String> unknownCompanies, List<Integer> fiscalYears, List<Integer> fiscalQuarters,
        List<LocalDate> dates, Set<FilingForm> forms, StatementKind statement, List<LineItem> lineItems, List<UUID> documentIds,
        List<UUID> companyDocumentIds, List<String> notes) {

    public enum Scope { ALL, FOCUSED, NONE }

    public QuestionFocus {
        companies = List.copyOf(companies);
        unknownCompanies = List.copyOf(unknownCompanies);
        fiscalYears = List.copyOf(fiscalYears);
        fiscalQuarters = List.copyOf(fiscalQuarters);
        dates = List.copyOf(dates);
        forms = Set.copyOf(forms);
        lineItems = List.copyOf(lineItems);
        documentIds = List.copyOf(documentIds);
        companyDocumentIds = List.copyOf(companyDocumentIds);
        notes = List.copyOf(notes);
    }

    /** The statement whose pages to prefer: the one named, else the first line item's. */
    public StatementKind statementToSearch() {
        if (statement != null) {
            return statement;
        }
        return lineItems.isEmpty() ? null : lineItems.get(0).statement();
    }
}
