package io.fincopilot.evaluation;

import io.fincopilot.evaluation.Company.Unit;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** What question generators share: the filings, each company's books, the printed facts and the phrasing. */
record QuestionContext(List<Filing> filings, Map<String, Ledger> ledgers, FactIndex index, Phrasing phrasing) {

    Ledger ledger(Company c) {
        return ledgers.get(c.key());
    }

    String annualKey(Company c, int fiscalYear) {
        return c.key() + "_" + fiscalYear + "_10K";
    }

    Filing quarterly(Company c, int fiscalYear) {
        return filings.stream().filter(f -> f.company() == c && f.form() == Filing.Form.TEN_Q && f.fiscalYear() == fiscalYear).findFirst()
                .orElseThrow();
    }

    /** The answer to "what was {item} for {period}", in the unit asked; outflows as amounts, as people ask for them. */
    Expected figure(Company c, Item item, String segment, Period period, Unit asked) {
        Ledger ledger = ledger(c);
        if (item.isPerShare()) {
            double eps = ledger.eps(period);
            return Expected.figure(String.format(Locale.US, "%.2f", eps), eps, "USD per share", Figures.perShare(eps),
                    c.shortName() + " " + item.phrase + " " + period.key() + ": $" + Figures.perShare(eps));
        }
        long raw = segment == null ? ledger.value(item, period) : ledger.segment(item, c.segments().indexOf(segment), period);
        String printed = Figures.amount(item.isOutflow() ? -raw : raw);
        String figure;
        double value;
        if (asked == c.unit()) {
            figure = String.format(Locale.US, "%,d", raw);
            value = raw;
        } else {
            value = raw / 1000.0;
            figure = String.format(Locale.US, "%,.1f", value);
        }
        String subject = segment == null ? item.phrase : segment + " " + item.phrase;
        return Expected.figure(figure, value, Phrasing.unitWords(asked), printed,
                c.shortName() + " " + subject + " " + period.key() + ": " + figure + " (" + Phrasing.unitWords(asked) + "), printed as " + printed
                        + " in " + c.unit().word);
    }
}
