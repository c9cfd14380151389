package io.fincopilot.retrieval.control;

import static io.fincopilot.retrieval.control.FilingPages.page;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.fincopilot.ingestion.control.ExtractionLimits;
import io.fincopilot.ingestion.control.PdfExtractor;
import io.fincopilot.ingestion.entity.Page;
import io.fincopilot.ingestion.sample.AnnualReport;
import io.fincopilot.retrieval.entity.DocumentProfile;
import io.fincopilot.retrieval.entity.FilingForm;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Covers written the way real EDGAR PDFs come out of extraction (text abridged, shapes kept). */
class ProfileDetectorTest {

    private static final String COMMISSION = "UNITED STATES SECURITIES AND EXCHANGE COMMISSION Washington, D.C. 20549";
    private final ProfileDetector detector = new ProfileDetector();

    @Test
    void threeMTenKFrom2018HasNoTradingSymbolColumn() {
        List<Page> pages = List.of(page(1, COMMISSION, "# FORM 10-K",
                "\u00fe ANNUAL REPORT PURSUANT TO SECTION 13 OR 15(d) OF THE SECURITIES EXCHANGE ACT OF 1934", "For the fiscal year ended",
                "December 31, 2018", "Commission file number 1-3285", "# 3M COMPANY", "(Exact name of registrant as specified in its charter)",
                "DELAWARE 41-0417775 (State or other jurisdiction of incorporation) (I.R.S. Employer Identification No.)",
                "3M Center, St. Paul, Minnesota 55144-1000", "Title of each class Name of each exchange on which registered",
                "Common Stock, Par Value $.01 Per Share New York Stock Exchange, Inc. Chicago Stock Exchange, Inc."));
        assertEquals(new DocumentProfile("3M COMPANY", null, FilingForm.TEN_K, 2018, null, LocalDate.of(2018, 12, 31)),
                detector.detect(pages, "3M_2018_10K.pdf", "3M_2018_10K"));
        assertEquals(new DocumentProfile("3M COMPANY", null, FilingForm.TEN_K, 2018, null, LocalDate.of(2018, 12, 31)),
                detector.detect(pages, "download.pdf", null));
    }

    @Test
    void threeMTenKFrom2022ListsItsSymbolsAndNotes() {
        List<Page> pages = List.of(page(1, COMMISSION + " FORM 10\u2011K \u2612 ANNUAL REPORT PURSUANT TO SECTION 13 OR 15(d) OF THE SECURITIES EXCHANGE ACT OF "
                + "1934 For the fiscal year ended December 31, 2022 Commission file number 1-3285 3M COMPANY (Exact name of registrant as specified in its "
                + "charter) Title of each class Trading Symbol(s) Name of each exchange on which registered Common Stock, Par Value $.01 Per Share MMM New "
                + "York Stock Exchange MMM Chicago Stock Exchange, Inc. 1.500% Notes due 2026 MMM26 New York Stock Exchange"));
        assertEquals(new DocumentProfile("3M COMPANY", "MMM", FilingForm.TEN_K, 2022, null, LocalDate.of(2022, 12, 31)), detector.detect(pages, null, null));
    }

    @Test
    void appleEndsItsFiscalYearOnTheLastSaturdayOfSeptember() {
        List<Page> pages = List.of(page(1, COMMISSION, "# FORM 10-K", "(Mark One)",
                "\u2612 ANNUAL REPORT PURSUANT TO SECTION 13 OR 15(d) OF THE SECURITIES EXCHANGE ACT OF 1934 For the fiscal year ended September 24, 2022",
                "or \u2610 TRANSITION REPORT PURSUANT TO SECTION 13 OR 15(d) OF THE SECURITIES EXCHANGE ACT OF 1934 For the transition period from to .",
                "Commission File Number: 001-36743", "# Apple Inc.", "(Exact name of Registrant as specified in its charter)",
                "California 94-2404110", "Title of each class Trading symbol(s) Name of each exchange on which registered",
                "Common Stock, $0.00001 par value per share AAPL The Nasdaq Stock Market LLC", "1.375% Notes due 2024 \u2014 The Nasdaq Stock Market LLC"));
        DocumentProfile expected = new DocumentProfile("Apple Inc.", "AAPL", FilingForm.TEN_K, 2022, null, LocalDate.of(2022, 9, 24));
        assertEquals(expected, detector.detect(pages, "aapl-20220924.pdf", "Apple 10-K"));
        assertEquals(expected, detector.detect(pages, null, null));
    }

    @Test
    void aTenQsQuarterComesFromTheBalanceSheetsComparisonColumn() {
        List<Page> pages = List.of(
                page(1, COMMISSION, "# FORM 10-Q", "x QUARTERLY REPORT PURSUANT TO SECTION 13 OR 15(d) OF THE SECURITIES EXCHANGE ACT OF 1934",
                        "For the quarterly period ended June 25, 2022", "OR", "o TRANSITION REPORT PURSUANT TO SECTION 13 OR 15(d)",
                        "Commission File Number 001-07882", "ADVANCED MICRO DEVICES, INC.", "(Exact name of registrant as specified in its charter)",
                        "Title of each class Trading Symbol Name of each exchange on which registered",
                        "Common Stock per share $0.01 par value AMD The NASDAQ Global Select Market"),
                page(2, "INDEX", "Part I. Financial Information 3 Item 1. Financial Statements 3"),
                page(3, "# Advanced Micro Devices, Inc.", "Condensed Consolidated Balance Sheets (Unaudited)",
                        "(In millions, except par value amounts) | June 25, 2022 December 25, 2021",
                        "(In millions, except par value amounts) | Cash and cash equivalents $ 4,964 $ 2,535"));
        DocumentProfile expected = new DocumentProfile("ADVANCED MICRO DEVICES, INC.", "AMD", FilingForm.TEN_Q, 2022, 2, LocalDate.of(2022, 6, 25));
        assertEquals(expected, detector.detect(pages, null, null));
        assertEquals(expected, detector.detect(pages, "AMD_2022Q2_10Q.pdf", null));
    }

    @Test
    void aQuarterEndingInSeptemberIsMicrosoftsFirst() {
        List<Page> pages = List.of(page(1, COMMISSION, "FORM 10-Q", "\u2612 QUARTERLY REPORT PURSUANT TO SECTION 13 OR 15(d) OF THE SECURITIES EXCHANGE ACT OF 1934",
                "For the Quarterly Period Ended September 30, 2022", "Commission File Number 001-37845", "MICROSOFT CORPORATION",
                "(Exact name of registrant as specified in its charter)", "Common stock, $0.00000625 par value per share MSFT NASDAQ"),
                page(4, "BALANCE SHEETS", "(In millions) (Unaudited) | September 30, 2022 June 30, 2022"));
        assertEquals(new DocumentProfile("MICROSOFT CORPORATION", null, FilingForm.TEN_Q, 2023, 1, LocalDate.of(2022, 9, 30)), detector.detect(pages, null, null));
    }

    @Test
    void withoutItsFiscalYearsEndAQuarterStaysUnknown() {
        List<Page> pages = List.of(page(1, COMMISSION, "FORM 10-Q", "For the quarterly period ended September 30, 2022", "Commission File Number 001-11111",
                "Example Corp.", "(Exact name of registrant as specified in its charter)"));
        assertEquals(new DocumentProfile("Example Corp.", null, FilingForm.TEN_Q, null, null, LocalDate.of(2022, 9, 30)), detector.detect(pages, null, null));
        List<Page> saying = List.of(page(1, COMMISSION, "FORM 10-Q", "For the quarterly period ended September 30, 2022",
                "Example Corp. (Exact name of registrant as specified in its charter)",
                "Results for the first quarter of fiscal 2023 are not necessarily indicative of the results for the full year."));
        assertEquals(new DocumentProfile("Example Corp.", null, FilingForm.TEN_Q, 2023, 1, LocalDate.of(2022, 9, 30)), detector.detect(saying, null, null));
    }

    @Test
    void anEightKIsDatedByTheEventItReports() {
        List<Page> pages = List.of(page(1, COMMISSION, "# FORM 8-K", "CURRENT REPORT Pursuant to Section 13 or 15(d) of the Securities Exchange Act of 1934",
                "Date of Report (Date of earliest event reported): May 30, 2023", "PepsiCo, Inc.", "(Exact name of registrant as specified in its charter)",
                "North Carolina 1-1183 13-1584302", "Title of each class Trading Symbol(s) Name of each exchange on which registered",
                "Common Stock, par value 1-2/3 cents per share PEP The Nasdaq Stock Market LLC"));
        assertEquals(new DocumentProfile("PepsiCo, Inc.", "PEP", FilingForm.EIGHT_K, null, null, LocalDate.of(2023, 5, 30)), detector.detect(pages, null, null));
        assertEquals(new DocumentProfile("PepsiCo, Inc.", "PEP", FilingForm.EIGHT_K, 2023, null, LocalDate.of(2023, 5, 30)),
                detector.detect(pages, "PEPSICO_2023_8K_dated-2023-05-30.pdf", null));
        List<Page> dateAbove = List.of(page(1, COMMISSION, "FORM 8-K", "CURRENT REPORT", "May 30, 2023", "Date of Report (Date of earliest event reported)",
                "PepsiCo, Inc.", "(Exact name of registrant as specified in its charter)"));
        assertEquals(LocalDate.of(2023, 5, 30), detector.detect(dateAbove, null, null).periodEnd());
    }

    @Test
    void foreignAndAmpersandNamesAndAmendments() {
        List<Page> amcor = List.of(page(1, COMMISSION + " FORM 10-K/A (Amendment No. 1) ANNUAL REPORT PURSUANT TO SECTION 13 OR 15(d) OF THE SECURITIES "
                + "EXCHANGE ACT OF 1934 For the fiscal year ended June 30, 2023 Commission File Number 001-38932 AMCOR PLC (Exact name of registrant as "
                + "specified in its charter) Jersey 98-1455367 Title of each class Trading Symbol(s) Name of each exchange on which registered Ordinary Shares, "
                + "par value $0.01 per share AMCR New York Stock Exchange 1.125% Guaranteed Senior Notes Due 2027 AUKF/27 New York Stock Exchange"));
        assertEquals(new DocumentProfile("AMCOR PLC", "AMCR", FilingForm.TEN_K, 2023, null, LocalDate.of(2023, 6, 30)), detector.detect(amcor, null, null));
        List<Page> jnj = List.of(page(1, COMMISSION, "FORM 10-K", "[X] ANNUAL REPORT PURSUANT TO SECTION 13 OR 15(d) OF THE SECURITIES EXCHANGE ACT OF 1934",
                "For the fiscal year ended January 1, 2023", "Commission file number 1-3215", "JOHNSON & JOHNSON",
                "(Exact name of registrant as specified in its charter)", "Title of each class Trading Symbol(s) Name of each exchange on which registered",
                "Common Stock, Par Value $1.00 JNJ New York Stock Exchange"));
        DocumentProfile profile = detector.detect(jnj, "JOHNSON_JOHNSON_2022_10K.pdf", null);
        assertEquals(new DocumentProfile("JOHNSON & JOHNSON", "JNJ", FilingForm.TEN_K, 2022, null, LocalDate.of(2023, 1, 1)), profile);
        assertEquals(2022, detector.detect(jnj, null, null).fiscalYear(), "a 52-week year ending January 1 is the year of December");
    }

    @Test
    void retailersNameYearsEndingInJanuaryEitherWay() {
        String cover = COMMISSION + " FORM 10-K ANNUAL REPORT PURSUANT TO SECTION 13 OR 15(d) OF THE SECURITIES EXCHANGE ACT OF 1934 For the fiscal year ended ";
        List<Page> walmart = List.of(page(1, cover + "January 31, 2020 Commission file number 001-06991 Walmart Inc. (Exact name of registrant as "
                + "specified in its charter)"), page(3, "In fiscal 2020, net sales grew; fiscal 2020 included a loss on the sale of Asda compared with fiscal 2019."));
        assertEquals(2020, detector.detect(walmart, null, null).fiscalYear());
        List<Page> ulta = List.of(page(1, cover + "February 3, 2024 Commission file number 001-33764 ULTA BEAUTY, INC. (Exact name of registrant as specified "
                + "in its charter)"), page(3, "Fiscal 2023 was a 53-week year. In fiscal 2023 we opened 25 stores; in fiscal 2024 we plan to open more."));
        assertEquals(2023, detector.detect(ulta, null, null).fiscalYear());
        List<Page> silent = List.of(page(1, cover + "January 28, 2023 Commission file number 001-1 Retailer Inc. (Exact name of registrant as specified in its charter)"));
        assertEquals(null, detector.detect(silent, null, null).fiscalYear(), "no guess when the text does not say");
        assertEquals(LocalDate.of(2023, 1, 28), detector.detect(silent, null, null).periodEnd());
    }

    @Test
    void theSampleAnnualReportIsAGlossyReport() throws IOException {
        List<Page> pages = new PdfExtractor().extract(new ByteArrayInputStream(AnnualReport.generate(42).pdf()), ExtractionLimits.pages(100)).pages();
        assertEquals(new DocumentProfile(AnnualReport.COMPANY, null, FilingForm.ANNUAL_REPORT, 2025, null, LocalDate.of(2025, 12, 31)),
                detector.detect(pages, "harborline.pdf", "Harborline annual report"));
    }

    @Test
    void somethingElseIsOtherWithNothingGuessed() {
        List<Page> pages = List.of(page(1, "# Investor Day 2023", "Welcome to our investor day. Revenue grew 12% in 2022 and our outlook for 2023 is strong."));
        assertEquals(DocumentProfile.unknown(), detector.detect(pages, "scan.pdf", "Slides"));
        List<Page> foreign = List.of(page(1, COMMISSION + " FORM 20-F ANNUAL REPORT PURSUANT TO SECTION 13 OR 15(d) OF THE SECURITIES EXCHANGE ACT OF 1934 "
                + "For the fiscal year ended March 31, 2023 Commission file number 001-14948 TOYOTA MOTOR CORPORATION (Exact name of registrant as specified in its charter)"));
        DocumentProfile toyota = detector.detect(foreign, null, null);
        assertEquals(FilingForm.OTHER, toyota.form());
        assertEquals("TOYOTA MOTOR CORPORATION", toyota.company());
    }

    @Test
    void fileNamesAsDatasetsAndPeopleWriteThem() {
        assertEquals(new FileNameSignals("3M", 2018, null, FilingForm.TEN_K, null, null), FileNameSignals.parse("3M_2018_10K.pdf"));
        assertEquals(new FileNameSignals("AMD", 2022, 2, FilingForm.TEN_Q, null, null), FileNameSignals.parse("AMD_2022Q2_10Q.pdf"));
        assertEquals(new FileNameSignals("PEPSICO", 2023, null, FilingForm.EIGHT_K, LocalDate.of(2023, 5, 30), null),
                FileNameSignals.parse("PEPSICO_2023_8K_dated-2023-05-30.pdf"));
        assertEquals(new FileNameSignals("JOHNSON JOHNSON", 2023, 2, FilingForm.OTHER, null, null), FileNameSignals.parse("JOHNSON_JOHNSON_2023Q2_EARNINGS.pdf"));
        assertEquals(new FileNameSignals("Apple", 2022, null, FilingForm.TEN_K, null, null), FileNameSignals.parse("Apple 10-K 2022.pdf"));
        assertEquals(new FileNameSignals(null, 2021, null, FilingForm.ANNUAL_REPORT, null, null), FileNameSignals.parse("annual-report-2021.pdf"));
        assertEquals(new FileNameSignals("Nike", 2023, 3, null, null, null), FileNameSignals.parse("Nike Q3 FY2023.pdf"));
        assertEquals(new FileNameSignals(null, null, null, null, LocalDate.of(2022, 9, 24), "AAPL"), FileNameSignals.parse("aapl-20220924.htm"));
        assertEquals(new FileNameSignals(null, null, null, null, null, null), FileNameSignals.parse("scan.pdf"));
        assertEquals(new FileNameSignals(null, null, null, null, null, null), FileNameSignals.parse(null));
    }
}
