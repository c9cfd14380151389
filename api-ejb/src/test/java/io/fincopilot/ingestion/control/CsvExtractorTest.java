package io.fincopilot.ingestion.control;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.fincopilot.ingestion.entity.ExtractedDocument;
import io.fincopilot.ingestion.entity.IngestionFailure;
import io.fincopilot.ingestion.entity.IngestionFailure.Code;
import io.fincopilot.ingestion.entity.TableRow;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.Test;

class CsvExtractorTest {

    private ExtractedDocument extract(String csv) throws IOException {
        return new CsvExtractor().extract(new ByteArrayInputStream(csv.getBytes(UTF_8)), ExtractionLimits.pages(10));
    }

    @Test
    void eachRowIsATableRowWithItsHeader() throws IOException {
        ExtractedDocument document = extract("segment,fiscal year,revenue\nFreight,2025,\"1,204.6\"\n\nWarehousing,2025,\n");
        assertEquals(1, document.pageCount());
        assertEquals(List.of(
                new TableRow("segment | fiscal year | revenue", "segment: Freight; fiscal year: 2025; revenue: 1,204.6"),
                new TableRow("segment | fiscal year | revenue", "segment: Warehousing; fiscal year: 2025")),
                document.pages().get(0).blocks());
    }

    @Test
    void aRaggedRowIsRefusedWithItsLineNumber() {
        IngestionFailure failure = assertThrows(IngestionFailure.class, () -> extract("a,b,c\n1,2,3\n4,5,6\n7,8,9,10\n"));
        assertEquals(Code.RAGGED_CSV, failure.code());
        assertEquals("line 4 has 4 fields but the header has 3; fix the row or quote the field that holds a comma", failure.reason());
    }

    @Test
    void aHeaderAloneHasNoText() {
        assertEquals(Code.NO_TEXT, assertThrows(IngestionFailure.class, () -> extract("a,b,c\n")).code());
    }
}
