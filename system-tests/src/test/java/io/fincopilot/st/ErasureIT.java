package io.fincopilot.st;

import static io.fincopilot.st.Api.ok;
import static io.fincopilot.st.Api.refused;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.fincopilot.client.model.AskRequest;
import io.fincopilot.client.model.AuditEvent;
import io.fincopilot.client.model.ChainVerification;
import io.fincopilot.client.model.DocumentView;
import io.fincopilot.client.model.Erasure;
import io.fincopilot.client.model.Export;
import io.fincopilot.client.model.Invoice;
import io.fincopilot.client.model.NewPerson;
import io.fincopilot.client.model.PersonErasureRequest;
import io.fincopilot.client.model.RoleChange;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.net.URI;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.ListObjectVersionsResponse;

/**
 * Erasure through the public APIs (issue 10, decision 76), checked from outside: by the superuser
 * reading every column of every table, by S3's own list of object versions, and by Keycloak's admin
 * API. A person erased leaves no name or e-mail anywhere and the audit chain still verifies; an
 * organization erased while its documents are being ingested leaves nothing but its pseudonymized
 * invoices (within the retention) and the kept report.
 */
class ErasureIT {

    private static final Stack STACK = Stack.get();

    @Test
    void aPersonErasedLeavesNoNameOrEmailAnywhereAndTheChainStillVerifies() throws Exception {
        Tenants.Tenant tenant = Tenants.create("erase");
        Tenants.Tenant other = Tenants.create("eraseother");
        Api admin = tenant.asAdmin();
        String email = "ana." + UUID.randomUUID().toString().substring(0, 8) + "@erase.test";
        var invited = ok(() -> admin.people().invitePerson(Tenants.person("ana", email).role(NewPerson.RoleEnum.ANALYST)));
        UUID ana = invited.getPerson().getId();
        String username = invited.getPerson().getUsername();
        String password = "Pw-" + UUID.randomUUID();
        new KeycloakAdmin(STACK).setPassword(username, password);
        ok(() -> admin.people().changePersonRole(ana, new RoleChange().role(RoleChange.RoleEnum.TENANT_ADMIN)));
        String anaToken = STACK.passwordGrant(username, password, null).getString("access_token");
        Api asAna = Api.as(anaToken);
        String anaKey = Tenants.key(anaToken, "documents:read", "documents:write", "ask");
        UUID document = IngestionIT.upload(asAna, "ana.txt", IngestionIT.longText(1, "ana's notes"));
        IngestionIT.waitFor(asAna, document, IngestionIT::finished);
        ok(() -> asAna.ask().ask(new AskRequest().question("What did the notes say?"), null));
        Export export = ok(() -> asAna.privacy().requestExport());
        waitUntil(() -> ok(() -> admin.privacy().getExport(export.getId())), e -> e.getStatus() == Export.StatusEnum.READY,
                "the export is ready");
        // The trail names Ana by pseudonym, and shows her name while she is a member.
        List<AuditEvent> hers = ok(() -> admin.audit().listAuditEvents(username, "key.created", null, null, null, null));
        assertEquals(1, hers.size(), "filtered by her username, her key's creation");
        assertEquals("p:" + ana, hers.get(0).getActor());
        assertEquals(username, hers.get(0).getActorName());
        assertTrue(occurrences(username) > 0 && occurrences(email) > 0, "her name and e-mail are in the database");

        refused(404, () -> other.asAdmin().privacy().erasePerson(new PersonErasureRequest().person(ana)));
        refused(403, () -> Api.as(anaKey).privacy().erasePerson(new PersonErasureRequest().person(ana)));
        UUID adminId = ok(() -> admin.people().listPeople()).stream().filter(p -> p.getUsername().equals(tenant.admin()))
                .findFirst().orElseThrow().getId();
        refused(409, () -> admin.privacy().erasePerson(new PersonErasureRequest().person(adminId)));

        Erasure erasure = ok(() -> admin.privacy().erasePerson(new PersonErasureRequest().person(ana)));
        assertEquals(Erasure.StatusEnum.DONE, erasure.getStatus());
        assertEquals(ana, erasure.getPerson());
        assertTrue(erasure.getReport().contains("\"keysDeleted\":1"), erasure.getReport());
        assertEquals(sha256(erasure.getReport()), erasure.getReportSha256());

        assertEquals(0, occurrences(username), "her username is nowhere in the database");
        assertEquals(0, occurrences(email), "her e-mail is nowhere in the database");
        assertNull(new KeycloakAdmin(STACK).userId(username), "her Keycloak account is gone");
        assertEquals(401, STACK.get("/api/v1/me", anaToken).statusCode(), "her token, still unexpired, is refused");
        assertEquals(401, STACK.get("/api/v1/me", anaKey).statusCode(), "her key is gone");
        refused(404, () -> admin.privacy().erasePerson(new PersonErasureRequest().person(ana)));
        refused(404, () -> admin.people().getPerson(ana));
        assertEquals(Export.StatusEnum.EXPIRED, ok(() -> admin.privacy().getExport(export.getId())).getStatus(),
                "the archive that held her name is deleted");
        refused(410, () -> admin.privacy().downloadExport(export.getId()));
        DocumentView kept = ok(() -> admin.documents().getDocument(document));
        assertEquals("p:" + ana, kept.getCreatedBy(), "her document stays, made by her pseudonym");

        List<AuditEvent> after = ok(() -> admin.audit().listAuditEvents("p:" + ana, null, null, null, null, 500));
        assertTrue(after.stream().anyMatch(e -> e.getAction().equals("key.created")), "her acts stay, under her pseudonym");
        assertTrue(after.stream().allMatch(e -> e.getActorName() == null), "and no name stands behind it any more");
        ChainVerification chain = ok(() -> admin.audit().verifyAuditChain());
        assertTrue(chain.getValid(), "the chain still verifies: " + chain.getReason());
        assertEquals(1, ok(() -> admin.audit().listAuditEvents(null, "privacy.person-erased", null, null, null, null)).size());
        assertEquals(List.of(erasure.getId()), ok(() -> admin.privacy().listErasures()).stream().map(Erasure::getId).toList());
        assertEquals(List.of(), ok(() -> other.asAdmin().privacy().listErasures()));
        refused(404, () -> other.asAdmin().privacy().getErasure(erasure.getId()));
    }

    @Test
    void aBadErasureRequestIsA400ProblemAndErasesNobody() {
        Tenants.Tenant tenant = Tenants.create("erasebad");
        String admin = tenant.adminToken();
        UUID person = ok(() -> Api.as(admin).people().invitePerson(Tenants.person("carol", "carol@erasebad.test"))).getPerson().getId();
        String valid = "{\"person\":\"" + person + "\"}";
        List<String> bodies = new ArrayList<>(List.of("{\"person\":\"nope\"}", "{\"person\":5}",
                "{\"person\":\"a\\u0000b\"}", "{}", "[]", "{\"person\":\"" + "9".repeat(600_000) + "\"}"));
        for (int length = 1; length < valid.length(); length++) {
            bodies.add(valid.substring(0, length));
        }
        for (String body : bodies) {
            var answer = STACK.postJson("/api/v1/privacy/erasures", admin, body);
            assertTrue(answer.statusCode() == 400 || answer.statusCode() == 413, body.length() + " " + answer.statusCode() + " "
                    + answer.body());
            assertTrue(answer.body().contains("\"status\":" + answer.statusCode()), "a problem document: " + answer.body());
        }
        assertEquals(List.of(), ok(() -> Api.as(admin).privacy().listErasures()), "nobody was erased");
        assertEquals("active", ok(() -> Api.as(admin).people().getPerson(person)).getStatus());
        refused(404, () -> Api.as(admin).privacy().getErasure(UUID.randomUUID()));
    }

    @Test
    void aUsernameGivenAgainAfterARemovalKeepsTheNewMembersRowsWhenTheOldOneIsErased() throws Exception {
        Tenants.Tenant tenant = Tenants.create("erasereuse");
        Api admin = tenant.asAdmin();
        KeycloakAdmin keycloak = new KeycloakAdmin(STACK);
        String one = "bob.one." + tenant.slug() + "@erasereuse.test";
        String two = "bob.two." + tenant.slug() + "@erasereuse.test";
        var first = ok(() -> admin.people().invitePerson(Tenants.person("bob", one)
                .role(NewPerson.RoleEnum.ANALYST))).getPerson();
        String password = "Pw-" + UUID.randomUUID();
        keycloak.setPassword(first.getUsername(), password);
        Api asFirst = Api.as(STACK.passwordGrant(first.getUsername(), password, null).getString("access_token"));
        UUID firstDocument = IngestionIT.upload(asFirst, "first.txt", IngestionIT.longText(1, "first bo"));
        ok(() -> admin.people().removePerson(first.getId()));
        IngestionIT.sleep(5); // the next membership begins strictly later
        var second = ok(() -> admin.people().invitePerson(Tenants.person("bob", two)
                .role(NewPerson.RoleEnum.ANALYST))).getPerson();
        assertEquals(first.getUsername(), second.getUsername(), "the same username, given again");
        keycloak.setPassword(second.getUsername(), password);
        Api asSecond = Api.as(STACK.passwordGrant(second.getUsername(), password, null).getString("access_token"));
        UUID secondDocument = IngestionIT.upload(asSecond, "second.txt", IngestionIT.longText(1, "second bo"));

        ok(() -> admin.privacy().erasePerson(new PersonErasureRequest().person(first.getId())));
        assertEquals("p:" + first.getId(), ok(() -> admin.documents().getDocument(firstDocument)).getCreatedBy());
        assertEquals(second.getUsername(), ok(() -> admin.documents().getDocument(secondDocument)).getCreatedBy(),
                "the new member's document is theirs still");
        assertEquals(0, occurrences(one));
        assertEquals(1, occurrences(two), "the new member's e-mail stays");
        ok(() -> asSecond.me().getMe());
    }

    @Test
    void anOrganizationErasedWhileIngestingLeavesNothingButItsInvoicesAndItsReport() throws Exception {
        Tenants.Tenant tenant = Tenants.create("erasetenant");
        Api admin = tenant.asAdmin();
        Api platform = Tenants.platformAdmin();
        String secret = Tenants.key(tenant.adminToken(), "documents:read", "documents:write", "ask");
        Api key = Api.as(secret);
        UUID small = IngestionIT.upload(key, "small.txt", IngestionIT.longText(1, "erased small"));
        IngestionIT.waitFor(key, small, IngestionIT::finished);
        ok(() -> key.ask().ask(new AskRequest().question("What does the small text say?"), null));
        Export export = ok(() -> admin.privacy().requestExport());
        waitUntil(() -> ok(() -> admin.privacy().getExport(export.getId())), e -> e.getStatus() == Export.StatusEnum.READY,
                "the export is ready");
        Invoice old = InvoicesIT.closedMonth(tenant); // fourteen months ago: past the test stack's one-year retention
        UUID recent = recentInvoiceWithAReason(tenant.id(), "credited at the request of Ana Example");
        ok(() -> platform.staffAudit().writeAuditDigest()); // the digest now records the organization's chain
        UUID big = IngestionIT.upload(key, "big.txt", IngestionIT.longText(80, "erased while ingesting"));

        refused(409, () -> platform.organizations().eraseOrganization(tenant.id()));
        ok(() -> platform.organizations().closeOrganization(tenant.id()));
        refused(403, () -> admin.organizations().eraseOrganization(tenant.id()));
        String ingesting = versionStatus(big);
        Erasure started = ok(() -> platform.organizations().eraseOrganization(tenant.id()));
        assertEquals(Erasure.StatusEnum.RUNNING, started.getStatus());
        refused(409, () -> platform.organizations().eraseOrganization(tenant.id()));
        assertNotEquals("READY", ingesting, "the big document was still being ingested when the erasure started");
        Erasure done = waitUntil(() -> ok(() -> platform.erasures().getErasureAcrossTenants(started.getId())),
                e -> e.getStatus() != Erasure.StatusEnum.RUNNING, "the erasure finishes");
        assertEquals(Erasure.StatusEnum.DONE, done.getStatus(), done.getFailure() + " " + done.getReport());
        JsonObject report = json(done.getReport());
        assertTrue(report.getBoolean("clean"), done.getReport());
        assertEquals(sha256(done.getReport()), done.getReportSha256());
        assertTrue(report.getJsonObject("erased").getJsonObject("rows").getInt("documents") == 2, done.getReport());

        // Checked from outside: the database, S3 and Keycloak.
        try (Connection db = InvoicesIT.database()) {
            List<String> tables = tablesWithATenant(db);
            assertTrue(tables.containsAll(List.of("chunks", "documents", "document_versions", "audit_events", "people",
                    "api_keys", "usage_events", "usage_months", "questions", "privacy_exports", "plan_assignments")), tables.toString());
            for (String table : tables) {
                long expected = table.equals("invoices") ? 1 : table.equals("erasures") ? 1 : 0;
                assertEquals(expected, count(db, "select count(*) from " + table + " where tenant_id = ?", tenant.id()), table);
            }
            assertEquals(0, count(db, "select count(*) from organizations where id = ?", tenant.id()));
            assertEquals(0, count(db, "select count(*) from scheduled_tasks where task_instance like ? || '/%'",
                    tenant.id().toString()));
            assertEquals(0, count(db, "select count(*) from invoices where id = ?", old.getId()),
                    "the invoice past its retention is gone");
            try (PreparedStatement s = db.prepareStatement("select reason from invoices where id = ?")) {
                s.setObject(1, recent);
                try (ResultSet rs = s.executeQuery()) {
                    assertTrue(rs.next(), "the invoice within its retention is kept");
                    assertEquals("(erased)", rs.getString(1), "pseudonymized");
                }
            }
        }
        try (S3Client s3 = s3()) {
            for (String prefix : List.of("tenants/" + tenant.id() + "/", "exports/" + tenant.id() + "/")) {
                ListObjectVersionsResponse left = s3.listObjectVersions(b -> b.bucket(STACK.env("S3_BUCKET")).prefix(prefix));
                assertEquals(List.of(), left.versions(), prefix);
                assertEquals(List.of(), left.deleteMarkers(), prefix);
            }
        }
        KeycloakAdmin keycloak = new KeycloakAdmin(STACK);
        assertNull(keycloak.userId(tenant.admin()), "the organization's accounts are gone");
        assertFalse(keycloak.groupExists("tenant-" + tenant.slug()), "and its group");
        assertEquals(401, STACK.get("/api/v1/me", secret).statusCode(), "its key is refused");
        refused(404, () -> platform.organizations().getOrganization(tenant.id()));
        refused(409, () -> platform.organizations().eraseOrganization(tenant.id())); // done already

        // The audit trail: the chain went with the organization, as the platform's chain records.
        ChainVerification verdict = ok(() -> platform.staffAudit().verifyAllAuditChains()).stream()
                .filter(v -> v.getTenant().equals(tenant.id())).findFirst().orElseThrow();
        assertTrue(verdict.getValid(), verdict.toString());
        assertTrue(verdict.getReason().contains("erased"), verdict.getReason());
        ok(() -> platform.staffAudit().writeAuditDigest());
        List<ChainVerification> all = ok(() -> platform.staffAudit().verifyAllAuditChains());
        // (other tests tamper with chains of their own on purpose: only the platform's is asserted here)
        assertTrue(all.stream().filter(v -> v.getTenant().equals(new UUID(0, 0))).allMatch(ChainVerification::getValid),
                "the platform's chain, which recorded the erasure, verifies");
        assertTrue(all.stream().noneMatch(v -> v.getTenant().equals(tenant.id())), "the next digest no longer carries it");
        List<String> recorded = ok(() -> platform.staffAudit().listAllAuditEvents(new UUID(0, 0), null, null, null,
                null, null, 500)).stream().filter(e -> ("organization:" + tenant.id()).equals(e.getTarget()))
                .map(e -> e.getAction()).toList();
        assertTrue(recorded.containsAll(List.of("organization.erasure-started", "organization.erased",
                "organization.erasure-verified")), recorded.toString());

        // Verified again on demand: a new report, kept, its digest on the platform's chain.
        Erasure again = ok(() -> platform.erasures().verifyErasure(done.getId()));
        assertEquals(Erasure.StatusEnum.DONE, again.getStatus());
        assertTrue(json(again.getReport()).getBoolean("clean"), again.getReport());
        assertNotEquals(done.getReportSha256(), again.getReportSha256(), "a new report, checked at another time");
        // Its admin's token, not yet expired, names an organization that is no more.
        assertEquals("unknown-tenant", Api.type(refused(401, () -> admin.me().getMe())));
    }

    /** How many values in any text column of any table contain the given text (the superuser looks). */
    private static long occurrences(String text) throws SQLException {
        long found = 0;
        try (Connection db = InvoicesIT.database(); Statement columns = db.createStatement();
                ResultSet rs = columns.executeQuery("select c.table_name, c.column_name from information_schema.columns c "
                        + "join pg_class k on k.relname = c.table_name and k.relnamespace = 'public'::regnamespace "
                        + "where c.table_schema = 'public' and k.relkind in ('r', 'p') and not k.relispartition "
                        + "and c.data_type in ('text', 'character varying', 'character')")) {
            while (rs.next()) {
                found += count(db, "select count(*) from \"" + rs.getString(1) + "\" where \"" + rs.getString(2)
                        + "\" ilike '%' || ? || '%'", text);
            }
        }
        return found;
    }

    private static List<String> tablesWithATenant(Connection db) throws SQLException {
        List<String> tables = new ArrayList<>();
        try (Statement s = db.createStatement(); ResultSet rs = s.executeQuery("select c.table_name from "
                + "information_schema.columns c join pg_class k on k.relname = c.table_name "
                + "and k.relnamespace = 'public'::regnamespace where c.table_schema = 'public' and c.column_name = 'tenant_id' "
                + "and not k.relispartition and k.relkind in ('r', 'p')")) {
            while (rs.next()) {
                tables.add(rs.getString(1));
            }
        }
        return tables;
    }

    private static long count(Connection db, String sql, Object value) throws SQLException {
        try (PreparedStatement s = db.prepareStatement(sql)) {
            s.setObject(1, value);
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    /** An invoice of last month with a free-text reason (as a credit note carries), written by the superuser. */
    private static UUID recentInvoiceWithAReason(UUID tenant, String reason) throws SQLException {
        UUID id = UUID.randomUUID();
        LocalDate lastMonth = LocalDate.now(ZoneOffset.UTC).withDayOfMonth(1).minusMonths(1);
        try (Connection db = InvoicesIT.database(); PreparedStatement s = db.prepareStatement("insert into invoices (id, "
                + "tenant_id, period, kind, number, currency, subtotal, tax_rate, tax, total, reason, issued_at, csv_sha256) "
                + "values (?, ?, ?, 'INVOICE', ?, 'EUR', 0, 0, 0, 0, ?, now(), ?)")) {
            s.setObject(1, id);
            s.setObject(2, tenant);
            s.setObject(3, lastMonth);
            s.setString(4, "FC-TEST-" + id.toString().substring(0, 12));
            s.setString(5, reason);
            s.setString(6, "0".repeat(64));
            s.executeUpdate();
        }
        return id;
    }

    private static String versionStatus(UUID document) throws SQLException {
        try (Connection db = InvoicesIT.database(); PreparedStatement s = db.prepareStatement(
                "select status from document_versions where document_id = ?")) {
            s.setObject(1, document);
            try (ResultSet rs = s.executeQuery()) {
                return rs.next() ? rs.getString(1) : "none";
            }
        }
    }

    private static String sha256(String text) throws java.security.NoSuchAlgorithmException {
        return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
                .digest(text.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
    }

    static S3Client s3() {
        return S3Client.builder().endpointOverride(URI.create(STACK.env("S3_ENDPOINT"))).region(Region.US_EAST_1)
                .forcePathStyle(true).credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")))
                .build();
    }

    private static JsonObject json(String text) {
        try (var reader = Json.createReader(new StringReader(text))) {
            return reader.readObject();
        }
    }

    private static <T> T waitUntil(java.util.function.Supplier<T> read, Predicate<T> done, String what) {
        Instant until = Instant.now().plus(Duration.ofSeconds(180));
        T value = read.get();
        while (!done.test(value)) {
            if (Instant.now().isAfter(until)) {
                fail(what + " within three minutes: " + value);
            }
            IngestionIT.sleep(500);
            value = read.get();
        }
        return value;
    }
}
