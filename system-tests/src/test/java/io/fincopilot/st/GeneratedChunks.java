package io.fincopilot.st;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Random;
import java.util.UUID;

/**
 * Ready documents made directly in PostgreSQL for retrieval benchmarks and index comparisons:
 * random unit vectors of the current model and text from a financial vocabulary, so that what is
 * measured is the search, not ingestion. The tables are vacuumed and analyzed afterwards, as
 * autovacuum would have done on a live system, and a checkpoint writes the new pages out: otherwise
 * the first minutes of queries share the machine with both and plan without statistics.
 */
public final class GeneratedChunks {

    public static final int CHUNKS_PER_DOCUMENT = 100;
    private static final Stack STACK = Stack.get();
    private static final String[] WORDS = {"revenue", "net", "income", "operating", "cash", "flow", "capital", "expenditures",
        "total", "assets", "liabilities", "equity", "segment", "margin", "gross", "profit", "dividends", "shares", "debt",
        "interest", "tax", "depreciation", "inventory", "receivable", "goodwill", "lease", "risk", "customers", "fiscal"};

    private GeneratedChunks() {
    }

    /** The model the stack's chunks were embedded with (the sample report's). */
    public static String model() throws SQLException {
        try (Connection db = superuser(); ResultSet rs = db.createStatement().executeQuery("select model from chunks limit 1")) {
            if (!rs.next()) {
                throw new IllegalStateException("no chunk to learn the model's name from: start the stack with its sample report first");
            }
            return rs.getString(1);
        }
    }

    /**
     * The database's administrator: the launcher's own cluster's superuser, or, for a stack on an
     * existing server, the administrator named by FINCOPILOT_EXTERNAL_PG_ADMIN_USER and _PASSWORD
     * in the environment (docs/operations.md).
     */
    public static Connection superuser() throws SQLException {
        String password = System.getenv("FINCOPILOT_EXTERNAL_PG_ADMIN_PASSWORD");
        if (password != null && !password.isEmpty()) {
            return DriverManager.getConnection(STACK.env("DATABASE_JDBC_URL"),
                    java.util.Objects.requireNonNullElse(System.getenv("FINCOPILOT_EXTERNAL_PG_ADMIN_USER"), "postgres"), password);
        }
        return DriverManager.getConnection(STACK.env("DATABASE_JDBC_URL"), "postgres", STACK.secret("PG_SUPER_PASSWORD"));
    }

    /** Ready documents of {@value #CHUNKS_PER_DOCUMENT} chunks each, with unit vectors of the current model. */
    public static void generate(UUID tenant, int chunks) throws SQLException {
        String model = model();
        try (Connection db = superuser()) {
            Random random = new Random(chunks);
            try (PreparedStatement document = db.prepareStatement("insert into documents (id, tenant_id, title, file_name, "
                    + "latest_version, ready_version, created_at, created_by, updated_at) values (?, ?, ?, ?, 1, 1, now(), 'bench', now())");
                    PreparedStatement rows = db.prepareStatement("insert into chunks (tenant_id, id, document_id, version, seq, page, "
                            + "text, embedded_text, tokens, model, embedding) select ?, gen_random_uuid(), ?, 1, g, 1 + g / 4, t, t, 60, ?, "
                            + "(select array_agg(x / norm) from (select x, sqrt(sum(x * x) over ()) norm from "
                            + "(select (random() - 0.5)::real x, g from generate_series(1, 384)) r) n) "
                            + "from generate_series(0, ? - 1) g, lateral (select ? || ' ' || g || ' ' || ? t) w")) {
                for (int d = 0; d < chunks / CHUNKS_PER_DOCUMENT; d++) {
                    UUID id = UUID.randomUUID();
                    document.setObject(1, id);
                    document.setObject(2, tenant);
                    document.setString(3, "Generated filing " + d);
                    document.setString(4, "filing-" + d + ".pdf");
                    document.executeUpdate();
                    rows.setObject(1, tenant);
                    rows.setObject(2, id);
                    rows.setString(3, model);
                    rows.setInt(4, CHUNKS_PER_DOCUMENT);
                    rows.setString(5, phrase(random));
                    rows.setString(6, phrase(random));
                    rows.executeUpdate();
                }
            }
        }
        // What a live system has and a bulk insert has not yet: planner statistics, a visibility map, and the
        // inserted pages written out (else the checkpoints that follow write them during the measurement).
        try (Connection db = superuser(); java.sql.Statement vacuum = db.createStatement()) {
            vacuum.execute("vacuum analyze chunks, documents");
            try {
                vacuum.execute("checkpoint");
            } catch (SQLException e) {
                // An administrator of an existing server without pg_checkpoint: the checkpointer writes them later.
            }
        }
    }

    private static String phrase(Random random) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < 40; i++) {
            text.append(WORDS[random.nextInt(WORDS.length)]).append(' ').append(random.nextInt(5000)).append(' ');
        }
        return text.toString();
    }
}
