package io.fincopilot.privacy.control;

import io.fincopilot.audit.boundary.AuditTrail;
import io.fincopilot.audit.control.ErasedChains;
import io.fincopilot.audit.entity.Act;
import io.fincopilot.audit.entity.AuditEvent;
import io.fincopilot.documents.control.DocumentObjects;
import io.fincopilot.persistence.NativeValues;
import io.fincopilot.tenancy.control.KeycloakDirectory;
import io.fincopilot.tenancy.entity.TenantId;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.time.Period;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Erases a closed organization in the background (decision 76), each step safe to run again: its
 * Keycloak accounts and group; every row of it in every table (one transaction, recorded on the
 * platform's audit chain with the last event of the organization's chain); every object version and
 * delete marker under its prefixes; its share of this instance's memory (the others drop theirs at
 * their next sweep); its invoices past the legal retention. Then it checks that nothing is left and
 * keeps the report, whose SHA-256 the platform's chain records.
 */
@ApplicationScoped
public class OrganizationErasure {

    /** Set by the job; the report is written whatever the outcome. */
    public record Target(TenantId tenant, String keycloakGroup, List<String> keycloakUsers) {
    }

    private static final Logger LOG = Logger.getLogger(OrganizationErasure.class.getName());
    /** Work that was already under way (an ingestion step, an export) may write once more; looked at again after a pause. */
    private static final int CHECKS = 4;

    @PersistenceContext(unitName = "fincopilot")
    EntityManager em;

    @Inject
    KeycloakDirectory keycloak;

    @Inject
    DocumentObjects objects;

    @Inject
    AuditTrail audit;

    @Inject
    TenantMemories memories;

    @Inject
    OrganizationErasure self;

    @Inject
    @ConfigProperty(name = "fincopilot.privacy.invoice-retention", defaultValue = "P10Y")
    String invoiceRetention;

    /** Runs an erasure to its end: done with a report, or failed with the step and the reason. Never throws. */
    public void run(UUID id) {
        Target target = self.target(id, true);
        if (target == null) {
            return;
        }
        String step = "keycloak";
        try {
            self.step(id, step);
            for (String user : target.keycloakUsers()) {
                keycloak.deletePerson(user);
            }
            if (target.keycloakGroup() != null) {
                keycloak.deleteGroup(target.keycloakGroup());
            }
            step = "database";
            self.step(id, step);
            JsonObject rows = eraseRowsRetrying(id, target.tenant());
            memories.forget(target.tenant());
            step = "objects";
            self.step(id, step);
            int objectVersions = objects.deleteOrganization(target.tenant());
            step = "invoices";
            self.step(id, step);
            int invoicesDeleted = self.expireInvoices(target.tenant());
            step = "verification";
            self.step(id, step);
            JsonObject report = null;
            for (int check = 1; check <= CHECKS; check++) {
                report = check(id, target, rows, objectVersions, invoicesDeleted);
                if (report.getBoolean("clean") || check == CHECKS) {
                    break;
                }
                LOG.info(() -> "erasure " + id + ": something was left; sweeping and looking again");
                Thread.sleep(3_000L * check);
                objectVersions += objects.deleteOrganization(target.tenant());
                memories.forget(target.tenant());
            }
            self.finish(id, report);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            self.failed(id, step, "interrupted");
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "erasure " + id + " failed at " + step, e);
            self.failed(id, step, e.getClass().getSimpleName() + ": " + e.getMessage());
        }
    }

    /** The rows' erasure, again should the database pick it as a deadlock's victim (it changes nothing then). */
    private JsonObject eraseRowsRetrying(UUID id, TenantId tenant) throws InterruptedException {
        for (int attempt = 1; ; attempt++) {
            try {
                return self.eraseRows(id, tenant);
            } catch (RuntimeException e) {
                if (attempt == 3 || !deadlock(e)) {
                    throw e;
                }
                LOG.log(Level.INFO, "erasure " + id + " was a deadlock's victim; trying again", e);
                Thread.sleep(1_000L * attempt);
            }
        }
    }

    private static boolean deadlock(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof java.sql.SQLException sql && "40P01".equals(sql.getSQLState())) {
                return true;
            }
        }
        return false;
    }

    /** Checks again what is left of an erased organization; answers the new report, which is kept. */
    public JsonObject verify(UUID id) {
        Target target = self.target(id, false);
        JsonObject report = check(id, target, null, 0, 0);
        self.finish(id, report);
        return report;
    }

    /**
     * What is left: rows in any table, object versions and delete markers under the organization's
     * prefixes, Keycloak accounts and group, and this instance's memory.
     */
    JsonObject check(UUID id, Target target, JsonObject erasedRows, int objectVersions, int invoicesDeleted) {
        JsonObject rowsLeft = self.leftovers(target.tenant());
        DocumentObjects.Count left = objects.countOrganization(target.tenant());
        int accountsLeft = 0;
        for (String user : target.keycloakUsers()) {
            if (keycloak.accountExists(user)) {
                accountsLeft++;
            }
        }
        boolean groupLeft = target.keycloakGroup() != null && keycloak.groupExists(target.keycloakGroup());
        boolean memoryLeft = memories.holds(target.tenant());
        boolean clean = rowsLeft.isEmpty() && left.versions() == 0 && left.deleteMarkers() == 0 && accountsLeft == 0
                && !groupLeft && !memoryLeft;
        JsonObjectBuilder report = Json.createObjectBuilder()
                .add("erasure", id.toString())
                .add("organization", target.tenant().value().toString())
                .add("checkedAt", Instant.now(Clock.systemUTC()).toString())
                .add("clean", clean)
                .add("database", Json.createObjectBuilder().add("rowsLeft", rowsLeft)
                        .add("checked", "every table with a tenant_id column, the organization's row, its queued jobs "
                                + "and rate-limit windows; invoices are kept for " + invoiceRetention + ", pseudonymized")
                        .add("invoicesKept", self.invoicesKept(target.tenant())))
                .add("objects", Json.createObjectBuilder()
                        .add("prefixes", Json.createArrayBuilder(DocumentObjects.organizationPrefixes(target.tenant())))
                        .add("versionsLeft", left.versions()).add("deleteMarkersLeft", left.deleteMarkers()))
                .add("keycloak", Json.createObjectBuilder().add("accountsChecked", target.keycloakUsers().size())
                        .add("accountsLeft", accountsLeft).add("groupLeft", groupLeft))
                .add("memory", Json.createObjectBuilder().add("heldByThisInstance", memoryLeft)
                        .add("otherInstances", "drop an organization that no longer exists at their next sweep"));
        if (erasedRows != null) {
            report.add("erased", Json.createObjectBuilder().add("rows", erasedRows).add("objectVersions", objectVersions)
                    .add("keycloakAccounts", target.keycloakUsers().size()).add("invoicesPastRetention", invoicesDeleted));
        }
        return report.build();
    }

    /** An organization's erasure's target (only while it runs, if asked so); null when there is none. */
    @Transactional(TxType.REQUIRES_NEW)
    public Target target(UUID id, boolean runningOnly) {
        List<?> rows = em.createNativeQuery("select tenant_id, keycloak_group, keycloak_users from erasures "
                + "where id = ?1 and kind = 'ORGANIZATION'" + (runningOnly ? " and status = 'RUNNING'" : ""))
                .setParameter(1, id).getResultList();
        if (rows.isEmpty()) {
            return null;
        }
        Object[] row = (Object[]) rows.get(0);
        String users = (String) row[2];
        return new Target(new TenantId(NativeValues.uuid(row[0])), (String) row[1],
                users == null || users.isEmpty() ? List.of() : Arrays.asList(users.split(",")));
    }

    @Transactional(TxType.REQUIRES_NEW)
    public void step(UUID id, String step) {
        em.createNativeQuery("update erasures set step = ?2 where id = ?1").setParameter(1, id).setParameter(2, step)
                .executeUpdate();
    }

    /**
     * Every row of the organization, in one transaction with the platform's record of it. Run again after
     * it succeeded, it finds the organization gone and answers what the platform's chain recorded.
     */
    @Transactional(TxType.REQUIRES_NEW)
    public JsonObject eraseRows(UUID id, TenantId tenant) {
        if (ErasedChains.read(em).containsKey(tenant.value())) {
            return Json.createObjectBuilder().add("alreadyErased", true).build();
        }
        // Versions first, then documents: the order an ingestion step takes them in (it updates its version,
        // then adds chunks, which read-lock the document), so the two wait for each other instead of deadlocking.
        em.createNativeQuery("select count(*) from (select 1 from document_versions where tenant_id = ?1 order by id "
                + "for update) v").setParameter(1, tenant.value()).getSingleResult();
        em.createNativeQuery("select count(*) from (select 1 from documents where tenant_id = ?1 order by id for update) d")
                .setParameter(1, tenant.value()).getSingleResult();
        JsonObject result = json((String) em.createNativeQuery("select cast(erase_organization(?1) as text)")
                .setParameter(1, tenant.value()).getSingleResult());
        JsonObject rows = result.getJsonObject("rows");
        audit.record(AuditEvent.PLATFORM_CHAIN, new Act("privacy", "system", ErasedChains.ACTION,
                ErasedChains.TARGET_PREFIX + tenant.value(), null, Act.Outcome.SUCCESS,
                Map.of("erasure", id.toString(), ErasedChains.CHAIN_SEQUENCE, result.getJsonNumber("chainSequence").longValue(),
                        "chainHash", result.getString("chainHash"), "rows", rows.toString())));
        return rows;
    }

    /** Deletes the organization's invoices of months that ended longer ago than the legal retention; answers how many went. */
    @Transactional(TxType.REQUIRES_NEW)
    public int expireInvoices(TenantId tenant) {
        Instant cutoff = Instant.now(Clock.systemUTC()).atOffset(ZoneOffset.UTC).minus(Period.parse(invoiceRetention)).toInstant();
        return ((Number) em.createNativeQuery("select expire_erased_invoices(?1, ?2)").setParameter(1, tenant.value())
                .setParameter(2, NativeValues.timestamptz(cutoff)).getSingleResult()).intValue();
    }

    /** Every erased organization's invoices past the retention (the sweep calls it); answers how many went. */
    public int expireInvoices() {
        int expired = 0;
        for (UUID tenant : self.erasedWithInvoices()) {
            expired += self.expireInvoices(new TenantId(tenant));
        }
        return expired;
    }

    @Transactional(TxType.REQUIRES_NEW)
    public List<UUID> erasedWithInvoices() {
        List<UUID> tenants = new ArrayList<>();
        for (Object id : em.createNativeQuery("select distinct i.tenant_id from invoices i "
                + "where not exists (select 1 from organizations o where o.id = i.tenant_id)").getResultList()) {
            tenants.add(NativeValues.uuid(id));
        }
        return tenants;
    }

    @Transactional(TxType.REQUIRES_NEW)
    public long invoicesKept(TenantId tenant) {
        return ((Number) em.createNativeQuery("select count(*) from invoices where tenant_id = ?1")
                .setParameter(1, tenant.value()).getSingleResult()).longValue();
    }

    @Transactional(TxType.REQUIRES_NEW)
    public JsonObject leftovers(TenantId tenant) {
        return json((String) em.createNativeQuery("select cast(organization_leftovers(?1) as text)")
                .setParameter(1, tenant.value()).getSingleResult());
    }

    private static JsonObject json(String text) {
        try (var reader = Json.createReader(new StringReader(text))) {
            return reader.readObject();
        }
    }

    /**
     * Keeps the report and its SHA-256, and records the digest on the platform's chain: done when the
     * report is clean, failed (naming what is left) otherwise.
     */
    @Transactional(TxType.REQUIRES_NEW)
    public void finish(UUID id, JsonObject report) {
        String text = report.toString();
        String sha256 = sha256(text);
        boolean clean = report.getBoolean("clean");
        Instant now = Instant.now(Clock.systemUTC());
        em.createNativeQuery("update erasures set status = ?5, step = null, failure = ?6, report = ?2, "
                + "report_sha256 = ?3, verified_at = ?4, finished_at = coalesce(finished_at, ?4) where id = ?1")
                .setParameter(1, id).setParameter(2, text).setParameter(3, sha256)
                .setParameter(4, NativeValues.timestamptz(now)).setParameter(5, clean ? "DONE" : "FAILED")
                .setParameter(6, clean ? null : "something of the organization is left; the report says what").executeUpdate();
        audit.record(AuditEvent.PLATFORM_CHAIN, new Act("privacy", "system", "organization.erasure-verified",
                ErasedChains.TARGET_PREFIX + report.getString("organization"), null,
                report.getBoolean("clean") ? Act.Outcome.SUCCESS : Act.Outcome.FAILURE,
                Map.of("erasure", id.toString(), "reportSha256", sha256, "clean", report.getBoolean("clean"))));
    }

    @Transactional(TxType.REQUIRES_NEW)
    public void failed(UUID id, String step, String reason) {
        String readable = reason.length() > 1000 ? reason.substring(0, 1000) : reason;
        em.createNativeQuery("update erasures set status = 'FAILED', step = ?2, failure = ?3, finished_at = ?4 where id = ?1")
                .setParameter(1, id).setParameter(2, step).setParameter(3, readable)
                .setParameter(4, NativeValues.timestamptz(Instant.now(Clock.systemUTC()))).executeUpdate();
        Object tenant = em.createNativeQuery("select tenant_id from erasures where id = ?1").setParameter(1, id).getSingleResult();
        audit.record(AuditEvent.PLATFORM_CHAIN, new Act("privacy", "system", "organization.erasure-failed",
                ErasedChains.TARGET_PREFIX + NativeValues.uuid(tenant), null, Act.Outcome.FAILURE,
                Map.of("erasure", id.toString(), "step", step)));
    }

    public static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
