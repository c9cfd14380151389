package io.fincopilot.st;

import static io.fincopilot.st.Api.ok;
import static io.fincopilot.st.Api.refused;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.fincopilot.client.model.AskRequest;
import io.fincopilot.client.model.Export;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import java.util.UUID;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.Test;

/**
 * A privacy export through the public API (issue 10): a tenant admin asks, the archive is built in
 * the background with its progress, holds the organization's documents (every version's original,
 * byte for byte), its rows (no key secret), its questions, usage and audit trail and nothing of
 * another organization's, is downloadable until it expires (then 410), and every step is audited.
 */
class PrivacyIT {

    private static final Stack STACK = Stack.get();

    @Test
    void aTenantAdminExportsEverythingTheOrganizationHasAndNothingElse() throws Exception {
        Tenants.Tenant tenant = Tenants.create("export");
        Tenants.Tenant other = Tenants.create("exportother");
        String keyName = "export-key-" + UUID.randomUUID();
        String secret = Tenants.keyWith(tenant.adminToken(), Tenants.newKey("ask", "documents:read", "documents:write").name(keyName));
        Api api = Api.as(secret);
        byte[] first = IngestionIT.longText(2, "export first");
        byte[] second = IngestionIT.longText(1, "export second");
        UUID document = IngestionIT.upload(api, "export.txt", first);
        IngestionIT.waitFor(api, document, IngestionIT::finished);
        ok(() -> api.documents().uploadDocumentVersion(document, DocumentsIT.file("export-2.txt", second), null, null, null, null));
        IngestionIT.waitFor(api, document, d -> d.getLatestVersion() == 2 && IngestionIT.finished(d));
        ok(() -> api.ask().ask(new AskRequest().question("Which terminal shipped the most containers?"), null));
        Api theirs = Api.as(Tenants.key(other.adminToken(), "documents:write"));
        UUID theirDocument = IngestionIT.upload(theirs, "theirs.txt", "Another organization's secret plan.".getBytes(StandardCharsets.UTF_8));

        Api admin = tenant.asAdmin();
        Export export = ok(() -> admin.privacy().requestExport());
        assertEquals(Export.StatusEnum.QUEUED, export.getStatus());
        refused(409, () -> admin.privacy().requestExport());
        refused(409, () -> admin.privacy().downloadExport(export.getId()));
        refused(404, () -> other.asAdmin().privacy().getExport(export.getId()));
        refused(404, () -> other.asAdmin().privacy().downloadExport(export.getId()));
        refused(403, () -> api.privacy().listExports());

        Instant until = Instant.now().plus(Duration.ofSeconds(120));
        Export ready = ok(() -> admin.privacy().getExport(export.getId()));
        while (ready.getStatus() != Export.StatusEnum.READY) {
            if (ready.getStatus() == Export.StatusEnum.FAILED || Instant.now().isAfter(until)) {
                fail("the export did not become ready: " + ready);
            }
            IngestionIT.sleep(500);
            ready = ok(() -> admin.privacy().getExport(export.getId()));
        }
        assertEquals(ready.getItemsTotal(), ready.getItemsDone());

        byte[] zip = Files.readAllBytes(ok(() -> admin.privacy().downloadExport(export.getId())).toPath());
        assertEquals(ready.getSha256(), HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(zip)));
        Map<String, byte[]> entries = new HashMap<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                entries.put(e.getName(), in.readAllBytes());
            }
        }
        assertArrayEquals(first, entries.get("originals/" + document + "/1-export.txt"), "version 1's original, byte for byte");
        assertArrayEquals(second, entries.get("originals/" + document + "/2-export-2.txt"), "version 2's original");
        String all = new String(String.join("\n", entries.values().stream().map(b -> new String(b, StandardCharsets.UTF_8)).toList()));
        assertTrue(text(entries, "api-keys.jsonl").contains(keyName), "the keys are listed");
        assertFalse(all.contains(secret.substring(secret.lastIndexOf('_') + 1)), "no key secret anywhere");
        assertFalse(text(entries, "api-keys.jsonl").contains("secret_hash"), "no key hash");
        assertTrue(text(entries, "questions.jsonl").contains("Which terminal shipped the most containers?"));
        assertTrue(text(entries, "chunks.jsonl").contains("export second operating review"), "the ready version as indexed");
        assertTrue(text(entries, "usage-events.jsonl").contains("QUESTION_ANSWERED"));
        assertTrue(text(entries, "audit-trail.jsonl").contains("privacy.export-requested"));
        assertTrue(text(entries, "people.jsonl").contains(tenant.admin().split("@")[0]));
        assertFalse(all.contains(theirDocument.toString()) || all.contains("Another organization's secret plan"),
                "nothing of another organization");
        assertTrue(ok(() -> admin.audit().listAuditEvents(null, "privacy.export-downloaded", null, null, null, null)).size() == 1);
        assertTrue(ok(() -> admin.audit().listAuditEvents(null, "privacy.export-ready", null, null, null, null)).size() == 1);

        // Its time up, the archive is refused with 410 (the expiry then deletes it).
        try (Connection db = InvoicesIT.database(); PreparedStatement s = db.prepareStatement(
                "update privacy_exports set expires_at = now() - interval '1 minute' where id = ?")) {
            s.setObject(1, export.getId());
            assertEquals(1, s.executeUpdate());
        }
        refused(410, () -> admin.privacy().downloadExport(export.getId()));
        // The sweep (every three seconds on the test stack) then deletes the archive from S3 and says so.
        Instant sweep = Instant.now().plus(Duration.ofSeconds(60));
        while (ok(() -> admin.privacy().getExport(export.getId())).getStatus() != Export.StatusEnum.EXPIRED) {
            if (Instant.now().isAfter(sweep)) {
                fail("the expired archive was not swept within a minute");
            }
            IngestionIT.sleep(500);
        }
        String key = "exports/" + tenant.id() + "/" + export.getId() + ".zip";
        try (software.amazon.awssdk.services.s3.S3Client s3 = ErasureIT.s3()) {
            var left = s3.listObjectVersions(b -> b.bucket(STACK.env("S3_BUCKET")).prefix(key));
            assertTrue(left.versions().isEmpty() && left.deleteMarkers().isEmpty(), "the archive is gone from S3: " + left);
        }
    }

    private static String text(Map<String, byte[]> entries, String name) {
        byte[] bytes = entries.get(name);
        assertTrue(bytes != null, name + " is in the archive: " + entries.keySet());
        return new String(bytes, StandardCharsets.UTF_8);
    }

}
