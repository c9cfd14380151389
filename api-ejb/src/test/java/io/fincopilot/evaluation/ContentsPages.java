package io.fincopilot.evaluation;

import java.util.List;
import java.util.Map;

/**
 * The table of contents and the index to the financial statements, with the page numbers where the
 * items and statements start. The numbers come from a first layout pass ({@code marks}; zero in the
 * first pass), which the contents cannot change since they fill one page whatever the numbers are.
 */
final class ContentsPages {

    static final List<String[]> ANNUAL = List.of(
            new String[] {"PART I", null},
            new String[] {"Item 1.", "Business"},
            new String[] {"Item 1A.", "Risk Factors"},
            new String[] {"Item 1B.", "Unresolved Staff Comments"},
            new String[] {"Item 2.", "Properties"},
            new String[] {"Item 3.", "Legal Proceedings"},
            new String[] {"Item 4.", "Mine Safety Disclosures"},
            new String[] {"PART II", null},
            new String[] {"Item 5.", "Market for Registrant's Common Equity, Related Stockholder Matters and Issuer Purchases of Equity Securities"},
            new String[] {"Item 6.", "[Reserved]"},
            new String[] {"Item 7.", "Management's Discussion and Analysis of Financial Condition and Results of Operations"},
            new String[] {"Item 7A.", "Quantitative and Qualitative Disclosures About Market Risk"},
            new String[] {"Item 8.", "Financial Statements and Supplementary Data"},
            new String[] {"Item 9.", "Changes in and Disagreements With Accountants on Accounting and Financial Disclosure"},
            new String[] {"Item 9A.", "Controls and Procedures"},
            new String[] {"Item 9B.", "Other Information"},
            new String[] {"PART III", null},
            new String[] {"Item 10.", "Directors, Executive Officers and Corporate Governance"},
            new String[] {"Item 11.", "Executive Compensation"},
            new String[] {"Item 12.", "Security Ownership of Certain Beneficial Owners and Management"},
            new String[] {"Item 13.", "Certain Relationships and Related Transactions, and Director Independence"},
            new String[] {"Item 14.", "Principal Accountant Fees and Services"},
            new String[] {"PART IV", null},
            new String[] {"Item 15.", "Exhibits and Financial Statement Schedules"},
            new String[] {"Signatures", ""});
    static final List<String[]> QUARTERLY = List.of(
            new String[] {"PART I", "FINANCIAL INFORMATION"},
            new String[] {"Item 1.", "Financial Statements (Unaudited)"},
            new String[] {"", "INCOME"},
            new String[] {"", "BALANCE"},
            new String[] {"", "CASH"},
            new String[] {"", "EQUITY"},
            new String[] {"", "Notes to Condensed Consolidated Financial Statements"},
            new String[] {"Item 2.", "Management's Discussion and Analysis of Financial Condition and Results of Operations"},
            new String[] {"Item 3.", "Quantitative and Qualitative Disclosures About Market Risk"},
            new String[] {"Item 4.", "Controls and Procedures"},
            new String[] {"PART II", "OTHER INFORMATION"},
            new String[] {"Item 1.", "Legal Proceedings"},
            new String[] {"Item 1A.", "Risk Factors"},
            new String[] {"Item 6.", "Exhibits"},
            new String[] {"Signatures", ""});

    private ContentsPages() {
    }

    /** A page listing {@code entries} (item, title); the title's page is looked up in {@code marks} by item and title. */
    static void contents(FilingLayout l, List<String[]> entries, Map<String, Integer> marks) {
        l.newPage(Section.CONTENTS);
        l.out.centered("TABLE OF CONTENTS", 12, true);
        l.out.space(6);
        String part = "";
        for (String[] entry : entries) {
            if (entry[1] == null || entry[0].startsWith("PART")) {
                part = entry[0];
                l.out.boldRow(entry[1] == null ? entry[0] : entry[0] + " - " + entry[1]);
                continue;
            }
            String title = title(l.company, entry[1], true);
            String text = (entry[0].isEmpty() ? "    " : entry[0] + " ") + shorten(title);
            String key = entry[0].isEmpty() ? title : FilingLayout.itemKey(part, entry[0], title);
            l.out.tableRow(text, String.valueOf(marks.getOrDefault(key, 0)));
        }
    }

    /** The index that opens Item 8: the auditor's report, the statements and the notes, with their pages. */
    static void financialIndex(FilingLayout l, Map<String, Integer> marks) {
        l.newPage(Section.CONTENTS);
        l.out.title("Item 8. Financial Statements and Supplementary Data");
        l.out.heading("Index to Consolidated Financial Statements");
        Company c = l.company;
        for (String title : new String[] {"Report of Independent Registered Public Accounting Firm", c.incomeTitle(), c.comprehensiveTitle(),
            c.balanceTitle(), c.cashFlowTitle(), c.equityTitle(), "Notes to Consolidated Financial Statements"}) {
            if (title != null) {
                l.out.tableRow(title, String.valueOf(marks.getOrDefault(title, 0)));
            }
        }
    }

    /** Placeholders in the quarterly contents stand for the company's statement titles. */
    static String title(Company c, String entry, boolean condensed) {
        String prefix = condensed ? "Condensed " : "";
        return switch (entry) {
            case "INCOME" -> prefix + c.incomeTitle();
            case "BALANCE" -> prefix + c.balanceTitle();
            case "CASH" -> prefix + c.cashFlowTitle();
            case "EQUITY" -> prefix + c.equityTitle();
            default -> entry;
        };
    }

    /** Long item titles are cut to fit the line, as the mark keys are not. */
    private static String shorten(String title) {
        return title.length() > 68 ? title.substring(0, title.lastIndexOf(' ', 66)) + " ..." : title;
    }
}
