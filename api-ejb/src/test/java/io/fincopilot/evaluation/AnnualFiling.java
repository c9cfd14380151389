package io.fincopilot.evaluation;

import io.fincopilot.evaluation.Filing.Form;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * A 10-K: cover (two pages), contents, Part I (business, risk factors, short items), Part II (MD&A,
 * market risk, Item 8 with its index, the auditor's report, the statements and the notes), Parts
 * III and IV. Income and cash flows cover three fiscal years, balance sheets two year-ends. Laid out
 * twice: the first pass finds the pages the contents list.
 */
final class AnnualFiling {

    private AnnualFiling() {
    }

    static Filing write(Company company, Ledger ledger, int fiscalYear, long seed) {
        Map<String, Integer> marks = render(company, ledger, fiscalYear, seed, Map.of()).marks();
        FilingLayout l = render(company, ledger, fiscalYear, seed, marks);
        String key = l.document;
        return Filing.of(l, Form.TEN_K, fiscalYear, 0, company.calendar().yearEnd(fiscalYear), l.out.finish(Filing.id(seed, key)));
    }

    private static FilingLayout render(Company c, Ledger ledger, int fy, long seed, Map<String, Integer> marks) {
        Random random = new Random(seed);
        FilingProse prose = new FilingProse(random, c, fy);
        LocalDate end = c.calendar().yearEnd(fy);
        FilingLayout l = new FilingLayout(c.key() + "_" + fy + "_10K", c.name() + " | Fiscal " + fy + " Form 10-K", c, ledger);
        OtherPages other = new OtherPages(l, prose, random);
        long unit = c.unit() == Company.Unit.MILLIONS ? 1_000_000 : 1_000;
        CoverPages.annual(l, end, ledger.flow(Item.SHARES_DILUTED)[Ledger.index(fy, 4)] * unit * 98 / 100 + random.nextInt(1000));
        ContentsPages.contents(l, ContentsPages.ANNUAL, marks);
        other.business(13 + random.nextInt(5));
        other.riskFactors(16 + random.nextInt(6));
        other.shortItems();

        other.item(Section.MDNA, "PART II", "Item 7.", "Management's Discussion and Analysis of Financial Condition and Results of Operations");
        Period year = Period.year(fy);
        Period prior = Period.year(fy - 1);
        new MdnaPages(l, prose).write("fiscal " + fy, year, prior, year, prior, 9 + random.nextInt(5));
        other.closingItems("PART II", new String[][] {{"Item 7A.", "Quantitative and Qualitative Disclosures About Market Risk"}});

        ContentsPages.financialIndex(l, marks);
        l.mark(FilingLayout.itemKey("PART II", "Item 8.", "Financial Statements and Supplementary Data"));
        other.auditor(end, c.calendar().yearEnd(fy - 1));
        List<Period> years = List.of(year, prior, Period.year(fy - 2));
        List<Period> yearEnds = List.of(Period.yearEnd(fy), Period.yearEnd(fy - 1));
        String unitWords = "(In " + c.unit().word + ", except per share data)";
        ColumnHeader yearsHeader = ColumnHeader.years(c, years, unitWords);
        ColumnHeader yearEndsHeader = ColumnHeader.yearEnds(c, yearEnds, "(In " + c.unit().word + ")");
        Statements.income(l, false, years, yearsHeader);
        if (c.comprehensiveTitle() != null) {
            EquityStatements.comprehensive(l, years);
        }
        Statements.balance(l, false, yearEnds, yearEndsHeader);
        Statements.cashFlows(l, false, years, ColumnHeader.years(c, years, "(In " + c.unit().word + ")"));
        EquityStatements.equity(l, false, List.of(Period.year(fy - 2), prior, year));
        new NotesPages(l, prose, false).write(yearEnds, years, yearEndsHeader, yearsHeader, 1 + random.nextInt(2));

        other.closingItems("PART II", new String[][] {
            {"Item 9.", "Changes in and Disagreements With Accountants on Accounting and Financial Disclosure"},
            {"Item 9A.", "Controls and Procedures"}, {"Item 9B.", "Other Information"}});
        l.out.heading("PART III");
        for (String[] entry : ContentsPages.ANNUAL.subList(17, 22)) {
            other.item(null, "PART III", entry[0], entry[1]);
            l.flow("The information required by this item is incorporated by reference to our definitive Proxy Statement for the " + (fy + 1)
                    + " Annual Meeting of Shareholders.");
        }
        other.closingItems("PART IV", new String[][] {{"Item 15.", "Exhibits and Financial Statement Schedules"}});
        other.signatures("PART IV", end.plusDays(50));
        return l;
    }
}
