package io.fincopilot.ingestion.sample;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Filing-style prose drawn from a seed: sentences from a bank per section, with years, percentages,
 * amounts, dates, places and page references filled in, so the report reads like a filing and
 * exercises PII masking against the figures that must not be masked.
 */
final class ReportProse {

    private static final Pattern SLOT = Pattern.compile("\\{(\\w+)}");
    private static final String[] REGIONS = {"the Northeast", "the Midwest", "the Gulf Coast", "the Pacific Northwest", "the Southeast",
        "the Mountain West", "Ontario", "northern Mexico"};
    private static final String[] PORTS = {"the Port of Savannah", "the Port of Long Beach", "the Port of Houston", "the Port of Newark",
        "the Port of Tacoma"};
    private static final String[] MONTHS = {"January", "February", "March", "April", "May", "June", "July", "August", "September",
        "October", "November", "December"};
    private static final String[] CUSTOMERS = {"retail", "automotive", "food and beverage", "industrial", "healthcare", "e-commerce"};

    static final String[] LETTER = {
        "Fiscal {year} tested our network, and our people answered with discipline and care.",
        "Volumes in {region} grew {pct} as {customer} customers consolidated their suppliers with us.",
        "We opened {count} new dock doors and retired older trailers, lowering fuel use per mile by {pct}.",
        "Our safety record improved again: recordable incidents fell {pct} from the prior year.",
        "We returned {amount} to shareholders through dividends and repurchases while keeping leverage within our target range.",
        "I want to thank our {count} drivers who completed more than a million miles without a preventable accident.",
        "Looking ahead, we expect freight demand to recover gradually through the second half of {year}.",
        "Our priorities remain unchanged: safe operations, reliable service, and disciplined capital allocation."};
    static final String[] BUSINESS = {
        "We operate {count} terminals and cross-dock facilities across North America, served by a fleet of company and contract carriers.",
        "Our Freight segment provides truckload and less-than-truckload transportation, principally in {region}.",
        "Our Warehousing segment manages {count} distribution centers with dedicated labor and inventory systems for {customer} customers.",
        "Our Brokerage segment matches shipper loads with third-party carriers through our digital freight platform.",
        "No single customer accounted for more than {pct} of consolidated revenue in fiscal {year}.",
        "Seasonality affects our business: the fourth quarter is typically our strongest, driven by holiday retail volumes.",
        "We compete on service, price, capacity and technology with national carriers, regional operators and brokers.",
        "As of {date}, we employed {count} people in drayage operations serving {port}."};
    static final String[] RISKS = {
        "A prolonged slowdown in {customer} production could reduce shipment volumes and adversely affect our results of operations.",
        "Diesel fuel prices are volatile; a sustained increase of {pct} not recovered through surcharges would reduce our margins.",
        "We depend on attracting and retaining qualified drivers, and a shortage in {region} could limit our capacity.",
        "Cyber-attacks on our dispatch and warehouse systems could disrupt operations and expose confidential information.",
        "Congestion or labor disputes at {port} could delay container drayage and increase our costs.",
        "Changes in hours-of-service, emissions or classification rules could increase our operating costs materially.",
        "Our term loan bears interest at a variable rate; an increase of 100 basis points would raise annual interest expense by about {amount}.",
        "Severe weather, including hurricanes on the Gulf Coast, has disrupted our terminals in the past, most recently in {month} {year}.",
        "We may not realize the expected benefits of acquisitions, such as the warehousing business we acquired in {year}.",
        "Claims for accidents involving our trucks could exceed our insurance coverage and affect our financial condition."};
    static final String[] MDNA = {
        "Revenue in the Freight segment increased {pct}, reflecting higher loaded miles and improved pricing in {region}.",
        "Cost of services as a percentage of revenue improved by 120 basis points, mainly on lower purchased transportation.",
        "Selling, general and administrative expenses rose {pct}, driven by technology investments and incentive compensation.",
        "Warehousing revenue benefited from {count} new customer programs launched during the year.",
        "Brokerage gross margin narrowed to {pct} as spot rates fell faster than contract rates.",
        "Interest expense, net decreased as we repaid {amount} of our term loan during fiscal {year}.",
        "The effective tax rate was {pct}, compared with the prior year, reflecting state apportionment changes.",
        "Capital expenditures were funded from cash provided by operating activities and were concentrated on tractors and terminals.",
        "As of {date}, we had {amount} available under our revolving credit facility (see page 35).",
        "We believe cash on hand and expected operating cash flows will be sufficient to fund our needs for at least the next 12 months."};
    static final String[] NOTES = {
        "Revenue is recognized over time as freight moves from origin to destination, measured by days in transit.",
        "Property and equipment are stated at cost and depreciated on a straight-line basis over 3 to 40 years.",
        "Goodwill is tested for impairment annually on October 1 and whenever events indicate its carrying amount may not be recoverable.",
        "The term loan matures in {year} and bears interest at SOFR plus 1.50% to 2.25%, depending on our leverage ratio.",
        "Operating lease right-of-use assets relate principally to terminals and distribution centers with terms of up to {count} months.",
        "Share-based awards vest over three years; expense of {amount} was recognized in fiscal {year}.",
        "We are party to claims arising in the ordinary course of business, none of which we expect to be material.",
        "Accounts receivable are presented net of an allowance for expected credit losses of {amount}.",
        "The Company sponsors a defined contribution plan and matched employee contributions of up to {pct} of eligible pay."};
    static final String[] GOVERNANCE = {
        "The Board of Directors has {count} members, all but one of whom are independent under exchange listing standards.",
        "The Audit Committee met eight times during fiscal {year} and reviewed each quarterly filing before release.",
        "Our executive officers are elected annually by the Board and serve at its discretion.",
        "We own {count} of our terminals and lease the remainder under agreements expiring through {year}.",
        "Our common stock trades under the symbol HBLG; on {date} there were {count} holders of record.",
        "Information about our code of conduct is available on our website; amendments will be posted there."};

    private final Random random;

    ReportProse(Random random) {
        this.random = random;
    }

    Supplier<String> paragraphs(String[] bank) {
        return () -> {
            StringBuilder paragraph = new StringBuilder();
            List<String> sentences = new ArrayList<>(List.of(bank));
            Collections.shuffle(sentences, random);
            int count = 3 + random.nextInt(3);
            for (int i = 0; i < count; i++) {
                paragraph.append(i == 0 ? "" : " ").append(fill(sentences.get(i)));
            }
            return paragraph.toString();
        };
    }

    private String fill(String template) {
        Matcher slot = SLOT.matcher(template);
        StringBuilder out = new StringBuilder();
        while (slot.find()) {
            slot.appendReplacement(out, Matcher.quoteReplacement(value(slot.group(1))));
        }
        return slot.appendTail(out).toString();
    }

    private String value(String slot) {
        return switch (slot) {
            case "year" -> String.valueOf(2019 + random.nextInt(7));
            case "pct" -> String.format(Locale.US, "%.1f%%", 1 + random.nextDouble() * 14);
            case "amount" -> String.format(Locale.US, "$%,.1f million", 2 + random.nextDouble() * 400);
            case "count" -> String.valueOf(12 + random.nextInt(470));
            case "region" -> REGIONS[random.nextInt(REGIONS.length)];
            case "port" -> PORTS[random.nextInt(PORTS.length)];
            case "customer" -> CUSTOMERS[random.nextInt(CUSTOMERS.length)];
            case "month" -> MONTHS[random.nextInt(MONTHS.length)];
            case "date" -> MONTHS[random.nextInt(MONTHS.length)] + " " + (1 + random.nextInt(28)) + ", " + (2019 + random.nextInt(7));
            default -> throw new IllegalArgumentException("no value for {" + slot + "}");
        };
    }
}
