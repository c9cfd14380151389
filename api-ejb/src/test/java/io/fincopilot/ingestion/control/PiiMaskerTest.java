package io.fincopilot.ingestion.control;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.fincopilot.ingestion.entity.DocumentType;
import io.fincopilot.ingestion.entity.ExtractedDocument;
import io.fincopilot.ingestion.entity.MaskedDocument;
import io.fincopilot.ingestion.entity.MaskedText;
import io.fincopilot.ingestion.entity.Page;
import io.fincopilot.ingestion.entity.Paragraph;
import io.fincopilot.ingestion.entity.PiiKind;
import io.fincopilot.ingestion.entity.TableRow;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PiiMaskerTest {

    private final PiiMasker masker = new PiiMasker();

    @Test
    void eachKindIsMaskedKeepingTheKindAndForCardsAndAccountsTheLastFourDigits() {
        MaskedText masked = masker.mask("Contact jane.doe+ir@northwind-harbor.com or call (212) 736-5000. "
                + "Card 4242 4242 4242 4242 was charged; SSN 123-45-6789 on file. "
                + "Wire to IBAN GB82 WEST 1234 5698 7654 32 or DE89370400440532013000 FOR the fee; "
                + "account no. 000123456789 and Acct #: 9876-5432-10 closed.");
        assertEquals("Contact [EMAIL] or call [PHONE]. "
                + "Card [CARD \u2022\u2022\u2022\u20224242] was charged; SSN [SSN] on file. "
                + "Wire to IBAN [IBAN] or [IBAN] FOR the fee; "
                + "account no. [ACCOUNT \u2022\u2022\u2022\u20226789] and Acct #: [ACCOUNT \u2022\u2022\u2022\u20223210] closed.", masked.text());
        assertEquals(Map.of(PiiKind.EMAIL, 1, PiiKind.PHONE, 1, PiiKind.CARD, 1, PiiKind.SSN, 1, PiiKind.IBAN, 2, PiiKind.ACCOUNT, 2),
                masked.counts().byKind());
    }

    @Test
    void internationalPhoneNumbersAndSsnAfterItsLabel() {
        MaskedText masked = masker.mask("Investor relations: +1 650-253-0000; social security number: 123456789.");
        assertEquals("Investor relations: [PHONE]; social security number: [SSN].", masked.text());
    }

    @Test
    void tableFiguresThatPassAsValidNumbersAreNotPhones() {
        for (String row : new String[] {"Net income 310 304 2.0%", "Operating income 415 555 0132", "Shares 212 736 5000 4,119"}) {
            assertEquals(row, masker.mask(row).text(), "figures, not a telephone number");
        }
        for (String phone : new String[] {"(415) 555-0132", "415-555-0132", "415.555.0132", "1-800-555-0199", "415 555-0132",
                "(212) 736-5000 ext. 12", "+44 20 7946 0958"}) {
            assertEquals("Call [PHONE] now", masker.mask("Call " + phone + " now").text(), phone);
        }
    }

    @Test
    void aNumberThatFailsLuhnIsNotACard() {
        assertEquals("Order 4242 4242 4242 4241 shipped.", masker.mask("Order 4242 4242 4242 4241 shipped.").text());
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "Revenue for fiscal 2025 was $1,204,611 thousand, up 10.8% from $1,087,302 thousand in fiscal 2024.",
        "Net income was $98.4 million, or $2.31 per diluted share, compared with a net loss of $(12,007) in 2018.",
        "Capital expenditures of $212,400,000 were funded from operations during the years 2023 through 2025.",
        "As of December 31, 2025 and 12/31/2024, we had 48,213,556 shares outstanding (see page 41).",
        "Total assets 3,512,448 3,201,997",
        "Fiscal 2025 Fiscal 2024 2023 2022 2021",
        "Our accounts receivable of 1,234,567 and the account for 2018-2019 were reconciled on 2025-03-14.",
        "Segment revenue: Freight 612,004; Warehousing 402,117; Brokerage 190,490 (in thousands).",
        "The term loan of $250.0 million bears interest at SOFR plus 1.75% and matures in 2031.",
        "Item 7. Management's Discussion and Analysis, pages 18-34; Form 10-K, Commission File Number 001-38291.",
        "CUSIP 654106103; EIN 94-3121556; headcount 12,480; 1,204,611,000; 4.242424242424242 ratio.",
    })
    void financialFiguresYearsDatesAndPageNumbersAreLeftAlone(String sentence) {
        MaskedText masked = masker.mask(sentence);
        assertEquals(sentence, masked.text());
        assertEquals(0, masked.counts().total());
    }

    @Test
    void aDocumentIsMaskedBlockByBlockWithTotals() {
        ExtractedDocument document = new ExtractedDocument(DocumentType.CSV, List.of(new Page(1, List.of(
                new TableRow("name | email", "name: Ann; email: ann@example.com"),
                new Paragraph("Call (212) 736-5000 or write to bob@example.com.")))), List.of("note"));
        MaskedDocument masked = masker.mask(document);
        assertEquals(new TableRow("name | email", "name: Ann; email: [EMAIL]"), masked.document().pages().get(0).blocks().get(0));
        assertEquals(2, masked.counts().of(PiiKind.EMAIL));
        assertEquals(1, masked.counts().of(PiiKind.PHONE));
        assertEquals(List.of("note"), masked.document().notes());
    }
}
