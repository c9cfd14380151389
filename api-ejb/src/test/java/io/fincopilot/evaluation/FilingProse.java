package io.fincopilot.evaluation;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Filing prose drawn from sentence banks, with the company's products, customers and places and
 * drawn percentages and counts filled in. The banks never state a figure a question asks for, nor
 * any figure an unanswerable question names (employees, advertising, impairment charges), so
 * those stay unanswerable.
 */
final class FilingProse {

    private static final Pattern SLOT = Pattern.compile("\\{(\\w+)}");
    private static final String[] MONTHS = {"January", "February", "March", "April", "May", "June", "July", "August", "September",
        "October", "November", "December"};

    static final String[] BUSINESS = {
        "{name} designs, manufactures and sells {products} to {customers}.",
        "We were incorporated in {state} and our principal executive offices are located in {hq}.",
        "We sell through a direct sales force in {region} and through distributors in other markets.",
        "Our largest facility, in {facility}, completed an expansion in {month} of fiscal {year}.",
        "We compete on product performance, reliability, service and price, and our competitors include large diversified companies and specialized firms.",
        "Demand for our products depends on the investment plans of {customers}, which vary with economic conditions.",
        "We hold {count} patents and pending patent applications, none of which is individually material to our business.",
        "Raw materials and components are generally available from several sources, although some are purchased from a limited number of suppliers.",
        "Our order pattern is seasonal, with the final quarter of the fiscal year typically the strongest.",
        "We are subject to environmental, health and safety laws in each jurisdiction where we operate.",
        "Our website is not part of this report; we make our filings available there free of charge as soon as practicable after filing.",
        "Our management team reviews results by segment, and each segment has its own general manager."};
    static final String[] RISKS = {
        "Our results may fluctuate from quarter to quarter, and past results are not a reliable indicator of future performance.",
        "Global economic conditions, including inflation and higher interest rates, could reduce demand for {products}.",
        "Our international operations expose us to currency fluctuations, tariffs and changes in trade policy.",
        "We may not be able to protect our intellectual property, and third parties may claim that we infringe theirs.",
        "We may pursue acquisitions that involve risks, including difficulties in integrating the acquired operations.",
        "Our indebtedness could limit our flexibility in operating our business, and our credit agreement contains restrictive covenants.",
        "Changes in tax laws or their interpretation could adversely affect our effective tax rate and our cash flows.",
        "Failures of our information technology systems could disrupt our operations and harm our reputation.",
        "The market price of our common stock has been volatile and may continue to fluctuate significantly.",
        "Climate-related regulation and extreme weather could increase our costs and disrupt our operations in {region}.",
        "If we fail to maintain effective internal control over financial reporting, investors could lose confidence in our reports.",
        "We depend on key members of management, and the loss of their services could harm our business."};
    static final String[] MDNA = {
        "The following discussion should be read together with the consolidated financial statements and notes included in this report.",
        "Demand from {customers} remained healthy in {region}, while pricing actions offset part of the inflation in materials and freight.",
        "Changes in foreign currency exchange rates reduced reported growth by about {pct} compared with the prior year.",
        "Selling, general and administrative expenses reflected investments in sales coverage and information systems.",
        "Our effective tax rate differed from the statutory rate mainly because of state taxes and the mix of earnings by jurisdiction.",
        "We believe that cash on hand, cash from operations and our revolving credit facility will be sufficient to meet our needs for at least the next twelve months.",
        "Our revolving credit facility matures in {later} and was undrawn at the end of fiscal {year}.",
        "Critical accounting estimates include revenue recognition for multiple-element arrangements, inventory valuation and income taxes.",
        "We continually review our cost structure and took actions in {month} to consolidate two smaller facilities in {region}.",
        "Backward-looking comparisons in this section are to the same period of the prior fiscal year unless stated otherwise.",
        "Segment results exclude corporate costs, which consist of executive, legal and other shared functions."};
    static final String[] NOTES = {
        "The consolidated financial statements include the accounts of {name} and its majority-owned subsidiaries; intercompany balances are eliminated.",
        "Preparing financial statements requires management to make estimates that affect the reported amounts; actual results could differ.",
        "Revenue is recognized when control of the promised goods or services transfers to the customer, in an amount reflecting the expected consideration.",
        "Cash equivalents are highly liquid investments with original maturities of three months or less.",
        "Property, plant and equipment is stated at cost and depreciated on a straight-line basis over estimated useful lives of 3 to 40 years.",
        "Goodwill is tested annually in the fourth quarter, or sooner if events indicate that its carrying amount may not be recoverable.",
        "Share-based awards are measured at their grant-date fair value and expensed over the vesting period, generally three or four years.",
        "Income taxes are accounted for under the asset and liability method; deferred taxes reflect temporary differences between book and tax bases.",
        "The Company is involved in legal proceedings arising in the ordinary course of business, none of which management expects to be material.",
        "Foreign operations use their local currency as the functional currency; translation adjustments are recorded in other comprehensive income."};
    static final String[] CONTROLS = {
        "Our disclosure controls and procedures were evaluated by management, with the participation of our Chief Executive Officer and Chief Financial Officer.",
        "Based on that evaluation, they concluded that our disclosure controls and procedures were effective as of the end of the period covered by this report.",
        "There were no changes in our internal control over financial reporting during the most recent fiscal quarter that materially affected it.",
        "Market risk arises from changes in interest rates, foreign currency exchange rates and commodity prices.",
        "A hypothetical 10% change in foreign currency exchange rates would not have a material effect on our results of operations.",
        "We use derivative instruments only to hedge exposures and not for trading or speculative purposes."};

    private final Random random;
    private final Company company;
    private final int year;

    FilingProse(Random random, Company company, int year) {
        this.random = random;
        this.company = company;
        this.year = year;
    }

    /** Paragraphs of three to five sentences from {@code bank}, each sentence used once before any repeats. */
    Supplier<String> paragraphs(String[] bank) {
        List<String> order = new ArrayList<>(List.of(bank));
        int[] next = {order.size()};
        return () -> {
            StringBuilder paragraph = new StringBuilder();
            int sentences = 3 + random.nextInt(3);
            for (int s = 0; s < sentences; s++) {
                if (next[0] == order.size()) {
                    Collections.shuffle(order, random);
                    next[0] = 0;
                }
                paragraph.append(paragraph.isEmpty() ? "" : " ").append(fill(order.get(next[0]++)));
            }
            return paragraph.toString();
        };
    }

    String fill(String sentence) {
        Matcher slot = SLOT.matcher(sentence);
        StringBuilder out = new StringBuilder();
        while (slot.find()) {
            slot.appendReplacement(out, Matcher.quoteReplacement(value(slot.group(1))));
        }
        slot.appendTail(out);
        return out.toString();
    }

    private String value(String slot) {
        return switch (slot) {
            case "name" -> company.name();
            case "products" -> company.prose().products();
            case "customers" -> company.prose().customers();
            case "region" -> company.prose().region();
            case "facility" -> company.prose().facility();
            case "state" -> company.registrant().state();
            case "hq" -> company.registrant().address().replaceAll(" \\d{5}$", "");
            case "year" -> String.valueOf(year);
            case "later" -> String.valueOf(year + 2 + random.nextInt(3));
            case "month" -> MONTHS[random.nextInt(12)];
            case "pct" -> String.format(Locale.US, "%.1f%%", 0.5 + random.nextDouble() * 3);
            case "count" -> String.valueOf(40 + random.nextInt(900));
            default -> throw new IllegalArgumentException("no slot " + slot);
        };
    }
}
