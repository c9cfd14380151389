package io.fincopilot.evaluation;

import io.fincopilot.evaluation.Filing.Form;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * A 10-Q: cover, contents, Part I (condensed statements: the quarter and the year to date against
 * the same periods a year earlier, the balance sheet at the quarter's end against the last
 * year-end; notes; MD&A; market risk and controls) and Part II (legal proceedings, risk factors,
 * exhibits, signatures).
 */
final class QuarterlyFiling {

    private static final String[] ORDINALS = {"first", "second", "third"};

    private QuarterlyFiling() {
    }

    static Filing write(Company company, Ledger ledger, int fiscalYear, int quarter, long seed) {
        Map<String, Integer> marks = render(company, ledger, fiscalYear, quarter, seed, Map.of()).marks();
        FilingLayout l = render(company, ledger, fiscalYear, quarter, seed, marks);
        return Filing.of(l, Form.TEN_Q, fiscalYear, quarter, company.calendar().quarterEnd(fiscalYear, quarter),
                l.out.finish(Filing.id(seed, l.document)));
    }

    private static FilingLayout render(Company c, Ledger ledger, int fy, int q, long seed, Map<String, Integer> marks) {
        Random random = new Random(seed);
        FilingProse prose = new FilingProse(random, c, fy);
        LocalDate end = c.calendar().quarterEnd(fy, q);
        FilingLayout l = new FilingLayout(c.key() + "_" + fy + "Q" + q + "_10Q", c.name() + " | Q" + q + " Fiscal " + fy + " Form 10-Q", c, ledger);
        OtherPages other = new OtherPages(l, prose, random);
        long unit = c.unit() == Company.Unit.MILLIONS ? 1_000_000 : 1_000;
        CoverPages.quarterly(l, end, ledger.flow(Item.SHARES_DILUTED)[Ledger.index(fy, q)] * unit * 98 / 100 + random.nextInt(1000));
        ContentsPages.contents(l, ContentsPages.QUARTERLY, marks);

        Period quarter = Period.quarter(fy, q);
        Period priorQuarter = Period.quarter(fy - 1, q);
        Period toDate = Period.yearToDate(fy, q);
        Period priorToDate = Period.yearToDate(fy - 1, q);
        List<Period> flows = new ArrayList<>(List.of(quarter, priorQuarter));
        if (q > 1) {
            flows.addAll(List.of(toDate, priorToDate));
        }
        String units = "(In " + c.unit().word + ", except per share data)";
        l.mark(FilingLayout.itemKey("PART I", "Item 1.", "Financial Statements (Unaudited)"));
        Statements.income(l, true, flows, ColumnHeader.interim(c, flows, units), "PART I. FINANCIAL INFORMATION", "Item 1. Financial Statements");
        List<Period> balances = List.of(Period.quarterEnd(fy, q), Period.yearEnd(fy - 1));
        ColumnHeader balanceHeader = ColumnHeader.instants(c, balances, "(In " + c.unit().word + ")");
        Statements.balance(l, true, balances, balanceHeader);
        List<Period> cash = List.of(toDate, priorToDate);
        Statements.cashFlows(l, true, cash, ColumnHeader.interim(c, cash, "(In " + c.unit().word + ")"));
        EquityStatements.equity(l, true, List.of(quarter, priorQuarter));
        List<Period> quarters = List.of(quarter, priorQuarter);
        new NotesPages(l, prose, true).write(balances, quarters, balanceHeader, ColumnHeader.interim(c, quarters, units), random.nextInt(2));

        other.item(Section.MDNA, "PART I", "Item 2.", "Management's Discussion and Analysis of Financial Condition and Results of Operations");
        new MdnaPages(l, prose).write("the " + ORDINALS[q - 1] + " quarter of fiscal " + fy, quarter, priorQuarter, toDate, priorToDate,
                4 + random.nextInt(3));
        other.closingItems("PART I", new String[][] {{"Item 3.", "Quantitative and Qualitative Disclosures About Market Risk"},
            {"Item 4.", "Controls and Procedures"}});

        l.newPage(Section.OTHER);
        l.out.heading("PART II. OTHER INFORMATION");
        other.item(null, "PART II", "Item 1.", "Legal Proceedings");
        l.flow("See the note on commitments and contingencies to the condensed consolidated financial statements.");
        other.item(null, "PART II", "Item 1A.", "Risk Factors");
        l.flow("There have been no material changes to the risk factors disclosed in Part I, Item 1A of our Annual Report on Form 10-K for the fiscal year ended "
                + FiscalCalendar.format(c.calendar().yearEnd(fy - 1)) + ", except as follows.");
        other.risk(c.risks().get((fy + q) % c.risks().size()));
        other.item(null, "PART II", "Item 6.", "Exhibits");
        l.flow("31.1 and 31.2 Certifications of the Chief Executive Officer and Chief Financial Officer; 32.1 Section 1350 Certifications; "
                + "101 Inline XBRL documents.");
        other.signatures("PART II", end.plusDays(35));
        return l;
    }
}
