package io.fincopilot.evaluation;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.fincopilot.retrieval.control.ProfileDetector;
import io.fincopilot.retrieval.entity.DocumentProfile;
import io.fincopilot.retrieval.entity.FilingForm;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The profile detector reads every generated filing right, from its file name and text, and from its text alone. */
class ProfilesOnCorpusTest {

    private final ProfileDetector detector = new ProfileDetector();

    @Test
    void everyFilingsProfileFromItsNameAndPages() {
        check(true);
    }

    @Test
    void everyFilingsProfileFromItsPagesAlone() {
        check(false);
    }

    private void check(boolean named) {
        List<String> wrong = new ArrayList<>();
        for (Filing f : CorpusFixture.corpus().filings()) {
            DocumentProfile expected = new DocumentProfile(f.company().coverName(), f.company().ticker(),
                    f.form() == Filing.Form.TEN_K ? FilingForm.TEN_K : FilingForm.TEN_Q, f.fiscalYear(), f.quarter() == 0 ? null : f.quarter(), f.periodEnd());
            DocumentProfile found = detector.detect(CorpusFixture.extracted(f).pages(), named ? f.fileName() : "upload.pdf", named ? f.key() : "Upload");
            if (!expected.equals(found)) {
                wrong.add(f.key() + ": expected " + expected + " but found " + found);
            }
        }
        assertEquals(List.of(), wrong);
    }
}
