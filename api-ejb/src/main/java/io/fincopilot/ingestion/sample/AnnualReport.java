package io.fincopilot.ingestion.sample;

import static io.fincopilot.ingestion.sample.ReportFigures.millions;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.Supplier;

/**
 * A fictional company's annual report, 61 pages, generated from a seed: the same seed gives the
 * same bytes. It is what ingestion, retrieval and answer tests read, because real filings cannot
 * be committed and their figures would have to be checked by hand: here {@link #facts()} says what
 * the report prints and on which page. A few personal details (an e-mail address, phone numbers,
 * an SSN-shaped string) sit in the exhibit and on the back page, for masking to find.
 */
public final class AnnualReport {

    public static final String COMPANY = "Harborline Logistics Group, Inc.";
    public static final int FISCAL_YEAR = 2025;
    public static final int PAGES = 61;
    /** The personal data the report holds, by kind, as masking should count it. */
    public static final String EXHIBIT_EMAIL = "dana.whitfield@harborlinelogistics.com";
    public static final String EXHIBIT_PHONE = "(415) 555-0132";
    public static final String EXHIBIT_SSN = "512-44-0187";
    public static final String IR_EMAIL = "investors@harborlinelogistics.com";
    public static final String IR_PHONE = "(646) 555-0178";

    private final byte[] pdf;
    private final AnnualReportFacts facts;

    private AnnualReport(byte[] pdf, AnnualReportFacts facts) {
        this.pdf = pdf;
        this.facts = facts;
    }

    /** The PDF's bytes (a copy). */
    public byte[] pdf() {
        return pdf.clone();
    }

    public AnnualReportFacts facts() {
        return facts;
    }

    /** Writes the report to {@code args[0]}; {@code args[1]} is the seed (default 42). */
    public static void main(String[] args) throws IOException {
        if (args.length < 1) {
            System.err.println("usage: AnnualReport <file.pdf> [seed]");
            System.exit(2);
        }
        AnnualReport report = generate(args.length > 1 ? Long.parseLong(args[1]) : 42);
        Files.write(Path.of(args[0]), report.pdf());
        System.out.println("wrote " + args[0] + ": " + report.facts().pageCount() + " pages, " + report.pdf().length + " bytes");
    }

    public static AnnualReport generate(long seed) {
        Random random = new Random(seed);
        ReportFigures figures = new ReportFigures(random);
        ReportProse prose = new ReportProse(random);
        ReportWriter out = new ReportWriter(COMPANY + " | " + FISCAL_YEAR + " Annual Report");
        List<Fact> facts = new ArrayList<>();

        cover(out);
        contents(out);
        section(out, "Letter to Shareholders", 2, prose.paragraphs(ReportProse.LETTER), List.of("Dear Fellow Shareholders", "Our Outlook"),
                "Revenue reached " + millions(figures.revenue[0]) + " in fiscal " + FISCAL_YEAR + ", and net income was "
                        + millions(figures.netIncome[0]) + ".");
        section(out, "Business Overview", 4, prose.paragraphs(ReportProse.BUSINESS),
                List.of("Our Company", "Segments and Services", "Customers and Competition", "Employees and Culture"), null);
        section(out, "Risk Factors", 12, prose.paragraphs(ReportProse.RISKS), List.of("Risks Related to Our Industry",
                "Operational Risks", "Financial Risks", "Legal and Regulatory Risks"), null);
        section(out, "Management's Discussion and Analysis", 12, prose.paragraphs(ReportProse.MDNA), List.of("Results of Operations",
                "Segment Results", "Liquidity and Capital Resources", "Critical Accounting Estimates"), null);
        FinancialStatements.write(out, figures, facts);
        notes(out, prose, figures, facts);
        section(out, "Corporate Governance", 6, prose.paragraphs(ReportProse.GOVERNANCE), List.of("Board of Directors",
                "Executive Officers", "Properties", "Legal Proceedings"), null);
        exhibits(out);
        shareholderInformation(out);
        if (out.page() != PAGES) {
            throw new IllegalStateException("the layout made " + out.page() + " pages instead of " + PAGES);
        }
        byte[] pdf = out.finish(id(seed));
        return new AnnualReport(pdf, new AnnualReportFacts(COMPANY, FISCAL_YEAR, PAGES, facts));
    }

    private static void cover(ReportWriter out) {
        out.newPage();
        out.space(180);
        out.centered(COMPANY, 24, true);
        out.centered(FISCAL_YEAR + " Annual Report", 18, false);
        out.space(40);
        out.centered("Fiscal year ended December 31, " + FISCAL_YEAR, 12, false);
        out.centered("Moving what matters, on time", 12, false);
    }

    private static void contents(ReportWriter out) {
        out.newPage();
        out.title("Contents");
        for (String line : List.of("Letter to Shareholders, page 3", "Business Overview, page 5", "Risk Factors, page 9",
                "Management's Discussion and Analysis, page 21", "Financial Statements, page 33", "Notes to the Financial Statements, page 37",
                "Corporate Governance, page 53", "Exhibits, page 59", "Shareholder Information, page 61")) {
            out.paragraph(line);
        }
    }

    /** A titled section of {@code pages} full pages, each after the first opening with the next subheading. */
    private static void section(ReportWriter out, String title, int pages, Supplier<String> paragraphs, List<String> subheadings, String opening) {
        for (int i = 0; i < pages; i++) {
            out.newPage();
            if (i == 0) {
                out.title(title);
            }
            out.heading(subheadings.get(i % subheadings.size()));
            if (i == 0 && opening != null) {
                out.paragraph(opening);
            }
            out.fill(paragraphs);
        }
    }

    private static void notes(ReportWriter out, ReportProse prose, ReportFigures figures, List<Fact> facts) {
        String[] titles = {"Summary of Significant Accounting Policies", "Revenue Recognition", "Property and Equipment", "Goodwill",
            "Leases", "Debt", "Income Taxes", "Segment Information", "Share-Based Compensation", "Commitments and Contingencies",
            "Employee Benefits", "Fair Value Measurements", "Acquisitions", "Earnings per Share", "Quarterly Results", "Subsequent Events"};
        Supplier<String> paragraphs = prose.paragraphs(ReportProse.NOTES);
        for (int i = 0; i < titles.length; i++) {
            out.newPage();
            if (i == 0) {
                out.title("Notes to the Consolidated Financial Statements");
            }
            out.heading("Note " + (i + 1) + ". " + titles[i]);
            if (titles[i].equals("Segment Information")) {
                FinancialStatements.segments(out, figures, facts);
            }
            out.fill(paragraphs);
        }
    }

    private static void exhibits(ReportWriter out) {
        out.newPage();
        out.title("Exhibits");
        for (String exhibit : List.of("3.1 Amended and Restated Certificate of Incorporation", "3.2 Amended and Restated Bylaws",
                "10.1 Credit Agreement dated as of March 3, 2023", "10.14 Separation Agreement with a Former Officer",
                "21.1 Subsidiaries of the Registrant", "23.1 Consent of Independent Registered Public Accounting Firm",
                "31.1 Certification of the Chief Executive Officer", "32.1 Section 1350 Certifications")) {
            out.paragraph("Exhibit " + exhibit);
        }
        out.newPage();
        out.title("Exhibit 10.14");
        out.heading("Separation Agreement");
        out.paragraph("This Separation Agreement is entered into as of February 14, " + FISCAL_YEAR + " between " + COMPANY
                + " and Dana Whitfield, former Senior Vice President of Operations.");
        out.paragraph("Notices to the employee shall be sent to " + EXHIBIT_EMAIL + " or by telephone to " + EXHIBIT_PHONE
                + ". For payroll records the employee's taxpayer identification number is " + EXHIBIT_SSN + ".");
        out.paragraph("The Company will pay a separation amount of $412,500 in 12 equal monthly installments beginning April 1, "
                + FISCAL_YEAR + ", subject to applicable withholding.");
    }

    private static void shareholderInformation(ReportWriter out) {
        out.newPage();
        out.title("Shareholder Information");
        out.paragraph("Annual meeting: May 14, 2026, held virtually at 9:00 a.m. Eastern Time.");
        out.paragraph("Investor relations: " + IR_EMAIL + ", telephone " + IR_PHONE + ".");
        out.paragraph("Transfer agent: Equiniti Trust Company. Stock exchange listing: NYSE, symbol HBLG.");
    }

    private static byte[] id(long seed) {
        try {
            return MessageDigest.getInstance("MD5").digest(("fincopilot-sample-" + seed).getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
