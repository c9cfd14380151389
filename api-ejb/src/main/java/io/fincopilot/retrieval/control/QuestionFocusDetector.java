package io.fincopilot.retrieval.control;

import io.fincopilot.retrieval.entity.DocumentProfile;
import io.fincopilot.retrieval.entity.FilingForm;
import io.fincopilot.retrieval.entity.KnownDocument;
import io.fincopilot.retrieval.entity.LineItem;
import io.fincopilot.retrieval.entity.QuestionFocus;
import io.fincopilot.retrieval.entity.QuestionFocus.Scope;
import io.fincopilot.retrieval.entity.StatementKind;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

/**
 * Reads which companies, periods, forms, statement and line items a question names, and which of
 * the tenant's documents it therefore points to, the named year's first and, unless a quarter is
 * named, annual reports before quarterly ones. A named year matches documents of that fiscal year
 * and, for annual and quarterly reports, of the year after (which print it as their comparison
 * column). A named quarter keeps quarterly reports of that quarter (and earnings releases), not
 * annual ones, except the fourth. A named date keeps documents whose statements reach back to it.
 * When the question names something and nothing matches, the focus says so instead of quietly
 * searching everything.
 */
public final class QuestionFocusDetector {

    public QuestionFocus focus(String question, List<KnownDocument> documents) {
        String text = FilingText.normalize(question);
        CompanyMatcher.Result companies = CompanyMatcher.match(text, documents);
        PeriodMentions periods = PeriodMentions.of(text);
        Set<FilingForm> forms = FormMentions.of(text);
        StatementKind statement = FinancialVocabulary.statement(text);
        List<LineItem> items = FinancialVocabulary.lineItems(text);
        List<String> notes = new ArrayList<>(companies.notes());

        Set<UUID> companyDocs = new LinkedHashSet<>();
        companies.companies().values().forEach(companyDocs::addAll);
        boolean namesCompany = !companies.companies().isEmpty() || !companies.unknown().isEmpty();
        for (String name : companies.unknown()) {
            notes.add("no document matches company '" + name + "'");
        }
        List<KnownDocument> candidates = documents.stream().filter(d -> companies.companies().isEmpty() || companyDocs.contains(d.id())).toList();
        if (companies.companies().isEmpty() && !companies.unknown().isEmpty()) {
            candidates = List.of();
        }
        List<KnownDocument> inPeriod = candidates.stream().filter(d -> inPeriod(d.profile(), periods, forms)).toList();
        if (!candidates.isEmpty() && inPeriod.isEmpty()) {
            notes.add("no document" + of(companies) + " covers " + describe(periods) + covered(candidates));
        }
        List<KnownDocument> inForm = inPeriod.stream().filter(d -> forms.isEmpty() || forms.contains(d.profile().form())).toList();
        if (!inPeriod.isEmpty() && inForm.isEmpty()) {
            notes.add("no " + String.join(" or ", forms.stream().map(FilingForm::name).toList()) + " document" + of(companies) + " covers " + describe(periods));
        }
        boolean quarterNamed = !periods.quarters().isEmpty();
        List<UUID> ids = inForm.stream().sorted(Comparator.<KnownDocument>comparingInt(d -> exactness(d.profile(), periods))
                .thenComparing(d -> d.profile().form().isAnnual() == quarterNamed)).map(KnownDocument::id).toList();
        boolean namesAnything = namesCompany || !periods.isEmpty() || !forms.isEmpty();
        Scope scope = !namesAnything ? Scope.ALL : ids.isEmpty() ? Scope.NONE : Scope.FOCUSED;
        TreeSet<Integer> quarters = new TreeSet<>();
        periods.quarters().forEach(q -> quarters.add(q[0]));
        return new QuestionFocus(scope, List.copyOf(companies.companies().keySet()), companies.unknown(), periods.years(), List.copyOf(quarters),
                periods.dates(), forms, statement, items, ids, List.copyOf(companyDocs), notes);
    }

    /** Whether a document's figures may answer for the periods named; a document of unknown period is kept. */
    static boolean inPeriod(DocumentProfile p, PeriodMentions periods, Set<FilingForm> forms) {
        if (periods.isEmpty()) {
            return true;
        }
        for (LocalDate date : periods.dates()) {
            if (p.periodEnd() != null && reaches(p, date)) {
                return true;
            }
        }
        Set<Integer> years = p.candidateFiscalYears();
        boolean quarterly = p.form() == FilingForm.TEN_Q;
        boolean comparative = p.form().isAnnual() || quarterly;
        for (int[] q : periods.quarters()) {
            boolean yearFits = q[1] == 0 || years.isEmpty() || years.contains(q[1]) || comparative && years.contains(q[1] + 1);
            boolean quarterFits = quarterly ? p.fiscalQuarter() == null || p.fiscalQuarter() == q[0]
                    : !p.form().isAnnual() || q[0] == 4 || forms.contains(FilingForm.TEN_K);
            if (yearFits && quarterFits) {
                return true;
            }
        }
        if (!periods.quarters().isEmpty()) {
            return false;
        }
        for (int year : periods.years()) {
            if (years.isEmpty() || years.contains(year) || comparative && years.contains(year + 1)) {
                return true;
            }
        }
        return false;
    }

    /** A 10-K's statements reach back about two years, a 10-Q's one; anything else only its own date. */
    private static boolean reaches(DocumentProfile p, LocalDate date) {
        long back = ChronoUnit.DAYS.between(date, p.periodEnd());
        long reach = p.form().isAnnual() ? 800 : p.form() == FilingForm.TEN_Q ? 400 : 7;
        return back >= -7 && back <= reach;
    }

    /** 0 for a document of a named year (or an undated one), 1 for the year after's comparison column. */
    private static int exactness(DocumentProfile p, PeriodMentions periods) {
        Set<Integer> years = p.candidateFiscalYears();
        return periods.years().isEmpty() || years.isEmpty() || periods.years().stream().anyMatch(years::contains) ? 0 : 1;
    }

    private static String of(CompanyMatcher.Result companies) {
        return companies.companies().isEmpty() ? "" : " of " + String.join(" or ", companies.companies().keySet());
    }

    private static String describe(PeriodMentions periods) {
        List<String> parts = new ArrayList<>();
        periods.quarters().forEach(q -> parts.add("Q" + q[0] + (q[1] == 0 ? "" : " " + q[1])));
        periods.years().stream().filter(y -> periods.quarters().stream().noneMatch(q -> q[1] == y)).forEach(y -> parts.add("fiscal " + y));
        periods.dates().forEach(d -> parts.add(d.toString()));
        return parts.isEmpty() ? "the period asked" : String.join(", ", parts);
    }

    private static String covered(List<KnownDocument> candidates) {
        TreeSet<Integer> years = new TreeSet<>();
        candidates.forEach(d -> years.addAll(d.profile().candidateFiscalYears()));
        return years.isEmpty() ? "" : " (the documents cover fiscal " + (years.size() == 1 ? years.first() : years.first() + " to " + years.last()) + ")";
    }
}
