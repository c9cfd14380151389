package io.fincopilot.st;

import static io.fincopilot.st.Api.ok;
import static io.fincopilot.st.Api.refused;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fincopilot.client.ApiResponse;
import io.fincopilot.client.api.AuditApi;
import io.fincopilot.client.model.AuditEvent;
import io.fincopilot.client.model.ChainVerification;
import io.fincopilot.client.model.DigestView;
import io.fincopilot.client.model.NewOrganization;
import io.fincopilot.client.model.TenantAuditEvent;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The audit trail: append-only in the database, tamper-evident through each tenant's hash chain,
 * readable, filterable and exportable by the tenant, and every support look-up audited too.
 */
class AuditIT {

    private static final Stack STACK = Stack.get();

    private static Connection database(String user, String passwordSecret) throws SQLException {
        return AuditTampering.connect(user, passwordSecret);
    }

    /** A digest of every chain head, written now by a platform admin; answers its object key. */
    private static String writeDigest() {
        ApiResponse<DigestView> written = ok(() -> Tenants.platformAdmin().staffAudit().writeAuditDigestWithHttpInfo());
        assertEquals(201, written.getStatusCode());
        return written.getData().getKey();
    }

    private static ChainVerification adminVerdict(UUID tenant) {
        List<ChainVerification> all = ok(() -> Tenants.platformAdmin().staffAudit().verifyAllAuditChains());
        return all.stream().filter(v -> v.getTenant().equals(tenant)).findFirst()
                .orElseThrow(() -> new AssertionError("no verdict for " + tenant + " in " + all));
    }

    private static ChainVerification verify(String token) {
        return ok(() -> Api.as(token).audit().verifyAuditChain());
    }

    /** A tenant with a few events: key creations and revocations. */
    private static Tenants.Tenant tenantWithEvents(String label, int keys) {
        Tenants.Tenant tenant = Tenants.create(label);
        String admin = tenant.adminToken();
        for (int i = 0; i < keys; i++) {
            Tenants.key(admin, "ask");
        }
        return tenant;
    }

    /** The audit tables as the runtime role sees them: the parent and every partition there is. */
    private static List<String> auditTables(Statement s) throws SQLException {
        List<String> tables = new ArrayList<>(List.of("audit_events"));
        try (ResultSet r = s.executeQuery("select c.relname from pg_inherits i join pg_class c on c.oid = i.inhrelid "
                + "where i.inhparent = 'audit_events'::regclass order by 1")) {
            while (r.next()) {
                tables.add(r.getString(1));
            }
        }
        assertTrue(tables.size() > 1, "audit_events is partitioned");
        return tables;
    }

    private static boolean privilege(Statement s, String table, String privilege) throws SQLException {
        try (ResultSet r = s.executeQuery("select has_table_privilege(current_user, '" + table + "', '" + privilege + "')")) {
            r.next();
            return r.getBoolean(1);
        }
    }

    @Test
    void theRuntimeRoleCanOnlyAppendAndReadTheTrailAndOwnsNothing() throws SQLException {
        Tenants.Tenant tenant = tenantWithEvents("ro", 1);
        String app = STACK.secret("PG_APP_USER");
        String where = " where tenant_id = '" + tenant.id() + "'";
        try (Connection c = AuditTampering.connect(app, "PG_APP_PASSWORD"); Statement s = c.createStatement()) {
            assertEquals(app, c.getMetaData().getUserName());
            for (String table : auditTables(s)) {
                for (String sql : List.of("update " + table + " set actor = 'x'" + where, "delete from " + table + where,
                        "truncate " + table, "alter table " + table + " add column x int",
                        "alter table " + table + " disable trigger all", "alter table " + table + " disable trigger user",
                        "alter table " + table + " owner to " + app, "create index x on " + table + " (actor)")) {
                    assertThrows(SQLException.class, () -> s.execute(sql), sql);
                }
                try {
                    s.execute("grant all on " + table + " to " + app + ", public");
                } catch (SQLException refusedOutright) {
                    // no privilege at all on a partition: GRANT fails; on the parent it only warns
                }
                for (String privilege : List.of("UPDATE", "DELETE", "TRUNCATE", "TRIGGER", "REFERENCES")) {
                    assertFalse(privilege(s, table, privilege), privilege + " on " + table);
                }
                assertEquals(table.equals("audit_events"), privilege(s, table, "INSERT"), "INSERT on " + table);
                assertEquals(table.equals("audit_events"), privilege(s, table, "SELECT"), "SELECT on " + table);
            }
            // The head may only advance onto an appended event; it cannot be moved back, dropped or re-pointed.
            for (String sql : List.of("update audit_heads set last_sequence = last_sequence - 1" + where,
                    "update audit_heads set last_hash = repeat('a', 64)" + where,
                    "update audit_heads set tenant_id = gen_random_uuid()" + where, "delete from audit_heads" + where,
                    "truncate audit_heads", "insert into audit_heads values (gen_random_uuid(), 7, repeat('a', 64))",
                    "alter table audit_heads disable trigger all", "alter table audit_heads disable trigger user",
                    "alter table audit_heads owner to " + app, "drop trigger audit_heads_advance_only on audit_heads",
                    "set session_replication_role = replica", "create table mine (id int)",
                    "create function mine() returns int language sql as 'select 1'")) {
                assertThrows(SQLException.class, () -> s.execute(sql), sql);
            }
            try {
                s.execute("grant all on audit_heads to " + app + ", public");
            } catch (SQLException refused) {
                // without grant options PostgreSQL warns and grants nothing
            }
            for (String privilege : List.of("UPDATE", "DELETE", "TRUNCATE", "TRIGGER", "REFERENCES")) {
                assertFalse(privilege(s, "audit_heads", privilege), privilege + " on audit_heads");
            }
            try (ResultSet r = s.executeQuery("select (select count(*) from pg_class where relowner = u.oid) "
                    + "+ (select count(*) from pg_proc where proowner = u.oid) "
                    + "+ (select count(*) from pg_namespace where nspowner = u.oid) "
                    + "+ (select count(*) from pg_database where datdba = u.oid) from pg_roles u where u.rolname = current_user")) {
                r.next();
                assertEquals(0, r.getInt(1), "the runtime role owns no table, function, schema or database");
            }
            try (ResultSet r = s.executeQuery("select rolsuper or rolcreaterole or rolcreatedb or rolbypassrls "
                    + "from pg_roles where rolname = current_user")) {
                r.next();
                assertFalse(r.getBoolean(1));
            }
        }
        assertTrue(verify(tenant.adminToken()).getValid());
    }

    @Test
    void anEditMadeAsSuperuserIsFoundAtItsSequence() throws SQLException {
        Tenants.Tenant tenant = tenantWithEvents("edit", 4);
        String admin = tenant.adminToken();
        ChainVerification before = verify(admin);
        assertTrue(before.getValid(), before.toString());
        try (Connection su = database("postgres", "PG_SUPER_PASSWORD"); Statement s = su.createStatement()) {
            s.execute("set session_replication_role = replica"); // the superuser switches the trigger off
            assertEquals(1, s.executeUpdate("update audit_events set actor = 'mallory' where tenant_id = '"
                    + tenant.id() + "' and sequence = 3"));
        }
        ChainVerification after = verify(admin);
        assertFalse(after.getValid());
        assertEquals(3, after.getFirstBrokenSequence(), after.toString());
    }

    @Test
    void aDeletionMadeAsSuperuserIsFoundAtItsSequence() throws SQLException {
        Tenants.Tenant tenant = tenantWithEvents("del", 4);
        String admin = tenant.adminToken();
        try (Connection su = database("postgres", "PG_SUPER_PASSWORD"); Statement s = su.createStatement()) {
            s.execute("set session_replication_role = replica");
            assertEquals(1, s.executeUpdate("delete from audit_events where tenant_id = '" + tenant.id()
                    + "' and sequence = 2"));
        }
        ChainVerification after = verify(admin);
        assertFalse(after.getValid());
        assertEquals(2, after.getFirstBrokenSequence(), after.toString());
        assertEquals(2, adminVerdict(tenant.id()).getFirstBrokenSequence());
    }

    @Test
    void anEditWithEveryFollowingLinkRecomputedWithSha256IsFoundAtItsSequence() throws SQLException {
        Tenants.Tenant tenant = tenantWithEvents("rehash", 4);
        String admin = tenant.adminToken();
        long edited;
        try (AuditTampering db = new AuditTampering(tenant.id().toString())) {
            edited = db.lastSequence() - 2;
            db.setActor(edited, "mallory");
            db.rehashFrom(edited);
        }
        ChainVerification after = verify(admin);
        assertFalse(after.getValid(), after.toString());
        assertEquals(edited, after.getFirstBrokenSequence(), after.toString());
        // Not "changed": the forged SHA-256 links and the head all agree; only the missing key gives them away.
        assertTrue(after.getReason().contains("unkeyed"), after.toString());
    }

    @Test
    void eventsDeletedFromTheEndWithTheHeadMovedBackAreNamedFromTheDigest() throws SQLException {
        Tenants.Tenant tenant = tenantWithEvents("tail", 4);
        String digest = writeDigest();
        long last;
        try (AuditTampering db = new AuditTampering(tenant.id().toString())) {
            last = db.lastSequence();
            db.truncateAfter(last - 2);
        }
        String later = writeDigest(); // a digest written after the deletion does not bless it
        ChainVerification after = verify(tenant.adminToken());
        assertFalse(after.getValid(), after.toString());
        assertEquals(last - 1, after.getFirstBrokenSequence(), after.toString());
        assertEquals(later, after.getDigest());
        assertTrue(after.getReason().contains("recorded the chain at event " + last), after.toString());
        assertTrue(digest.compareTo(later) < 0);
        assertEquals(last - 1, adminVerdict(tenant.id()).getFirstBrokenSequence());
    }

    @Test
    void aTenantsWholeChainDeletedIsNamedFromTheDigest() throws SQLException {
        Tenants.Tenant tenant = tenantWithEvents("gone", 2);
        String admin = tenant.adminToken();
        String digest = writeDigest();
        try (AuditTampering db = new AuditTampering(tenant.id().toString())) {
            db.dropChain();
        }
        ChainVerification after = verify(admin);
        assertFalse(after.getValid(), after.toString());
        assertEquals(1, after.getFirstBrokenSequence(), after.toString());
        assertTrue(after.getReason().contains("whole chain is missing"), after.toString());
        ChainVerification seenByStaff = adminVerdict(tenant.id()); // listed although the database no longer knows the chain
        assertFalse(seenByStaff.getValid());
        assertTrue(seenByStaff.getDigest().compareTo(digest) >= 0);
    }

    @Test
    void onlyPlatformAdminsWriteDigestsAndEachIsAudited() {
        String support = Tenants.unique("support");
        String password = "Pw-" + UUID.randomUUID();
        new KeycloakAdmin(STACK).createStaff(support, "support", password);
        String supportToken = STACK.passwordGrant(support, password, null).getString("access_token");
        refused(403, () -> Api.as(supportToken).staffAudit().writeAuditDigest());
        String key = writeDigest();
        assertTrue(key.matches("audit-digests/\\d{8}T\\d{6}\\.\\d{3}Z\\.json"), key);
        List<TenantAuditEvent> events = ok(() -> Tenants.platformAdmin().staffAudit().listAllAuditEvents(new UUID(0, 0),
                null, "audit.digest-written", null, null, null, null));
        assertTrue(events.stream().anyMatch(e -> key.equals(e.getTarget())), events.toString());
    }

    @Test
    void concurrentAppendsOfTwoTenantsKeepBothChainsValid() throws Exception {
        Tenants.Tenant a = Tenants.create("ca");
        Tenants.Tenant b = Tenants.create("cb");
        String aToken = a.adminToken();
        String bToken = b.adminToken();
        ExecutorService pool = Executors.newFixedThreadPool(12);
        List<Future<Integer>> results = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            for (String token : List.of(aToken, bToken)) {
                results.add(pool.submit(() -> Api.as(token).keys()
                        .createKeyWithHttpInfo(Tenants.newKey("ask").name("burst")).getStatusCode()));
            }
        }
        pool.shutdown();
        assertTrue(pool.awaitTermination(5, TimeUnit.MINUTES));
        for (Future<Integer> result : results) {
            assertEquals(201, result.get());
        }
        for (String token : List.of(aToken, bToken)) {
            ChainVerification verdict = verify(token);
            assertTrue(verdict.getValid(), verdict.toString());
            assertTrue(verdict.getEventsChecked() >= 21, verdict.toString());
        }
    }

    @Test
    void theTenantFiltersAndExportsItsLog() throws IOException {
        Tenants.Tenant tenant = tenantWithEvents("log", 2);
        String admin = tenant.adminToken();
        AuditApi audit = Api.as(admin).audit();
        List<AuditEvent> created = ok(() -> audit.listAuditEvents(tenant.admin(), "key.created", null, null, null, null));
        assertEquals(2, created.size(), created.toString());
        assertEquals(0, ok(() -> audit.listAuditEvents(null, "key.created", "2999-01-01T00:00:00Z", null, null, null)).size());
        ApiResponse<File> csv = ok(() -> audit.exportAuditEventsWithHttpInfo(null, "key.created", null, null, null, null));
        assertTrue(csv.getHeaders().get("Content-Type").get(0).startsWith("text/csv"));
        String content = Files.readString(csv.getData().toPath());
        String[] lines = content.split("\r\n");
        assertTrue(lines[0].startsWith("tenant,sequence,occurred_at,actor"), lines[0]);
        assertEquals(3, lines.length, content);
        refused(400, () -> audit.listAuditEvents(null, null, "yesterday", null, null, null));
        refused(400, () -> audit.listAuditEvents(null, null, null, null, null, 0));
    }

    @Test
    void supportLookUpsAreThemselvesAudited() {
        Tenants.Tenant tenant = tenantWithEvents("look", 1);
        String support = Tenants.unique("support");
        String password = "Pw-" + UUID.randomUUID();
        new KeycloakAdmin(STACK).createStaff(support, "support", password);
        String token = STACK.passwordGrant(support, password, null).getString("access_token");
        Api staff = Api.as(token);
        List<TenantAuditEvent> look = ok(() -> staff.staffAudit().listAllAuditEvents(tenant.id(), null, null, null, null,
                null, null));
        assertTrue(look.stream().anyMatch(e -> e.getAction().equals("key.created") && e.getTenant().equals(tenant.id())));
        ok(() -> staff.organizations().getOrganization(tenant.id()));
        Set<String> seenByTenant = ok(() -> tenant.asAdmin().audit().listAuditEvents(support, null, null, null, null, null))
                .stream().map(AuditEvent::getAction).collect(Collectors.toSet());
        assertTrue(seenByTenant.containsAll(Set.of("support.audit-viewed", "support.organization-viewed")),
                seenByTenant.toString());
        refused(403, () -> staff.organizations().createOrganization(new NewOrganization())); // support cannot create
    }
}
