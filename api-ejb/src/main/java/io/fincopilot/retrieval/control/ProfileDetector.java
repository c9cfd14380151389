package io.fincopilot.retrieval.control;

import io.fincopilot.ingestion.entity.Page;
import io.fincopilot.retrieval.control.FiscalPeriods.FiscalPeriod;
import io.fincopilot.retrieval.entity.DocumentProfile;
import io.fincopilot.retrieval.entity.FilingForm;
import java.time.LocalDate;
import java.util.List;

/**
 * Tells what a document is from its first pages and its file name and title: whose filing, which
 * form, which fiscal period. The file name wins where it speaks (datasets and careful uploaders name
 * files {@code 3M_2018_10K.pdf}); then the SEC cover page; then a glossy report's first page. A
 * signal that is missing leaves its field null: no guessing from the body of the text.
 */
public final class ProfileDetector {

    /** Covers, contents and the first statement fit in five pages; later pages only add noise. */
    public static final int FIRST_PAGES = 5;

    public DocumentProfile detect(List<Page> pages, String fileName, String title) {
        String text = FilingText.of(pages, FIRST_PAGES);
        FileNameSignals file = merge(FileNameSignals.parse(fileName), FileNameSignals.parse(title));
        SecCover cover = SecCover.read(text);
        GlossyCover glossy = cover.form() == null ? GlossyCover.read(pages, text) : new GlossyCover(false, null, null, null);
        FilingForm form = file.form() != null ? file.form() : cover.form() != null ? cover.form() : glossy.annualReport() ? FilingForm.ANNUAL_REPORT
                : FilingForm.OTHER;
        String company = first(cover.company(), glossy.company(), file.company());
        String ticker = first(cover.ticker(), file.ticker());
        LocalDate periodEnd = first(cover.periodEnd(), glossy.periodEnd(), file.date());
        FiscalPeriod fiscal = FiscalPeriods.of(form, periodEnd, file, glossy.year(), text);
        return new DocumentProfile(company, ticker, form, fiscal.year(), fiscal.quarter(), periodEnd);
    }

    /** The file name's signals, each missing one taken from the title. */
    private static FileNameSignals merge(FileNameSignals file, FileNameSignals title) {
        return new FileNameSignals(first(file.company(), title.company()), first(file.year(), title.year()),
                file.year() != null ? file.quarter() : title.quarter(), first(file.form(), title.form()), first(file.date(), title.date()),
                first(file.ticker(), title.ticker()));
    }

    @SafeVarargs
    private static <T> T first(T... candidates) {
        for (T candidate : candidates) {
            if (candidate != null) {
                return candidate;
            }
        }
        return null;
    }
}
