package io.fincopilot.privacy.control;

import io.fincopilot.billing.control.InvoiceLedger;
import io.fincopilot.billing.control.InvoicePdf;
import io.fincopilot.billing.entity.Invoice;
import io.fincopilot.documents.control.DocumentObjects;
import io.fincopilot.tenancy.entity.TenantId;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObjectBuilder;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.IntConsumer;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import javax.sql.DataSource;

/**
 * Writes an organization's archive (decision 73): every table row the organization has, as JSON
 * lines with explicit columns (never a key's hash or a password: none are stored, and the columns
 * are named), every version's original from S3, its invoices as CSV and PDF, and a README that
 * says what each file is. Rows are read through JDBC, one table at a time.
 */
@ApplicationScoped
public class ExportArchive {

    /** The tables, each with the columns an export holds, filtered by the organization. */
    static final List<String[]> TABLES = List.of(
            new String[] {"organization.jsonl", "select id, slug, name, plan, status, created_at, status_changed_at, answer_provider "
                    + "from organizations where id = ?"},
            new String[] {"people.jsonl", "select id, subject, username, email, role, status, first_seen_at, last_seen_at "
                    + "from people where tenant_id = ? order by first_seen_at"},
            new String[] {"api-keys.jsonl", "select id, prefix, name, scopes, ip_allow_list, rate_limit_per_minute, created_at, "
                    + "created_by, expires_at, last_used_at, revoked_at, revoked_by from api_keys where tenant_id = ? order by created_at"},
            new String[] {"documents.jsonl", "select * from documents where tenant_id = ? order by created_at"},
            new String[] {"document-versions.jsonl", "select id, document_id, version, status, media_type, size_bytes, sha256, "
                    + "file_name, pages_total, notes, failure_code, failure_reason, created_at, finished_at "
                    + "from document_versions where tenant_id = ? order by document_id, version"},
            new String[] {"chunks.jsonl", "select document_id, version, seq, page, page_kind, heading, table_header, text, tokens, "
                    + "model from chunks where tenant_id = ? order by document_id, version, seq"},
            new String[] {"questions.jsonl", "select asked_by, question, provider, abstained, fallback, asked_at from questions "
                    + "where tenant_id = ? order by asked_at"},
            new String[] {"usage-events.jsonl", "select kind, quantity, document_id, version, provider, model, occurred_at, "
                    + "billing_month from usage_events where tenant_id = ? order by occurred_at"},
            new String[] {"plan-history.jsonl", "select valid_from, plan from plan_assignments where tenant_id = ? order by valid_from"},
            new String[] {"audit-trail.jsonl", "select sequence, occurred_at, actor, actor_type, action, target, source_ip, outcome, "
                    + "details, prev_hash, hash, key_id from audit_events where tenant_id = ? order by sequence"},
            new String[] {"privacy-exports.jsonl", "select id, requested_by, status, requested_at, ready_at, expires_at "
                    + "from privacy_exports where tenant_id = ? order by requested_at"});

    private static final String README = """
            FinCopilot export of an organization's data.

            organization.jsonl       the organization
            people.jsonl             its people (as FinCopilot keeps them; passwords are in Keycloak, never here)
            api-keys.jsonl           its API keys (no secrets: only their hash is kept, and it is not exported)
            documents.jsonl          its documents; document-versions.jsonl every version
            originals/               every version's original bytes, as uploaded: <document>/<version>-<file name>
            chunks.jsonl             the documents as indexed for questions (page, section, text; PII masked)
            questions.jsonl          the questions asked (never the answers, which are not kept)
            usage-events.jsonl       what was used, when, and the month it was billed in; plan-history.jsonl its plans
            invoices/                every invoice and credit note as CSV and PDF
            audit-trail.jsonl        the audit trail, with each event's hash chain link
            privacy-exports.jsonl    the exports asked for

            Each .jsonl file holds one JSON object per line; times are UTC.
            """;

    @Resource(lookup = "jdbc/fincopilot")
    DataSource dataSource;

    @Inject
    DocumentObjects objects;

    @Inject
    InvoiceLedger invoices;

    /** The number of items {@link #write} reports progress over: the tables, the originals and the invoices. */
    public int items(TenantId tenant) {
        try (Connection db = dataSource.getConnection(); PreparedStatement count = db.prepareStatement(
                "select (select count(*) from document_versions where tenant_id = ? and object_version is not null) "
                        + "+ (select count(*) from invoices where tenant_id = ?)")) {
            count.setObject(1, tenant.value());
            count.setObject(2, tenant.value());
            try (ResultSet r = count.executeQuery()) {
                r.next();
                return TABLES.size() + r.getInt(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("the export could not count its items", e);
        }
    }

    /** Writes the archive as a zip to {@code out}, telling {@code progress} after each item. */
    public void write(TenantId tenant, String organizationName, OutputStream out, IntConsumer progress) throws IOException {
        int done = 0;
        try (ZipOutputStream zip = new ZipOutputStream(out, StandardCharsets.UTF_8)) {
            text(zip, "README.txt", README);
            try (Connection db = dataSource.getConnection()) {
                for (String[] table : TABLES) {
                    zip.putNextEntry(new ZipEntry(table[0]));
                    rows(db, table[1], tenant.value(), zip);
                    zip.closeEntry();
                    progress.accept(++done);
                }
                for (String[] version : versions(db, tenant.value())) {
                    zip.putNextEntry(new ZipEntry("originals/" + version[0] + "/" + version[1] + "-" + safe(version[2])));
                    try (InputStream original = objects.open(version[3], version[4])) {
                        original.transferTo(zip);
                    }
                    zip.closeEntry();
                    progress.accept(++done);
                }
            } catch (SQLException e) {
                throw new IllegalStateException("the export could not read the organization's rows", e);
            }
            for (Invoice invoice : invoices.ofTenant(tenant, 100_000)) {
                text(zip, "invoices/" + invoice.number() + ".csv", invoice.csv(organizationName));
                zip.putNextEntry(new ZipEntry("invoices/" + invoice.number() + ".pdf"));
                zip.write(InvoicePdf.render(invoice, organizationName));
                zip.closeEntry();
                progress.accept(++done);
            }
        }
    }

    private static List<String[]> versions(Connection db, UUID tenant) throws SQLException {
        List<String[]> versions = new ArrayList<>();
        try (PreparedStatement select = db.prepareStatement("select v.document_id, v.version, coalesce(v.file_name, d.file_name), "
                + "v.object_key, v.object_version from document_versions v join documents d on d.tenant_id = v.tenant_id "
                + "and d.id = v.document_id where v.tenant_id = ? and v.object_version is not null order by v.document_id, v.version")) {
            select.setObject(1, tenant);
            try (ResultSet r = select.executeQuery()) {
                while (r.next()) {
                    versions.add(new String[] {r.getString(1), r.getString(2), r.getString(3), r.getString(4), r.getString(5)});
                }
            }
        }
        return versions;
    }

    /** The rows as JSON lines, each column by its name; values as JSON strings, numbers and booleans. */
    private static void rows(Connection db, String sql, UUID tenant, OutputStream out) throws SQLException, IOException {
        try (PreparedStatement select = db.prepareStatement(sql)) {
            select.setObject(1, tenant);
            select.setFetchSize(500);
            try (ResultSet r = select.executeQuery()) {
                ResultSetMetaData columns = r.getMetaData();
                while (r.next()) {
                    JsonObjectBuilder row = Json.createObjectBuilder();
                    for (int c = 1; c <= columns.getColumnCount(); c++) {
                        String name = columns.getColumnLabel(c);
                        Object value = r.getObject(c);
                        if (value == null) {
                            row.addNull(name);
                        } else if (value instanceof Boolean b) {
                            row.add(name, b);
                        } else if (value instanceof Integer || value instanceof Long) {
                            row.add(name, ((Number) value).longValue());
                        } else if (value instanceof Timestamp t) {
                            row.add(name, t.toInstant().toString());
                        } else {
                            row.add(name, value.toString());
                        }
                    }
                    out.write((row.build().toString() + "\n").getBytes(StandardCharsets.UTF_8));
                }
            }
        }
    }

    private static void text(ZipOutputStream zip, String name, String text) throws IOException {
        zip.putNextEntry(new ZipEntry(name));
        zip.write(text.getBytes(StandardCharsets.UTF_8));
        zip.closeEntry();
    }

    /** A file name as a zip entry's last part: no path separators, no parent references. */
    static String safe(String fileName) {
        String name = fileName == null ? "original" : fileName.replaceAll("[/\\\\\\x00-\\x1f]", "_");
        return name.equals("..") || name.equals(".") || name.isBlank() ? "original" : name;
    }
}
