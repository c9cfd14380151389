package io.fincopilot.evaluation;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * An evaluation corpus of fictional SEC filings and questions about them, generated from a seed:
 * six companies, a 10-K and a 10-Q for each of fiscal {@value #FIRST_FILING_YEAR} to
 * {@value #LAST_FILING_YEAR}, and questions of six kinds with their expected answers and every
 * page that supports them. The filings look like EDGAR PDFs (cover, contents, items, statements,
 * notes), so what works here has a chance on real ones; the same seed gives the same bytes.
 * {@link #main} writes the PDFs and {@code questions.json} to a folder.
 */
public final class EvaluationCorpus {

    static final int FIRST_FILING_YEAR = 2021;
    static final int LAST_FILING_YEAR = 2023;

    /** A filing as a client sees it: the file to upload and what it is. */
    public record Document(String key, String fileName, String company, String ticker, String form, int fiscalYear, Integer fiscalQuarter,
            LocalDate periodEnd, int pageCount, byte[] pdf) {
    }

    private final long seed;
    private final List<Filing> filings;
    private final List<Question> questions;
    private final Map<String, Ledger> ledgers;

    private EvaluationCorpus(long seed, List<Filing> filings, List<Question> questions, Map<String, Ledger> ledgers) {
        this.seed = seed;
        this.filings = List.copyOf(filings);
        this.questions = List.copyOf(questions);
        this.ledgers = Map.copyOf(ledgers);
    }

    public static EvaluationCorpus generate(long seed) {
        List<Filing> filings = new ArrayList<>();
        Map<String, Ledger> ledgers = new LinkedHashMap<>();
        for (int ci = 0; ci < Companies.ALL.size(); ci++) {
            Company c = Companies.ALL.get(ci);
            Ledger ledger = new Ledger(c, new Random(seed * 31 + ci));
            ledgers.put(c.key(), ledger);
            for (int fy = FIRST_FILING_YEAR; fy <= LAST_FILING_YEAR; fy++) {
                filings.add(AnnualFiling.write(c, ledger, fy, seed ^ (c.key() + fy + "10K").hashCode()));
                filings.add(QuarterlyFiling.write(c, ledger, fy, 1 + (ci + fy) % 3, seed ^ (c.key() + fy + "10Q").hashCode()));
            }
        }
        QuestionContext context = new QuestionContext(filings, ledgers, new FactIndex(filings), new Phrasing(new Random(seed + 1)));
        return new EvaluationCorpus(seed, filings, QuestionSet.generate(context, new Random(seed + 2)), ledgers);
    }

    public long seed() {
        return seed;
    }

    public List<Document> documents() {
        return filings.stream().map(f -> new Document(f.key(), f.fileName(), f.company().name(), f.company().ticker(),
                f.form() == Filing.Form.TEN_K ? "10-K" : "10-Q", f.fiscalYear(), f.quarter() == 0 ? null : f.quarter(), f.periodEnd(),
                f.pageCount(), f.pdf().clone())).toList();
    }

    public List<Question> questions() {
        return questions;
    }

    List<Filing> filings() {
        return filings;
    }

    /** The books behind a company's filings (tests check the printed figures against them). */
    Ledger ledger(String companyKey) {
        return ledgers.get(companyKey);
    }

    /** The PDFs under their file names and {@code questions.json} (documents and questions). */
    public void write(Path folder) throws IOException {
        Files.createDirectories(folder);
        for (Filing f : filings) {
            Files.write(folder.resolve(f.fileName()), f.pdf());
        }
        Files.writeString(folder.resolve("questions.json"), QuestionsJson.write(this));
    }

    /** Writes the corpus to {@code args[0]}; {@code args[1]} is the seed (default 42). */
    public static void main(String[] args) throws IOException {
        if (args.length < 1) {
            System.err.println("usage: EvaluationCorpus <folder> [seed]");
            System.exit(2);
        }
        EvaluationCorpus corpus = generate(args.length > 1 ? Long.parseLong(args[1]) : 42);
        corpus.write(Path.of(args[0]));
        int pages = corpus.filings.stream().mapToInt(Filing::pageCount).sum();
        System.out.println("wrote " + corpus.filings.size() + " filings (" + pages + " pages) and " + corpus.questions.size() + " questions to " + args[0]);
    }
}
