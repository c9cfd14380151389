package io.fincopilot.evaluation;

import java.util.List;
import java.util.Map;

/**
 * A fictional filer: who it is, how its filings are set (titles, labels, units, how the cover's
 * check boxes come out of a PDF), the shape of its business, and the risks it always discloses.
 *
 * @param key the file-name prefix, upper case with underscores ("HALVORSEN_FOODS")
 * @param name the legal name ("Halvorsen Foods Company")
 * @param coverName the name as the cover prints it (often in capitals)
 * @param shortName what people call it ("Halvorsen Foods")
 */
record Company(String key, String name, String coverName, String shortName, String ticker, Registrant registrant,
        FiscalCalendar calendar, Style style, Economics economics, Prose prose, List<Risk> risks) {

    enum Unit {
        MILLIONS("millions"), THOUSANDS("thousands");

        final String word;

        Unit(String word) {
            this.word = word;
        }
    }

    /** The cover's check boxes as text extraction returns them: Wingdings read as Latin-1, brackets, or dingbats. */
    enum Checkbox {
        GARBLED("\u00fe", "\u00a8"), BRACKETS("[X]", "[ ]"), DINGBATS("\u2714", "\u274f");

        final String checked;
        final String unchecked;

        Checkbox(String checked, String unchecked) {
            this.checked = checked;
            this.unchecked = unchecked;
        }
    }

    record Registrant(String state, String fileNumber, String taxId, String address, String phone, String security, String exchange) {
    }

    /**
     * @param titles the statements' titles: income, balance sheet, cash flows, equity, and comprehensive income (or null)
     * @param labels printed labels where the company departs from {@link Item#label}
     * @param detachedDollar whether "$" stands apart from the figure ("$ 1,234"), as in filings printed from HTML
     */
    record Style(Unit unit, List<String> titles, Map<Item, String> labels, Checkbox checkbox, boolean detachedDollar, String equityWord) {
    }

    /**
     * @param revenue the first fiscal year's revenue, in the company's unit
     * @param segments segment names; weights their share of revenue, margins their operating margins
     */
    record Economics(long revenue, double growth, double costRatio, double researchRatio, double sgaRatio, boolean inventory,
            List<String> segments, List<Double> weights, List<Double> margins) {
    }

    /** Words the sentence banks fill in: what it sells, to whom, where. */
    record Prose(String industry, String products, String customers, String region, String facility) {
    }

    /**
     * A risk the company discloses in every annual report.
     *
     * @param topic how a question names it ("its reliance on a single foundry")
     * @param fragment the part of the sentence an answer must carry
     */
    record Risk(String id, String heading, String sentence, String topic, String fragment) {

        Risk {
            if (!sentence.contains(fragment)) {
                throw new IllegalArgumentException("the fragment is not in the sentence: " + fragment);
            }
        }
    }

    String label(Item item) {
        return style.labels().getOrDefault(item, item.label);
    }

    Unit unit() {
        return style.unit();
    }

    String incomeTitle() {
        return style.titles().get(0);
    }

    String balanceTitle() {
        return style.titles().get(1);
    }

    String cashFlowTitle() {
        return style.titles().get(2);
    }

    String equityTitle() {
        return style.titles().get(3);
    }

    /** Null when the company does not print a separate statement of comprehensive income. */
    String comprehensiveTitle() {
        return style.titles().size() > 4 ? style.titles().get(4) : null;
    }

    List<String> segments() {
        return economics.segments();
    }
}
