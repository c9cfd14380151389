package io.fincopilot.ingestion.control;

import io.fincopilot.ingestion.entity.Block;
import io.fincopilot.ingestion.entity.DocumentType;
import io.fincopilot.ingestion.entity.ExtractedDocument;
import io.fincopilot.ingestion.entity.IngestionFailure;
import io.fincopilot.ingestion.entity.IngestionFailure.Code;
import io.fincopilot.ingestion.entity.Page;
import io.fincopilot.ingestion.entity.TableRow;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * A CSV file is one table on one logical page: the first record is the header, every other record
 * becomes a row block "header: value; header: value" with the header line kept beside it.
 * A row with another number of fields than the header is refused with its line number rather than
 * guessed at: a shifted column in financial figures gives wrong answers that look right.
 */
public final class CsvExtractor implements Extractor {

    private static final CSVFormat FORMAT = CSVFormat.DEFAULT.builder().setIgnoreSurroundingSpaces(true).setIgnoreEmptyLines(true).get();

    @Override
    public ExtractedDocument extract(InputStream content, ExtractionLimits limits) throws IOException {
        Utf8Text.Decoded decoded = Utf8Text.decode(content);
        List<Block> rows = new ArrayList<>();
        try (CSVParser parser = CSVParser.parse(new StringReader(decoded.text()), FORMAT)) {
            Iterator<CSVRecord> records = parser.iterator();
            if (!records.hasNext()) {
                throw new IngestionFailure(Code.NO_TEXT, "no extractable text: the CSV file has no rows");
            }
            List<String> header = records.next().toList();
            String headerLine = String.join(" | ", header);
            while (true) {
                long line = parser.getCurrentLineNumber() + 1;
                if (!records.hasNext()) {
                    break;
                }
                CSVRecord record = records.next();
                if (record.size() != header.size()) {
                    throw new IngestionFailure(Code.RAGGED_CSV, "line " + line + " has " + record.size() + " fields but the header has "
                            + header.size() + "; fix the row or quote the field that holds a comma");
                }
                rows.add(new TableRow(headerLine, row(header, record)));
            }
        } catch (UncheckedIOException e) {
            throw new IngestionFailure(Code.CORRUPT, "the CSV file could not be parsed: " + e.getCause().getMessage(), e);
        }
        if (rows.stream().allMatch(r -> r.text().isBlank())) {
            throw new IngestionFailure(Code.NO_TEXT, "no extractable text: the CSV file has a header and no values");
        }
        String note = Utf8Text.note(decoded);
        return new ExtractedDocument(DocumentType.CSV, List.of(new Page(1, rows)), note == null ? List.of() : List.of(note));
    }

    private static String row(List<String> header, CSVRecord record) {
        StringBuilder row = new StringBuilder();
        for (int i = 0; i < header.size(); i++) {
            String value = record.get(i);
            if (!value.isEmpty()) {
                row.append(row.isEmpty() ? "" : "; ").append(header.get(i).isEmpty() ? "column " + (i + 1) : header.get(i))
                        .append(": ").append(value);
            }
        }
        return row.toString();
    }
}
