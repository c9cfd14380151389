package io.fincopilot.evaluation;

import jakarta.json.Json;
import jakarta.json.stream.JsonGenerator;
import java.io.StringWriter;
import java.util.Map;

/** {@code questions.json}: the seed, the documents (file, company, form, period) and the questions with answers and evidence. */
final class QuestionsJson {

    private QuestionsJson() {
    }

    static String write(EvaluationCorpus corpus) {
        StringWriter text = new StringWriter();
        try (JsonGenerator json = Json.createGeneratorFactory(Map.of(JsonGenerator.PRETTY_PRINTING, true)).createGenerator(text)) {
            json.writeStartObject().write("seed", corpus.seed());
            json.writeStartArray("documents");
            for (EvaluationCorpus.Document d : corpus.documents()) {
                json.writeStartObject().write("key", d.key()).write("fileName", d.fileName()).write("company", d.company()).write("ticker", d.ticker())
                        .write("form", d.form()).write("fiscalYear", d.fiscalYear());
                if (d.fiscalQuarter() != null) {
                    json.write("fiscalQuarter", d.fiscalQuarter());
                }
                json.write("periodEnd", d.periodEnd().toString()).write("pages", d.pageCount()).writeEnd();
            }
            json.writeEnd();
            json.writeStartArray("questions");
            for (Question q : corpus.questions()) {
                json.writeStartObject().write("id", q.id()).write("text", q.text()).write("kind", q.kind().name());
                optional(json, "company", q.company());
                optional(json, "target", q.target());
                expected(json, q.expected());
                json.writeStartArray("evidence");
                for (Question.EvidencePage page : q.evidence()) {
                    json.writeStartObject().write("document", page.document()).write("page", page.page()).writeEnd();
                }
                json.writeEnd().writeEnd();
            }
            json.writeEnd().writeEnd();
        }
        return text + "\n";
    }

    private static void expected(JsonGenerator json, Expected e) {
        json.writeStartObject("expected").write("outcome", e.outcome().name());
        optional(json, "figure", e.figure());
        if (e.value() != null) {
            json.write("value", e.value());
        }
        optional(json, "unit", e.unit());
        optional(json, "printed", e.printed());
        if (!e.parts().isEmpty()) {
            json.writeStartArray("parts");
            e.parts().forEach(json::write);
            json.writeEnd();
        }
        if (e.yes() != null) {
            json.write("answer", e.yes() ? "yes" : "no");
        }
        if (!e.values().isEmpty()) {
            json.writeStartArray("values");
            e.values().forEach(json::write);
            json.writeEnd();
        }
        optional(json, "fragment", e.fragment());
        optional(json, "explanation", e.explanation());
        json.writeEnd();
    }

    private static void optional(JsonGenerator json, String name, String value) {
        if (value != null) {
            json.write(name, value);
        }
    }
}
