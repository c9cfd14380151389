package io.fincopilot.retrieval.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fincopilot.retrieval.entity.DocumentProfile;
import io.fincopilot.retrieval.entity.FilingForm;
import io.fincopilot.retrieval.entity.KnownDocument;
import io.fincopilot.retrieval.entity.LineItem;
import io.fincopilot.retrieval.entity.QuestionFocus;
import io.fincopilot.retrieval.entity.QuestionFocus.Scope;
import io.fincopilot.retrieval.entity.StatementKind;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** A tenant holding real companies' filings (profiles as the detector would read them), asked FinanceBench-style questions. */
class QuestionFocusDetectorTest {

    private static final KnownDocument MMM_2018 = doc("3M COMPANY", null, FilingForm.TEN_K, 2018, null, "2018-12-31", "3M_2018_10K.pdf");
    private static final KnownDocument MMM_2022 = doc("3M COMPANY", "MMM", FilingForm.TEN_K, 2022, null, "2022-12-31", "3M_2022_10K.pdf");
    private static final KnownDocument MMM_Q2 = doc("3M COMPANY", "MMM", FilingForm.TEN_Q, 2023, 2, "2023-06-30", "3M_2023Q2_10Q.pdf");
    private static final KnownDocument AMD_2021 = doc("ADVANCED MICRO DEVICES, INC.", "AMD", FilingForm.TEN_K, 2021, null, "2021-12-25", "AMD_2021_10K.pdf");
    private static final KnownDocument AMD_2022 = doc("ADVANCED MICRO DEVICES, INC.", "AMD", FilingForm.TEN_K, 2022, null, "2022-12-31", "AMD_2022_10K.pdf");
    private static final KnownDocument AMD_Q2 = doc("ADVANCED MICRO DEVICES, INC.", "AMD", FilingForm.TEN_Q, 2023, 2, "2023-07-01", "AMD_2023Q2_10Q.pdf");
    private static final KnownDocument AMCOR = doc("AMCOR PLC", "AMCR", FilingForm.TEN_K, 2023, null, "2023-06-30", "AMCOR_2023_10K.pdf");
    private static final KnownDocument JNJ = doc("JOHNSON & JOHNSON", "JNJ", FilingForm.TEN_K, 2022, null, "2023-01-01", "JOHNSON_JOHNSON_2022_10K.pdf");
    private static final KnownDocument GIS = doc("GENERAL MILLS, INC.", "GIS", FilingForm.TEN_K, 2019, null, "2019-05-26", "GENERALMILLS_2019_10K.pdf");
    private static final KnownDocument AXP = doc("American Express Company", "AXP", FilingForm.TEN_K, 2022, null, "2022-12-31", "AMERICANEXPRESS_2022_10K.pdf");
    private static final KnownDocument PEP = doc("PepsiCo, Inc.", "PEP", FilingForm.EIGHT_K, 2023, null, "2023-05-30", "PEPSICO_2023_8K_dated-2023-05-30.pdf");
    private static final KnownDocument ON = doc("ON SEMICONDUCTOR CORPORATION", "ON", FilingForm.TEN_K, 2022, null, "2022-12-31", "onsemi-20221231.pdf");
    private static final KnownDocument AGILENT = doc("AGILENT TECHNOLOGIES, INC.", "A", FilingForm.TEN_K, 2022, null, "2022-10-31", "agilent 10-K 2022.pdf");
    private static final KnownDocument BLOCK = doc("Block, Inc.", "SQ", FilingForm.TEN_K, 2022, null, "2022-12-31", "BLOCK_2022_10K.pdf");
    private static final KnownDocument BEST_BUY = doc("BEST BUY CO., INC.", "BBY", FilingForm.TEN_K, null, null, "2023-01-28", "bby-20230128.pdf");
    private static final KnownDocument APPLE = doc("Apple Inc.", "AAPL", FilingForm.TEN_K, 2022, null, "2022-09-24", "aapl-20220924.pdf");
    private static final List<KnownDocument> TENANT = List.of(MMM_2018, MMM_2022, MMM_Q2, AMD_2021, AMD_2022, AMD_Q2, AMCOR, JNJ, GIS, AXP, PEP, ON, AGILENT,
            BLOCK, BEST_BUY, APPLE);

    private final QuestionFocusDetector detector = new QuestionFocusDetector();

    @Test
    void aFinanceBenchQuestionNamesCompanyYearStatementAndItem() {
        QuestionFocus focus = focus("What is the FY2018 capital expenditure amount (in USD millions) for 3M? Give a response to the question by relying on the "
                + "details shown in the cash flow statement.");
        assertEquals(Scope.FOCUSED, focus.scope());
        assertEquals(List.of("3M COMPANY"), focus.companies());
        assertEquals(List.of(2018), focus.fiscalYears());
        assertEquals(StatementKind.CASH_FLOW, focus.statement());
        assertEquals(List.of(new LineItem("capital expenditure", "capital expenditure", StatementKind.CASH_FLOW)), focus.lineItems());
        assertEquals(List.of(MMM_2018.id()), focus.documentIds());
        assertEquals(Set.of(MMM_2018.id(), MMM_2022.id(), MMM_Q2.id()), Set.copyOf(focus.companyDocumentIds()));
    }

    @Test
    void aComparisonKeepsBothYearsAnnualReportsFirst() {
        QuestionFocus focus = focus("Did AMD's gross margin improve from FY2021 to FY2022?");
        assertEquals(List.of("ADVANCED MICRO DEVICES, INC."), focus.companies());
        assertEquals(List.of(2021, 2022), focus.fiscalYears());
        assertEquals(List.of(AMD_2021.id(), AMD_2022.id()), focus.documentIds().subList(0, 2));
        assertEquals(StatementKind.INCOME, focus.statementToSearch());
        assertEquals(List.of(2021, 2022), focus("How did 3M's revenue change in 2021 and 2022?").fiscalYears());
    }

    @Test
    void namesAreMatchedTheWayPeopleWriteThem() {
        assertEquals(List.of("AMCOR PLC"), focus("What was Amcor's FY2023 revenue?").companies());
        for (String jnj : List.of("Johnson & Johnson", "Johnson and Johnson", "JOHNSON & JOHNSON", "JNJ", "johnson & johnson")) {
            assertEquals(List.of("JOHNSON & JOHNSON"), focus("How much did " + jnj + " spend on R&D in 2022?").companies(), jnj);
        }
        assertEquals(List.of("American Express Company"), focus("What was American Express's total revenue net of interest expense in 2022?").companies());
        assertEquals(List.of("GENERAL MILLS, INC."), focus("What were General Mills' net sales in FY2019?").companies());
        assertEquals(List.of("ADVANCED MICRO DEVICES, INC."), focus("Advanced Micro Devices revenue FY22").companies());
        assertEquals(List.of("Apple Inc."), focus("Apple's 10-K for fiscal 2022: what was the balance of inventory?").companies());
        assertEquals(List.of("Block, Inc."), focus("What was Block's gross profit in 2022?").companies());
        assertEquals(List.of("AGILENT TECHNOLOGIES, INC."), focus("What was Agilent's revenue in fiscal 2022?").companies());
    }

    @Test
    void ordinaryWordsAndShortTickersDoNotNameCompanies() {
        assertEquals(List.of("3M COMPANY"), focus("What are the general and administrative expenses of 3M in 2018?").companies());
        assertEquals(List.of(), focus("General and administrative expenses grew in 2019: which filing explains why?").companies());
        assertEquals(List.of(), focus("How did the company block competitors in 2022?").companies());
        assertEquals(List.of(), focus("Based on the 10-K, is A a good investment? Focus ON margins.").companies());
        assertEquals(List.of(), focus("WHAT DOES THE REPORT SAY ON PAGE 5?").companies());
        assertEquals(List.of("ON SEMICONDUCTOR CORPORATION"), focus("What was ON Semiconductor's revenue in 2022?").companies());
        assertEquals(List.of("ON SEMICONDUCTOR CORPORATION"), focus("What was the revenue of ticker ON in 2022?").companies());
        assertEquals(List.of("AGILENT TECHNOLOGIES, INC."), focus("Revenue of (A) in fiscal 2022?").companies());
        assertEquals(List.of("3M COMPANY"), focus("What was MMM's revenue in 2022?").companies());
    }

    @Test
    void quartersKeepQuarterlyReportsOfThatQuarter() {
        for (String q : List.of("What was AMD's revenue in Q2 2023?", "What was AMD's revenue in the second quarter of 2023?", "AMD revenue 2Q23",
                "AMD revenue Q2'23", "AMD revenue FY2023 Q2")) {
            QuestionFocus focus = focus(q);
            assertEquals(List.of(AMD_Q2.id()), focus.documentIds(), q);
            assertEquals(List.of(2), focus.fiscalQuarters(), q);
            assertEquals(List.of(2023), focus.fiscalYears(), q);
        }
        QuestionFocus none = focus("What was 3M's revenue in Q3 2023?");
        assertEquals(Scope.NONE, none.scope());
        assertTrue(none.notes().get(0).contains("Q3 2023"), none.notes().toString());
    }

    @Test
    void formsAndDatesNarrowTheSearch() {
        QuestionFocus eightK = focus("What did PepsiCo announce in its 8-K dated May 30, 2023?");
        assertEquals(List.of(PEP.id()), eightK.documentIds());
        assertEquals(Set.of(FilingForm.EIGHT_K), eightK.forms());
        assertEquals(List.of(LocalDate.of(2023, 5, 30)), eightK.dates());
        QuestionFocus quarterly = focus("According to 3M's quarterly report, what was its cash balance?");
        assertEquals(List.of(MMM_Q2.id()), quarterly.documentIds());
        QuestionFocus asOf = focus("What were 3M's total assets as of December 31, 2021?");
        assertEquals(List.of(MMM_2022.id()), asOf.documentIds(), "the 2022 10-K prints December 31, 2021 as its comparison column");
        assertEquals(List.of(), asOf.fiscalYears());
    }

    @Test
    void retailersYearsEndingInJanuaryMatchEitherName() {
        assertEquals(List.of(BEST_BUY.id()), focus("What were Best Buy's net sales in fiscal 2023?").documentIds());
        assertEquals(List.of(BEST_BUY.id()), focus("What were Best Buy's net sales in fiscal 2022?").documentIds());
    }

    @Test
    void whatTheTenantLacksIsSaidNotSearched() {
        QuestionFocus stranger = focus("What was Zenbridge Robotics' revenue in FY2022?");
        assertEquals(Scope.NONE, stranger.scope());
        assertEquals(List.of("Zenbridge Robotics"), stranger.unknownCompanies());
        assertEquals(List.of("no document matches company 'Zenbridge Robotics'"), stranger.notes());
        assertEquals(List.of("Tessaro Bank"), focus("What is the FY2021 net income (in USD millions) for Tessaro Bank? Answer from its statements.").unknownCompanies());
        assertEquals(List.of("ZBRG"), focus("What was ZBRG's revenue in 2022?").unknownCompanies());
        QuestionFocus oldYear = focus("What was 3M's revenue in FY2015?");
        assertEquals(Scope.NONE, oldYear.scope());
        assertEquals(List.of("no document of 3M COMPANY covers fiscal 2015 (the documents cover fiscal 2018 to 2023)"), oldYear.notes());
        assertEquals(3, oldYear.companyDocumentIds().size(), "the caller may widen to the company's documents");
        QuestionFocus both = focus("Compare the revenue of 3M and AMD in 2022.");
        assertEquals(List.of("3M COMPANY", "ADVANCED MICRO DEVICES, INC."), both.companies());
        assertEquals(Set.of(MMM_2022.id(), AMD_2022.id(), MMM_Q2.id(), AMD_Q2.id()), Set.copyOf(both.documentIds()));
    }

    @Test
    void aQuestionNamingNothingSearchesEverything() {
        QuestionFocus focus = focus("What is the total revenue?");
        assertEquals(Scope.ALL, focus.scope());
        assertEquals(TENANT.size(), focus.documentIds().size());
        assertEquals(StatementKind.INCOME, focus.statementToSearch());
    }

    @Test
    void similarNamesAndTheirFirstWords() {
        KnownDocument instruments = doc("HALVORSEN INSTRUMENTS, INC.", "HLVI", FilingForm.TEN_K, 2022, null, "2022-12-31", "HALVORSEN_INSTRUMENTS_2022_10K.pdf");
        KnownDocument foods = doc("Halvorsen Foods Company", "HFDS", FilingForm.TEN_K, 2022, null, "2022-06-30", "HALVORSEN_FOODS_2022_10K.pdf");
        KnownDocument corvane = doc("CORVANE RETAIL HOLDINGS, INC.", "CRVN", FilingForm.TEN_K, 2022, null, "2022-09-30", "CORVANE_2022_10K.pdf");
        KnownDocument brightwater = doc("BRIGHTWATER SEMICONDUCTOR CORPORATION", "BWTR", FilingForm.TEN_K, 2022, null, "2022-09-24", "BRIGHTWATER_2022_10K.pdf");
        List<KnownDocument> tenant = List.of(instruments, foods, corvane, brightwater);
        QuestionFocus ambiguous = detector.focus("What was Halvorsen's revenue in 2022?", tenant);
        assertEquals(List.of("HALVORSEN INSTRUMENTS, INC.", "Halvorsen Foods Company"), ambiguous.companies());
        assertTrue(ambiguous.notes().get(0).startsWith("'Halvorsen' may mean"), ambiguous.notes().toString());
        assertEquals(List.of("Halvorsen Foods Company"), detector.focus("What were Halvorsen Foods' net sales in fiscal 2022?", tenant).companies());
        QuestionFocus logistics = detector.focus("What was Corvane Logistics' total assets in FY2022?", tenant);
        assertEquals(List.of(), logistics.companies());
        assertEquals(List.of("Corvane Logistics"), logistics.unknownCompanies());
        assertEquals(List.of("Corvane Robotics"), detector.focus("What was the revenue of Corvane Robotics in 2022?", tenant).unknownCompanies());
        assertEquals(List.of("CORVANE RETAIL HOLDINGS, INC."), detector.focus("Corvane net sales FY2022", tenant).companies());
        QuestionFocus segment = detector.focus("What was Brightwater Data Center segment revenue in FY2022?", tenant);
        assertEquals(List.of("BRIGHTWATER SEMICONDUCTOR CORPORATION"), segment.companies());
        assertEquals(List.of(), segment.unknownCompanies());
    }

    @Test
    void periodsAndTermsAreReadOnce() {
        assertEquals(List.of(2018), PeriodMentions.of("What was FY18 revenue?").years());
        assertEquals(List.of(2018), PeriodMentions.of("in fiscal 2018").years());
        assertEquals(List.of(), PeriodMentions.of("Revenue was $2,018 million, up 2019% in the Q3 10-Q").years());
        assertEquals(List.of(2021, 2022, 2023), PeriodMentions.of("from FY2021 to FY2022 and 2023").years());
        assertEquals(List.of(2019, 2021), PeriodMentions.of("over 2019-2021").years());
        assertEquals(List.of(new LineItem("revenue", "net sales", StatementKind.INCOME), new LineItem("cost of revenue", "cost of sales", StatementKind.INCOME)),
                FinancialVocabulary.lineItems("net sales and cost of sales"));
        assertEquals("capital expenditure", FinancialVocabulary.lineItems("purchases of property, plant and equipment").get(0).name());
        assertEquals("capital expenditure", FinancialVocabulary.lineItems("What was capex?").get(0).name());
        assertEquals(StatementKind.INCOME, FinancialVocabulary.statement("according to the P&L"));
        assertEquals(StatementKind.BALANCE_SHEET, FinancialVocabulary.statement("from the statement of financial position"));
        assertEquals(StatementKind.CASH_FLOW, FinancialVocabulary.statement("the statement of cash flows shows"));
        assertEquals(StatementKind.BALANCE_SHEET, FinancialVocabulary.lineItems("What is the total debt?").get(0).statement());
        assertEquals(StatementKind.CASH_FLOW, FinancialVocabulary.lineItems("dividends paid in 2022").get(0).statement());
        assertEquals("earnings per share", FinancialVocabulary.lineItems("diluted EPS").get(0).name());
        assertFalse(FinancialVocabulary.lineItems("the cash flow statement").stream().anyMatch(i -> i.name().equals("cash and cash equivalents")));
    }

    private QuestionFocus focus(String question) {
        return detector.focus(question, TENANT);
    }

    private static KnownDocument doc(String company, String ticker, FilingForm form, Integer year, Integer quarter, String end, String fileName) {
        return new KnownDocument(UUID.nameUUIDFromBytes(fileName.getBytes(StandardCharsets.UTF_8)),
                new DocumentProfile(company, ticker, form, year, quarter, LocalDate.parse(end)), fileName.replaceAll("\\.pdf$", ""), fileName);
    }
}
