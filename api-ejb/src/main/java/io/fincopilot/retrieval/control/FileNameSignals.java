package io.fincopilot.retrieval.control;

import io.fincopilot.retrieval.entity.FilingForm;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a file name or title says, when it is built the way people and datasets name filings:
 * {@code 3M_2018_10K.pdf}, {@code AMD_2022Q2_10Q.pdf}, {@code PEPSICO_2023_8K_dated-2023-05-30.pdf},
 * {@code JOHNSON_JOHNSON_2023Q2_EARNINGS.pdf}, "Apple 10-K 2022", or EDGAR's {@code aapl-20220924.htm}.
 * A name without a year or a form says nothing about the company either (it may be "scan.pdf").
 *
 * @param company the words before the year or form, upper case kept ("JOHNSON JOHNSON"), or null
 */
record FileNameSignals(String company, Integer year, Integer quarter, FilingForm form, LocalDate date, String ticker) {

    private static final Pattern FORM = Pattern.compile("(?i)(?<![a-z0-9])(10-?k(?:/a|405|t)?|10-?q(?:/a)?|8-?k(?:/a)?|annual[ _-]?report|earnings(?:[ _-]?release)?"
            + "|press[ _-]?release|20-?f|40-?f|6-?k)(?![a-z0-9])");
    private static final Pattern YEAR_QUARTER = Pattern.compile("(?i)(?<![0-9])(?:fy[ _-]?)?((?:19|20)\\d{2})(?:[ _-]?q([1-4]))?(?![0-9])");
    private static final Pattern QUARTER_YEAR = Pattern.compile("(?i)(?<![a-z0-9])q([1-4])[ _-]?(?:fy[ _-]?)?((?:19|20)\\d{2})(?![0-9])");
    private static final Pattern DATED = Pattern.compile("((?:19|20)\\d{2})-(\\d{2})-(\\d{2})");
    private static final Pattern EDGAR = Pattern.compile("^([a-zA-Z]{1,5})-((?:19|20)\\d{6})$");
    private static final List<String> NOT_NAMES = List.of("FORM", "ANNUAL", "REPORT", "FY", "FISCAL", "DATED", "FINAL", "COPY", "DOC", "FILING");

    static FileNameSignals parse(String name) {
        if (name == null || name.isBlank()) {
            return new FileNameSignals(null, null, null, null, null, null);
        }
        String base = name.replaceAll("^.*[/\\\\]", "").replaceAll("(?i)\\.(pdf|html?|txt|docx?)$", "").strip();
        Matcher edgar = EDGAR.matcher(base);
        if (edgar.matches()) {
            return new FileNameSignals(null, null, null, null, date(edgar.group(2).substring(0, 4), edgar.group(2).substring(4, 6),
                    edgar.group(2).substring(6)), edgar.group(1).toUpperCase(Locale.ROOT));
        }
        LocalDate dated = null;
        Matcher d = DATED.matcher(base);
        if (d.find()) {
            dated = date(d.group(1), d.group(2), d.group(3));
        }
        String withoutDate = DATED.matcher(base).replaceAll(" ");
        Matcher form = FORM.matcher(withoutDate);
        FilingForm filingForm = form.find() ? form(form.group(1)) : null;
        int firstSignal = filingForm == null ? withoutDate.length() : form.start();
        Integer year = null;
        Integer quarter = null;
        Matcher qy = QUARTER_YEAR.matcher(withoutDate);
        Matcher yq = YEAR_QUARTER.matcher(withoutDate);
        if (qy.find()) {
            quarter = Integer.parseInt(qy.group(1));
            year = Integer.parseInt(qy.group(2));
            firstSignal = Math.min(firstSignal, qy.start());
        } else if (yq.find()) {
            year = Integer.parseInt(yq.group(1));
            quarter = yq.group(2) == null ? null : Integer.parseInt(yq.group(2));
            firstSignal = Math.min(firstSignal, yq.start());
        }
        if (year == null && filingForm == null) {
            return new FileNameSignals(null, null, null, null, dated, null);
        }
        return new FileNameSignals(company(withoutDate.substring(0, firstSignal)), year, quarter, filingForm, dated, null);
    }

    private static String company(String prefix) {
        List<String> words = new ArrayList<>();
        for (String word : prefix.split("[ _\\-.]+")) {
            if (!word.isBlank() && !NOT_NAMES.contains(word.toUpperCase(Locale.ROOT)) && word.chars().anyMatch(Character::isLetterOrDigit)) {
                words.add(word);
            }
        }
        String company = String.join(" ", words);
        return company.length() >= 2 && company.chars().anyMatch(Character::isLetter) ? company : null;
    }

    private static FilingForm form(String token) {
        String t = token.toUpperCase(Locale.ROOT).replaceAll("[ _-]", "");
        if (t.startsWith("10K")) {
            return FilingForm.TEN_K;
        }
        if (t.startsWith("10Q")) {
            return FilingForm.TEN_Q;
        }
        if (t.startsWith("8K")) {
            return FilingForm.EIGHT_K;
        }
        return t.startsWith("ANNUALREPORT") ? FilingForm.ANNUAL_REPORT : FilingForm.OTHER;
    }

    private static LocalDate date(String year, String month, String day) {
        try {
            return LocalDate.of(Integer.parseInt(year), Integer.parseInt(month), Integer.parseInt(day));
        } catch (DateTimeException e) {
            return null;
        }
    }
}
