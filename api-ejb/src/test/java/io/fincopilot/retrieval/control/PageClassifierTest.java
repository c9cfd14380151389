package io.fincopilot.retrieval.control;

import static io.fincopilot.retrieval.control.FilingPages.concat;
import static io.fincopilot.retrieval.control.FilingPages.page;
import static io.fincopilot.retrieval.control.FilingPages.rows;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.fincopilot.ingestion.entity.Page;
import io.fincopilot.retrieval.entity.PageKind;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Pages shaped like real 10-K and 10-Q pages as extraction returns them (figures abridged). */
class PageClassifierTest {

    private static final String MILLIONS = "(Millions, except per share amounts) 2018 2017 2016";
    private static final Page THREE_M_INCOME = page(47, "Table of Contents", "3M Company and Subsidiaries Consolidated Statement of Income Years ended December 31",
            rows(MILLIONS, "Net sales $ 32,765 $ 31,657 $ 29,852", "Operating expenses", "Cost of sales 16,682 16,055 15,118",
                    "Selling, general and administrative expenses 7,602 6,626 6,111", "Research, development and related expenses 1,821 1,870 1,735",
                    "Gain on sale of businesses (547) (586) (111)", "Total operating expenses 25,558 23,965 22,853", "Operating income 7,207 7,692 6,999",
                    "Other expense (income), net 207 144 (26)", "Income before income taxes 7,000 7,548 7,025", "Provision for income taxes 1,637 2,679 1,995",
                    "Net income including noncontrolling interest $ 5,363 $ 4,869 $ 5,030", "Net income attributable to 3M $ 5,349 $ 4,858 $ 5,022",
                    "Weighted average 3M common shares outstanding - diluted 602.0 612.7 621.7",
                    "Earnings per share attributable to 3M common shareholders - diluted $ 8.89 $ 7.93 $ 8.16"));

    private final PageClassifier classifier = new PageClassifier();

    @Test
    void theStatementsAreKnownByTitleAndLineItems() {
        assertEquals(PageKind.INCOME_STATEMENT, classifier.classify(THREE_M_INCOME));
        Page cashFlows = page(51, "3M Company and Subsidiaries", "# Consolidated Statement of Cash Flows", "Years ended December 31",
                rows("(Millions) 2018 2017 2016", "Cash Flows from Operating Activities", "Net income including noncontrolling interest $ 5,363 $ 4,869 $ 5,030",
                        "Depreciation and amortization 1,488 1,544 1,474", "Net cash provided by (used in) operating activities 6,439 6,240 6,662",
                        "Purchases of property, plant and equipment (PP&E) (1,577) (1,373) (1,420)", "Net cash provided by (used in) investing activities 222 (3,086) (1,403)",
                        "Purchases of treasury stock (4,870) (2,068) (3,753)", "Dividends paid to shareholders (3,193) (2,803) (2,678)",
                        "Net cash provided by (used in) financing activities (6,701) (2,655) (4,626)", "Cash and cash equivalents at end of period $ 2,853 $ 3,053 $ 2,398"));
        assertEquals(PageKind.CASH_FLOW, classifier.classify(cashFlows));
        Page appleBalance = page(33, "Apple Inc.", "CONSOLIDATED BALANCE SHEETS (In millions, except number of shares which are reflected in thousands and par value)",
                rows("September 24, 2022 September 25, 2021", "ASSETS:", "Cash and cash equivalents $ 23,646 $ 34,940", "Accounts receivable, net 28,184 26,278",
                        "Inventories 4,946 6,580", "Total current assets 135,405 134,836", "Property, plant and equipment, net 42,117 39,440",
                        "Total assets $ 352,755 $ 351,002", "Accounts payable $ 64,115 $ 54,763", "Total current liabilities 153,982 125,481",
                        "Total liabilities 302,083 287,912", "Retained earnings/(Accumulated deficit) (3,068) 5,562", "Total shareholders' equity 50,672 63,090"));
        assertEquals(PageKind.BALANCE_SHEET, classifier.classify(appleBalance));
        Page appleEquity = page(35, "Apple Inc.", "CONSOLIDATED STATEMENTS OF SHAREHOLDERS' EQUITY (In millions, except per share amounts)",
                rows("Years ended September 24, 2022 September 25, 2021 September 26, 2020", "Total shareholders' equity, beginning balances $ 63,090 $ 65,339 $ 90,488",
                        "Common stock and additional paid-in capital:", "Beginning balances 57,365 50,779 45,174", "Share-based compensation 9,038 7,906 6,829",
                        "Retained earnings/(Accumulated deficit):", "Net income 99,803 94,680 57,411", "Dividends and dividend equivalents declared (14,793) (14,431) (14,087)",
                        "Common stock repurchased (95,625) (86,548) (74,419)", "Accumulated other comprehensive income/(loss):", "Other comprehensive income/(loss) (10,907) (1,153) 1,029",
                        "Total shareholders' equity, ending balances $ 50,672 $ 63,090 $ 65,339"));
        assertEquals(PageKind.EQUITY, classifier.classify(appleEquity));
        Page interim = page(3, "PART I. FINANCIAL INFORMATION", "Item 1. Financial Statements", "CONDENSED CONSOLIDATED STATEMENTS OF OPERATIONS (Unaudited)",
                "Three Months Ended Six Months Ended", rows("(In millions, except per share amounts) June 25, 2022 June 26, 2021 June 25, 2022 June 26, 2021",
                        "Net revenue $ 6,550 $ 3,850 $ 12,437 $ 7,295", "Cost of sales 3,126 2,020 5,724 3,878", "Gross profit 3,424 1,830 6,713 3,417",
                        "Research and development 1,300 659 2,360 1,269", "Operating income 526 831 1,477 1,493", "Net income $ 447 $ 710 $ 1,233 $ 1,265",
                        "Diluted $ 0.27 $ 0.58 $ 0.83 $ 1.03"));
        assertEquals(PageKind.INCOME_STATEMENT, classifier.classify(interim));
    }

    @Test
    void comprehensiveIncomeAndThinExtractsAreNotTheIncomeStatement() {
        Page comprehensive = page(32, "Apple Inc.", "CONSOLIDATED STATEMENTS OF COMPREHENSIVE INCOME (In millions)",
                rows("Years ended September 24, 2022 September 25, 2021 September 26, 2020", "Net income $ 99,803 $ 94,680 $ 57,411",
                        "Other comprehensive income/(loss): Change in foreign currency translation, net of tax (1,511) 501 88",
                        "Total other comprehensive income/(loss) (10,907) (1,153) 1,029", "Total comprehensive income $ 88,896 $ 93,527 $ 58,440"));
        assertEquals(PageKind.OTHER, classifier.classify(comprehensive));
        Page thin = page(30, "# Consolidated Statements of Operations Data", "Net sales rose in 2022.", "(In millions) 2022 2021 | Net sales $ 100 $ 90");
        assertEquals(PageKind.OTHER, classifier.classify(thin));
    }

    @Test
    void contentsListingTheStatementsAreContents() {
        Page contents = page(2, "TABLE OF CONTENTS", "Page", "PART I", "Item 1. Business 3", "Item 1A. Risk Factors 9", "Item 1B. Unresolved Staff Comments 17",
                "Item 2. Properties 17", "Item 3. Legal Proceedings 18", "PART II", "Item 7. Management's Discussion and Analysis of Financial Condition and Results of Operations 22",
                "Item 8. Financial Statements and Supplementary Data 41");
        assertEquals(PageKind.CONTENTS, classifier.classify(contents));
        Page index = page(44, "Item 8. Financial Statements and Supplementary Data", "INDEX TO CONSOLIDATED FINANCIAL STATEMENTS Page",
                "Report of Independent Registered Public Accounting Firm 45 Consolidated Statements of Operations 47 Consolidated Statements of Comprehensive Income 48 "
                        + "Consolidated Balance Sheets 49 Consolidated Statements of Shareholders' Equity 50 Consolidated Statements of Cash Flows 51 Notes to Consolidated "
                        + "Financial Statements 52");
        assertEquals(PageKind.CONTENTS, classifier.classify(index));
    }

    @Test
    void pagesThatOnlyMentionTheStatementsAreOther() {
        Page mdna = page(35, "Table of Contents", "# Liquidity and Capital Resources",
                "The following table presents selected financial information from our consolidated statements of cash flows for each of the last three years:",
                rows("(In millions) 2022 2021 2020", "Net cash provided by operating activities $ 5,591 $ 7,454 $ 8,113", "Net cash used in investing activities (1,046) (1,317) (580)",
                        "Net cash used in financing activities (3,727) (5,778) (5,300)", "Net increase (decrease) in cash and cash equivalents 818 359 2,233"),
                "Capital expenditures were $1,749 million in 2022, and we paid dividends of $3,369 million.");
        assertEquals(PageKind.OTHER, classifier.classify(mdna));
        Page auditor = page(45, "# Report of Independent Registered Public Accounting Firm", "To the Shareholders and Board of Directors of 3M Company",
                "Opinion on the Financial Statements", "We have audited the accompanying consolidated balance sheets of 3M Company and Subsidiaries (the Company) as of "
                        + "December 31, 2018 and 2017, and the related consolidated statements of income, comprehensive income, changes in equity and cash flows for each "
                        + "of the three years in the period ended December 31, 2018, including the related notes.");
        assertEquals(PageKind.OTHER, classifier.classify(auditor));
        Page results = page(24, "# Results of Operations", rows("(In millions) 2022 2021 % Change", "Net sales $ 34,229 $ 35,355 (3.2)%",
                "Cost of sales 19,232 18,795 2.3%", "Gross profit 14,997 16,560 (9.4)%", "Operating income 6,539 7,369 (11.3)%", "Net income 5,777 5,921 (2.4)%",
                "Diluted earnings per share $ 10.18 $ 10.12 0.6%"));
        assertEquals(PageKind.OTHER, classifier.classify(results));
    }

    @Test
    void notesWithStatementLikeTablesAreNotes() {
        Page supplemental = page(66, "# NOTE 7. Supplemental Balance Sheet Information", rows("(Millions) 2018 2017", "Land $ 340 $ 348", "Buildings and leasehold improvements 7,517 7,681",
                "Machinery and equipment 15,680 15,907", "Property, plant and equipment 24,873 25,282", "Less: Accumulated depreciation (16,135) (16,048)",
                "Property, plant and equipment - net $ 8,738 $ 8,866", "Accounts payable 2,266 1,945", "Accrued payroll 749 870", "Total current liabilities 7,244 7,687",
                "Goodwill 10,051 10,513", "Total assets 36,500 37,987"));
        assertEquals(PageKind.NOTES, classifier.classify(supplemental));
        Page segments = page(120, "Notes to Consolidated Financial Statements (continued)", "Note 17. Business Segments",
                rows("(Millions) 2018 2017 2016", "Net sales Industrial $ 12,267 $ 11,866 $ 11,217", "Operating income Industrial 2,737 2,490 2,528",
                        "Total net sales 32,765 31,657 29,852", "Total operating income 7,207 7,692 6,999", "Net income 5,349 4,858 5,022"));
        assertEquals(PageKind.NOTES, classifier.classify(segments));
    }

    @Test
    void notesCarryOverPagesWithoutAHeadingUntilTheNextItem() {
        Page first = page(52, "# Notes to Consolidated Financial Statements", "# Note 1. Significant Accounting Policies", "Principles of consolidation. The statements include ...");
        Page middle = page(53, "fair value of the reporting unit exceeded its carrying amount. Income taxes are accounted for under the asset and liability method.",
                "(Millions) 2018 2017 | Deferred tax assets 1,123 1,240");
        Page next = page(54, "Item 9. Changes in and Disagreements With Accountants on Accounting and Financial Disclosure", "None.");
        assertEquals(List.of(PageKind.NOTES, PageKind.NOTES, PageKind.OTHER), classifier.classify(List.of(first, middle, next)));
        assertEquals(PageKind.OTHER, classifier.classify(middle), "alone, a page without a heading says nothing");
    }

    @Test
    void coversAreCovers() {
        Page cover = page(1, "UNITED STATES SECURITIES AND EXCHANGE COMMISSION", "Washington, D.C. 20549", "FORM 10-K", "3M COMPANY",
                "(Exact name of registrant as specified in its charter)");
        Page filerStatus = page(2, "Indicate by check mark whether the registrant is a large accelerated filer ... Large accelerated filer \u2612 Accelerated filer \u2610",
                "Indicate by check mark whether the registrant is a shell company (as defined in Rule 12b-2 of the Act). Yes \u2610 No \u2612",
                "The aggregate market value of voting stock held by nonaffiliates of the registrant was approximately $99.6 billion.");
        Page glossy = page(1, "# Harborline Logistics Group, Inc.", "# 2025 Annual Report", "Fiscal year ended December 31, 2025");
        Page reference = page(60, "This Annual Report on Form 10-K was filed with the Securities and Exchange Commission; copies of our Form 10-K are available free of charge.");
        assertEquals(List.of(PageKind.COVER, PageKind.COVER, PageKind.COVER, PageKind.OTHER),
                List.of(classifier.classify(cover), classifier.classify(filerStatus), classifier.classify(glossy), classifier.classify(reference)));
    }

    @Test
    void aStatementTitleInsideASentenceOrANoteHeadingIsNotATitle() {
        String[] items = rows("(In millions) 2022 2021", "Total assets $ 1,000 $ 900", "Total liabilities 600 500", "Total current assets 400 300",
                "Cash and cash equivalents 100 90", "Goodwill 50 50", "Retained earnings 300 280", "Accounts payable 80 70");
        Page sentence = page(30, concat(new String[] {"The accompanying consolidated balance sheets present the following amounts:"}, items));
        Page heading = page(30, concat(new String[] {"# CONSOLIDATED BALANCE SHEETS"}, items));
        assertEquals(PageKind.OTHER, classifier.classify(sentence));
        assertEquals(PageKind.BALANCE_SHEET, classifier.classify(heading));
    }
}
