package io.fincopilot.evaluation;

import io.fincopilot.evaluation.Company.Checkbox;
import io.fincopilot.ingestion.sample.ReportWriter;
import java.time.LocalDate;
import java.util.Locale;

/**
 * SEC cover pages as EDGAR filings print them: the Commission's heading, the form, the checked
 * report type with the period, the registrant's exact name over "(Exact name of registrant as
 * specified in its charter)", the Section 12(b) table with the trading symbol, and the filer-status
 * check boxes, whose glyphs come out of real PDFs garbled ("þ", "¨"), bracketed or as dingbats.
 */
final class CoverPages {

    private static final float LEFT = ReportWriter.LEFT;

    private CoverPages() {
    }

    static void annual(FilingLayout l, LocalDate periodEnd, long sharesOutstanding) {
        top(l, "FORM 10-K", "ANNUAL REPORT", "For the fiscal year ended " + FiscalCalendar.format(periodEnd));
        registrant(l);
        question(l, "Indicate by check mark if the registrant is a well-known seasoned issuer, as defined in Rule 405 of the Securities Act.", true);
        question(l, "Indicate by check mark if the registrant is not required to file reports pursuant to Section 13 or Section 15(d) of the Act.", false);
        l.newPage(Section.COVER);
        filerStatus(l);
        LocalDate midYear = periodEnd.minusMonths(6).withDayOfMonth(periodEnd.minusMonths(6).lengthOfMonth());
        l.out.paragraph("The aggregate market value of the voting stock held by non-affiliates of the registrant as of "
                + FiscalCalendar.format(midYear) + ", the last business day of the registrant's most recently completed second fiscal quarter, was approximately $"
                + String.format(Locale.US, "%.1f", 2 + sharesOutstanding % 97 / 3.0) + " billion.");
        l.out.paragraph("As of " + FiscalCalendar.format(periodEnd.plusDays(45)) + ", there were " + Figures.amount(sharesOutstanding)
                + " shares of the registrant's common stock outstanding.");
        l.out.heading("DOCUMENTS INCORPORATED BY REFERENCE");
        l.out.paragraph("Portions of the registrant's definitive Proxy Statement for its " + (periodEnd.getYear() + 1)
                + " Annual Meeting of Shareholders are incorporated by reference into Part III of this Annual Report on Form 10-K.");
    }

    static void quarterly(FilingLayout l, LocalDate periodEnd, long sharesOutstanding) {
        top(l, "FORM 10-Q", "QUARTERLY REPORT", "For the quarterly period ended " + FiscalCalendar.format(periodEnd));
        registrant(l);
        question(l, "Indicate by check mark whether the registrant (1) has filed all reports required to be filed by Section 13 or 15(d) of the "
                + "Securities Exchange Act of 1934 during the preceding 12 months, and (2) has been subject to such filing requirements for the past 90 days.", true);
        filerStatus(l);
        l.out.paragraph("As of " + FiscalCalendar.format(periodEnd.plusDays(30)) + ", the registrant had " + Figures.amount(sharesOutstanding)
                + " shares of common stock outstanding.");
    }

    private static void top(FilingLayout l, String form, String report, String period) {
        l.newPage(Section.COVER);
        ReportWriter out = l.out;
        out.centered("UNITED STATES", 12, true);
        out.centered("SECURITIES AND EXCHANGE COMMISSION", 12, true);
        out.centered("Washington, D.C. 20549", 10, false);
        out.space(6);
        out.centered(form, 16, true);
        out.at(LEFT, "(Mark One)", 8, false);
        out.space(14);
        check(l, true, report + " PURSUANT TO SECTION 13 OR 15(d) OF THE SECURITIES EXCHANGE ACT OF 1934");
        out.centered(period, 10, true);
        out.centered("OR", 9, false);
        check(l, false, "TRANSITION REPORT PURSUANT TO SECTION 13 OR 15(d) OF THE SECURITIES EXCHANGE ACT OF 1934");
        out.centered("For the transition period from ____________ to ____________", 8, false);
        out.centered("Commission File Number " + l.company.registrant().fileNumber(), 9, false);
        out.space(8);
    }

    private static void registrant(FilingLayout l) {
        ReportWriter out = l.out;
        Company.Registrant r = l.company.registrant();
        out.centered(l.company.coverName(), 16, true);
        out.centered("(Exact name of registrant as specified in its charter)", 8, false);
        out.space(4);
        out.at(LEFT + 40, r.state(), 10, false);
        out.at(390, r.taxId(), 10, false);
        out.space(12);
        out.at(LEFT, "(State or other jurisdiction of incorporation or organization)", 7, false);
        out.at(360, "(I.R.S. Employer Identification No.)", 7, false);
        out.space(14);
        out.centered(r.address(), 10, false);
        out.centered("(Address of principal executive offices) (Zip Code)", 7, false);
        out.centered(r.phone(), 10, false);
        out.centered("(Registrant's telephone number, including area code)", 7, false);
        out.centered("Securities registered pursuant to Section 12(b) of the Act:", 9, true);
        out.at(LEFT, "Title of each class", 8, true);
        out.at(300, "Trading Symbol(s)", 8, true);
        out.at(380, "Name of each exchange on which registered", 8, true);
        out.space(12);
        out.at(LEFT, r.security(), 8, false);
        out.at(310, l.company.ticker(), 8, false);
        out.at(380, r.exchange(), 8, false);
        out.space(14);
        out.centered("Securities registered pursuant to Section 12(g) of the Act: None", 8, false);
        out.space(4);
    }

    private static void filerStatus(FilingLayout l) {
        l.out.paragraph("Indicate by check mark whether the registrant is a large accelerated filer, an accelerated filer, a non-accelerated filer, "
                + "a smaller reporting company, or an emerging growth company. See the definitions in Rule 12b-2 of the Exchange Act.");
        box(l, LEFT, true, "Large accelerated filer");
        box(l, 300, false, "Accelerated filer");
        l.out.space(14);
        box(l, LEFT, false, "Non-accelerated filer");
        box(l, 300, false, "Smaller reporting company");
        l.out.space(14);
        box(l, LEFT, false, "Emerging growth company");
        l.out.space(18);
        question(l, "Indicate by check mark whether the registrant is a shell company (as defined in Rule 12b-2 of the Act).", false);
    }

    /** A yes/no question; the answer's boxes on the line below it. */
    private static void question(FilingLayout l, String text, boolean yes) {
        l.out.paragraph(text);
        l.out.space(-8);
        l.out.at(LEFT, "Yes", 9, false);
        glyph(l, LEFT + 20, yes);
        l.out.at(LEFT + 40, "No", 9, false);
        glyph(l, LEFT + 56, !yes);
        l.out.space(18);
    }

    private static void check(FilingLayout l, boolean checked, String text) {
        glyph(l, LEFT, checked);
        l.out.at(LEFT + 22, text, 7.5f, true);
        l.out.space(14);
    }

    private static void box(FilingLayout l, float x, boolean checked, String label) {
        l.out.at(x, label, 9, false);
        glyph(l, x + 130, checked);
    }

    private static void glyph(FilingLayout l, float x, boolean checked) {
        Checkbox style = l.company.style().checkbox();
        if (style == Checkbox.DINGBATS) {
            l.out.glyph(x, checked ? style.checked : style.unchecked, 9);
        } else {
            l.out.at(x, checked ? style.checked : style.unchecked, 9, false);
        }
    }
}
