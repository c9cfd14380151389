package io.fincopilot.ingestion.control;

import com.google.i18n.phonenumbers.PhoneNumberMatch;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.PhoneNumberUtil.Leniency;
import io.fincopilot.ingestion.entity.Block;
import io.fincopilot.ingestion.entity.ExtractedDocument;
import io.fincopilot.ingestion.entity.MaskedDocument;
import io.fincopilot.ingestion.entity.MaskedText;
import io.fincopilot.ingestion.entity.Page;
import io.fincopilot.ingestion.entity.PiiCounts;
import io.fincopilot.ingestion.entity.PiiKind;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.commons.validator.routines.CreditCardValidator;
import org.apache.commons.validator.routines.EmailValidator;
import org.apache.commons.validator.routines.IBANValidator;

/**
 * Masks personal data before anything is embedded or sent to a language model. Each kind is found
 * by a narrow pattern and then confirmed by a check that financial figures fail: e-mail addresses
 * by Commons Validator, IBANs by their mod-97 check digits, card numbers by issuer prefix, length
 * and Luhn, phone numbers by libphonenumber's metadata (US region, VALID leniency), SSNs only in
 * the dashed 3-2-4 shape (or after "SSN"), account numbers only after the word "account" or
 * "acct". So years, amounts, dates and page numbers, which fail those checks, stay as they are.
 * Kinds are masked one after the other (e-mail first, phone numbers last), each on the previous
 * one's result, so a number already masked is never counted twice. Thread-safe.
 */
public final class PiiMasker {

    private static final Pattern EMAIL = Pattern.compile("(?<![\\w.%+-])[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\\.[A-Za-z0-9-]+)*\\.[A-Za-z]{2,}");
    private static final Pattern IBAN = Pattern.compile("\\b[A-Z]{2}\\d{2}(?: ?[A-Z0-9]{4}){2,7}(?: ?[A-Z0-9]{1,3})?\\b");
    private static final Pattern CARD = Pattern.compile("(?<![\\d.,-])\\d(?:[ -]?\\d){12,18}(?![\\d,-]|\\.\\d)");
    private static final Pattern SSN = Pattern.compile("(?<![\\d-])(?!000|666|9\\d\\d)\\d{3}-(?!00)\\d{2}-(?!0000)\\d{4}(?![\\d-])"
            + "|(?i)(?<=\\bSSN[:#]?\\s{0,3}|\\bsocial security (?:number|no\\.?)[:#]?\\s{0,3})\\d{3}[ -]?\\d{2}[ -]?\\d{4}\\b");
    private static final Pattern ACCOUNT = Pattern.compile("(?i)(?<=\\b(?:account|acct\\.?|a/c)(?:\\s{0,3}(?:number|num\\.?|no\\.?|#))?"
            + "\\s{0,3}[:#]?\\s{0,3})(?!(?:19|20)\\d{2}\\s?[-\u2013]\\s?(?:19|20)?\\d{2}\\b)\\d(?:[ -]?\\d){5,19}(?!\\d)");

    private final PhoneNumberUtil phones = PhoneNumberUtil.getInstance();
    private static final java.util.regex.Pattern US_PHONE = java.util.regex.Pattern.compile(
            "(?:1[\\s.-]?)?(?:\\(\\d{3}\\)\\s?|\\d{3}[\\s.-])\\d{3}[.-]\\d{4}(?:\\s*(?:x|ext\\.?)\\s*\\d{1,6})?");
    private final CreditCardValidator cards = new CreditCardValidator(CreditCardValidator.AMEX + CreditCardValidator.VISA
            + CreditCardValidator.MASTERCARD + CreditCardValidator.DISCOVER + CreditCardValidator.DINERS);

    public MaskedText mask(String text) {
        Map<PiiKind, Integer> counts = new EnumMap<>(PiiKind.class);
        String masked = replace(text, EMAIL, PiiKind.EMAIL, counts,
                m -> EmailValidator.getInstance().isValid(m) ? "[EMAIL]" : null);
        masked = replace(masked, IBAN, PiiKind.IBAN, counts, PiiMasker::iban);
        masked = replace(masked, CARD, PiiKind.CARD, counts,
                m -> cards.isValid(digits(m)) ? "[CARD \u2022\u2022\u2022\u2022" + lastFour(m) + "]" : null);
        masked = replace(masked, SSN, PiiKind.SSN, counts, m -> "[SSN]");
        masked = replace(masked, ACCOUNT, PiiKind.ACCOUNT, counts, m -> "[ACCOUNT \u2022\u2022\u2022\u2022" + lastFour(m) + "]");
        masked = phones(masked, counts);
        return new MaskedText(masked, new PiiCounts(counts));
    }

    /** Masks every block's text, pages side by side (the parallel common pool); pages, block kinds and notes are kept. */
    public MaskedDocument mask(ExtractedDocument document) {
        List<Page> source = document.pages();
        Page[] pages = new Page[source.size()];
        PiiCounts[] counts = new PiiCounts[source.size()];
        java.util.stream.IntStream.range(0, source.size()).parallel().forEach(i -> {
            Page page = source.get(i);
            PiiCounts[] total = {PiiCounts.NONE};
            List<Block> blocks = new ArrayList<>(page.blocks().size());
            for (Block block : page.blocks()) {
                blocks.add(block.withText(text -> {
                    MaskedText masked = mask(text);
                    total[0] = total[0].plus(masked.counts());
                    return masked.text();
                }));
            }
            pages[i] = new Page(page.number(), blocks);
            counts[i] = total[0];
        });
        PiiCounts total = PiiCounts.NONE;
        for (PiiCounts c : counts) {
            total = total.plus(c);
        }
        return new MaskedDocument(new ExtractedDocument(document.type(), List.of(pages), document.notes()), total);
    }

    private String phones(String text, Map<PiiKind, Integer> counts) {
        StringBuilder out = new StringBuilder();
        int last = 0;
        for (PhoneNumberMatch match : phones.findNumbers(text, "US", Leniency.VALID, Long.MAX_VALUE)) {
            if (!writtenAsPhone(match.rawString())) {
                continue;
            }
            out.append(text, last, match.start()).append("[PHONE]");
            last = match.end();
            counts.merge(PiiKind.PHONE, 1, Integer::sum);
        }
        return last == 0 ? text : out.append(text, last, text.length()).toString();
    }

    /**
     * Whether a number libphonenumber accepts is written the way people write telephone numbers: an
     * international "+" prefix, or the US groups 3-3-4 with a parenthesis, dash or dot between them.
     * A run of table figures ("Net income 310 304 2.0%") can pass as a valid US number; it is not
     * written like one, and masking it would erase the figures answers need.
     */
    static boolean writtenAsPhone(String raw) {
        return raw.startsWith("+") || US_PHONE.matcher(raw.strip()).matches();
    }

    /** An IBAN candidate may have swallowed a following all-caps word: drop trailing groups until it checks. */
    private static String iban(String candidate) {
        String[] groups = candidate.split(" ");
        for (int n = groups.length; n >= 1; n--) {
            String compact = String.join("", java.util.Arrays.copyOf(groups, n));
            if (IBANValidator.getInstance().isValid(compact)) {
                String rest = candidate.substring(String.join(" ", java.util.Arrays.copyOf(groups, n)).length());
                return "[IBAN]" + rest;
            }
        }
        return null;
    }

    private static String replace(String text, Pattern pattern, PiiKind kind, Map<PiiKind, Integer> counts, Function<String, String> mask) {
        Matcher matcher = pattern.matcher(text);
        StringBuilder out = new StringBuilder();
        while (matcher.find()) {
            String replacement = mask.apply(matcher.group());
            if (replacement != null) {
                counts.merge(kind, 1, Integer::sum);
            }
            matcher.appendReplacement(out, Matcher.quoteReplacement(replacement == null ? matcher.group() : replacement));
        }
        matcher.appendTail(out);
        return out.toString();
    }

    private static String digits(String text) {
        return text.replaceAll("\\D", "");
    }

    private static String lastFour(String text) {
        String digits = digits(text);
        return digits.substring(digits.length() - 4);
    }
}
