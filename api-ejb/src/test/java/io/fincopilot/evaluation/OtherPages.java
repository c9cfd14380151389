package io.fincopilot.evaluation;

import io.fincopilot.evaluation.Company.Risk;
import java.time.LocalDate;
import java.util.List;
import java.util.Random;
import java.util.function.Supplier;

/** The items around the figures: business, risk factors, the short items, the auditor's report, signatures. */
final class OtherPages {

    private static final String[] RISK_GROUPS = {"Risks Related to Our Business and Industry", "Operational Risks", "Financial and Tax Risks",
        "Legal and Regulatory Risks"};

    private final FilingLayout l;
    private final FilingProse prose;
    private final Random random;

    OtherPages(FilingLayout l, FilingProse prose, Random random) {
        this.l = l;
        this.prose = prose;
        this.random = random;
    }

    /** Starts an item on a new page, or under the previous one if {@code section} is null, and marks it for the contents. */
    void item(Section section, String part, String item, String title) {
        if (section != null) {
            l.newPage(section);
        } else {
            l.keep(80);
        }
        l.mark(FilingLayout.itemKey(part, item, title));
        l.heading(item + " " + title);
    }

    void business(int paragraphs) {
        l.newPage(Section.BUSINESS);
        l.out.heading("PART I");
        item(null, "PART I", "Item 1.", "Business");
        Supplier<String> bank = prose.paragraphs(FilingProse.BUSINESS);
        String[] headings = {"General", "Segments", "Products and Customers", "Competition", "Intellectual Property", "Available Information"};
        for (int i = 0; i < paragraphs; i++) {
            if (i % 3 == 0 && i / 3 < headings.length) {
                l.heading(headings[i / 3]);
                if (i == 3) {
                    l.flow("We manage our business in " + l.company.segments().size() + " reportable segments: " + String.join(", ", l.company.segments())
                            + ". Financial information about our segments is in the notes to the consolidated financial statements.");
                }
            }
            l.flow(bank.get());
        }
    }

    /** Item 1A: the company's own risks among the generic ones, each recorded where it lands. */
    void riskFactors(int paragraphs) {
        item(Section.RISK_FACTORS, "PART I", "Item 1A.", "Risk Factors");
        l.flow("An investment in our securities involves risks. You should consider the risks described below, together with the other "
                + "information in this report, before deciding to invest.");
        Supplier<String> bank = prose.paragraphs(FilingProse.RISKS);
        List<Risk> risks = l.company.risks();
        int perGroup = Math.max(1, paragraphs / RISK_GROUPS.length);
        for (int i = 0; i < paragraphs; i++) {
            if (i % perGroup == 0 && i / perGroup < RISK_GROUPS.length) {
                l.heading(RISK_GROUPS[i / perGroup]);
            }
            if (i % perGroup == 1 && i / perGroup < risks.size()) {
                risk(risks.get(i / perGroup));
            }
            l.flow(bank.get());
        }
    }

    void risk(Risk risk) {
        l.keep(110);
        l.out.boldRow(risk.heading());
        l.flow(risk.sentence() + " Any of these events could have a material adverse effect on our business, financial condition and results of operations.");
        l.sentence(risk.id(), risk.sentence());
    }

    void shortItems() {
        item(Section.OTHER, "PART I", "Item 1B.", "Unresolved Staff Comments");
        l.flow("None.");
        item(null, "PART I", "Item 2.", "Properties");
        l.flow(prose.fill("Our principal facilities are in {facility} and {hq}. We believe our facilities are suitable and adequate for our current needs."));
        item(null, "PART I", "Item 3.", "Legal Proceedings");
        l.flow("Information about legal proceedings is in the note on commitments and contingencies to the consolidated financial statements.");
        item(null, "PART I", "Item 4.", "Mine Safety Disclosures");
        l.flow("Not applicable.");
        l.out.heading("PART II");
        item(null, "PART II", "Item 5.", "Market for Registrant's Common Equity, Related Stockholder Matters and Issuer Purchases of Equity Securities");
        l.flow("Our common stock is listed on the " + l.company.registrant().exchange() + " under the symbol \"" + l.company.ticker() + "\".");
        item(null, "PART II", "Item 6.", "[Reserved]");
    }

    void auditor(LocalDate end, LocalDate priorEnd) {
        l.newPage(Section.OTHER);
        l.mark("Report of Independent Registered Public Accounting Firm");
        l.out.heading("Report of Independent Registered Public Accounting Firm");
        Company c = l.company;
        l.flow("To the Shareholders and Board of Directors of " + c.name());
        l.out.heading("Opinion on the Financial Statements");
        String statements = (c.incomeTitle() + ", " + (c.comprehensiveTitle() == null ? "" : "comprehensive income, ") + c.equityTitle() + " and "
                + c.cashFlowTitle()).replace("Consolidated Statements of ", "").toLowerCase(java.util.Locale.US);
        l.flow("We have audited the accompanying " + c.balanceTitle().toLowerCase(java.util.Locale.US) + " of " + c.name() + " and subsidiaries (the Company) as of "
                + FiscalCalendar.format(end) + " and " + FiscalCalendar.format(priorEnd) + ", the related consolidated statements of " + statements
                + " for each of the three years in the period ended " + FiscalCalendar.format(end)
                + ", and the related notes. In our opinion, the consolidated financial statements present fairly, in all material respects, the financial "
                + "position of the Company and the results of its operations and its cash flows in conformity with U.S. generally accepted accounting principles.");
        l.out.heading("Basis for Opinion");
        l.flow("These financial statements are the responsibility of the Company's management. Our responsibility is to express an opinion on them based "
                + "on our audits, which we conducted in accordance with the standards of the Public Company Accounting Oversight Board (United States).");
        l.flow("/s/ Whitcombe & Lane LLP. We have served as the Company's auditor since " + (2001 + random.nextInt(15)) + ".");
    }

    void closingItems(String part, String[][] items) {
        l.newPage(Section.OTHER);
        for (String[] entry : items) {
            item(null, part, entry[0], entry[1]);
            l.flow(prose.paragraphs(FilingProse.CONTROLS).get());
        }
    }

    void signatures(String part, LocalDate signed) {
        l.keep(200);
        l.mark(FilingLayout.itemKey(part, "Signatures", ""));
        l.out.heading("SIGNATURES");
        l.flow("Pursuant to the requirements of the Securities Exchange Act of 1934, the registrant has duly caused this report to be signed on its behalf "
                + "by the undersigned, thereunto duly authorized, on " + FiscalCalendar.format(signed) + ".");
        l.flow(l.company.name() + ", by /s/ Chief Financial Officer.");
    }
}
