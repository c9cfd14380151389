package io.fincopilot.retrieval.control;

import io.fincopilot.ingestion.entity.Block;
import io.fincopilot.ingestion.entity.Heading;
import io.fincopilot.ingestion.entity.Page;
import java.time.LocalDate;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The first page of a report that is not an SEC form (a glossy annual report, a shareholder letter):
 * "2025 Annual Report" or "Annual Report 2022", the company as a line ending in a corporate suffix
 * ("Harborline Logistics Group, Inc."), and "fiscal year ended ..." when the first pages say it.
 */
record GlossyCover(boolean annualReport, Integer year, String company, LocalDate periodEnd) {

    private static final Pattern ANNUAL_REPORT = Pattern.compile("(?i)\\b(?:((?:19|20)\\d{2})\\s+annual\\s+report|annual\\s+report\\s+((?:19|20)\\d{2})|annual\\s+report)\\b");
    private static final Pattern COMPANY = Pattern.compile("^([A-Z0-9][\\w&.,'\\- ]{1,60}?,?\\s(?:Inc\\.?|Incorporated|Corporation|Corp\\.?|Company|Co\\.|plc|PLC|Ltd\\.?"
            + "|Limited|Group|Holdings|N\\.V\\.|S\\.A\\.|AG|SE|LLC|L\\.P\\.))$");
    private static final Pattern YEAR_ENDED = Pattern.compile("(?i)(?:fiscal\\s+)?year\\s+ended\\s*:?\\s*");

    static GlossyCover read(List<Page> pages, String text) {
        if (pages.isEmpty()) {
            return new GlossyCover(false, null, null, null);
        }
        String first = FilingText.normalize(pages.get(0).text());
        Matcher report = ANNUAL_REPORT.matcher(first);
        boolean annual = report.find();
        Integer year = null;
        if (annual && (report.group(1) != null || report.group(2) != null)) {
            year = Integer.parseInt(report.group(1) != null ? report.group(1) : report.group(2));
        }
        return new GlossyCover(annual, year, company(pages.get(0).blocks()), periodEnd(text));
    }

    /** A heading (or short line) on the first page shaped like a company's name; headings first, since the name is usually set large. */
    private static String company(List<Block> blocks) {
        for (boolean headings : new boolean[] {true, false}) {
            for (Block block : blocks) {
                if (block instanceof Heading == headings) {
                    String line = FilingText.normalize(block.text());
                    Matcher m = COMPANY.matcher(line);
                    if (line.length() <= 70 && m.matches()) {
                        return m.group(1);
                    }
                }
            }
        }
        return null;
    }

    private static LocalDate periodEnd(String text) {
        Matcher m = YEAR_ENDED.matcher(text);
        while (m.find()) {
            LocalDate date = FilingDates.leading(text.substring(m.end(), Math.min(text.length(), m.end() + 40)));
            if (date != null) {
                return date;
            }
        }
        return null;
    }
}
