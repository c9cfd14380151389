package io.fincopilot.st;

import static io.fincopilot.st.Api.ok;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.fincopilot.client.ApiException;
import io.fincopilot.client.model.CreditNoteRequest;
import io.fincopilot.client.model.NewOrganization;
import io.fincopilot.client.model.PlanBody;
import io.fincopilot.client.model.PlanChoice;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Platform staff through the admin API: each staff role can do exactly its row of the matrix, and a
 * tenant's admin none of it. The expectations come from one declared table, {@link #MATRIX}.
 */
class StaffRolesIT {

    private static final Stack STACK = Stack.get();

    /** A call of the staff API on an organization made for the test ({@code tenant}) or one to close ({@code other}). */
    @FunctionalInterface
    private interface Probe {
        Object call(Api api, UUID tenant, UUID other) throws ApiException;
    }

    /** An admin operation and the roles that may call it. */
    private record Row(String operation, Probe probe, Set<String> allowed) {
    }

    private static final Set<String> ALL_STAFF = Set.of("platform-admin", "support", "billing");
    private static final Set<String> SUPPORT = Set.of("platform-admin", "support");
    private static final Set<String> PLATFORM = Set.of("platform-admin");
    private static final Set<String> PLANS = Set.of("platform-admin", "billing");

    private static final List<Row> MATRIX = List.of(
            new Row("listOrganizations", (api, t, o) -> api.organizations().listOrganizations(), ALL_STAFF),
            new Row("getOrganization", (api, t, o) -> api.organizations().getOrganization(t), ALL_STAFF),
            new Row("listOrganizationKeys", (api, t, o) -> api.organizations().listOrganizationKeys(t), SUPPORT),
            new Row("listOrganizationFailedDocuments", (api, t, o) -> api.organizations().listOrganizationFailedDocuments(t),
                    SUPPORT),
            new Row("listAllAuditEvents", (api, t, o) -> api.staffAudit().listAllAuditEvents(t, null, null, null, null,
                    null, null), SUPPORT),
            new Row("exportAllAuditEvents", (api, t, o) -> api.staffAudit().exportAllAuditEvents(t, null, null, null, null,
                    null, null), SUPPORT),
            new Row("verifyAllAuditChains", (api, t, o) -> api.staffAudit().verifyAllAuditChains(), SUPPORT),
            new Row("suspendOrganization", (api, t, o) -> api.organizations().suspendOrganization(t), SUPPORT),
            new Row("resumeOrganization", (api, t, o) -> api.organizations().resumeOrganization(t), SUPPORT),
            // An empty body: allowed callers get 400 from validation, refused ones 403 first.
            new Row("createOrganization", (api, t, o) -> api.organizations().createOrganization(new NewOrganization()),
                    PLATFORM),
            new Row("closeOrganization", (api, t, o) -> api.organizations().closeOrganization(o), PLATFORM),
            new Row("reembedDocuments", (api, t, o) -> api.maintenance().reembedDocuments(), PLATFORM),
            new Row("listPlans", (api, t, o) -> api.plans().listPlans(), PLANS),
            new Row("getPlan", (api, t, o) -> api.plans().getPlan("free"), PLANS),
            // Empty bodies again: nothing is created or changed, whoever calls.
            new Row("createPlan", (api, t, o) -> api.plans().createPlan(new PlanBody()), PLATFORM),
            new Row("updatePlan", (api, t, o) -> api.plans().updatePlan("free", new PlanBody()), PLATFORM),
            new Row("setOrganizationPlan", (api, t, o) -> api.organizations().setOrganizationPlan(t, new PlanChoice()),
                    PLATFORM),
            new Row("listMonthInvoices", (api, t, o) -> api.billing().listMonthInvoices("2020-01", t), PLANS),
            // An invoice that does not exist: allowed callers get 404, refused ones 403 first.
            new Row("getStaffInvoice", (api, t, o) -> api.billing().getStaffInvoice(UUID.randomUUID()), PLANS),
            new Row("getStaffInvoicePdf", (api, t, o) -> api.billing().getStaffInvoicePdf(UUID.randomUUID()), PLANS),
            new Row("verifyInvoice", (api, t, o) -> api.billing().verifyInvoice(UUID.randomUUID()), PLANS),
            new Row("creditInvoice", (api, t, o) -> api.billing().creditInvoice(UUID.randomUUID(), new CreditNoteRequest()),
                    PLATFORM),
            new Row("exportMonthInvoiceLines", (api, t, o) -> api.billing().exportMonthInvoiceLines("2020-01"), PLANS),
            // The month in progress cannot be closed: allowed callers get 409.
            new Row("closeMonth", (api, t, o) -> api.billing().closeMonth(java.time.YearMonth.now(java.time.ZoneOffset.UTC)
                    .plusMonths(1).toString()), PLATFORM),
            new Row("getOrganizationUsage", (api, t, o) -> api.billing().getOrganizationUsage(t), PLANS),
            // The test's organization is not closed: allowed callers get 409, and nothing is erased.
            new Row("eraseOrganization", (api, t, o) -> api.organizations().eraseOrganization(t), PLATFORM),
            new Row("listErasuresAcrossTenants", (api, t, o) -> api.erasures().listErasuresAcrossTenants(), SUPPORT),
            new Row("getErasureAcrossTenants", (api, t, o) -> api.erasures().getErasureAcrossTenants(UUID.randomUUID()), SUPPORT),
            new Row("verifyErasure", (api, t, o) -> api.erasures().verifyErasure(UUID.randomUUID()), PLATFORM));

    private static final Map<String, String> TOKENS = new LinkedHashMap<>();
    private static Tenants.Tenant tenant;

    @BeforeAll
    static void staff() {
        tenant = Tenants.create("staff");
        KeycloakAdmin keycloak = new KeycloakAdmin(STACK);
        for (String role : List.of("support", "billing")) {
            String username = Tenants.unique(role);
            String password = "Pw-" + UUID.randomUUID();
            keycloak.createStaff(username, role, password);
            TOKENS.put(role, STACK.passwordGrant(username, password, null).getString("access_token"));
        }
        TOKENS.put("platform-admin", STACK.accessToken(STACK.env("DEMO_PLATFORM_ADMIN")));
        TOKENS.put("tenant-admin", tenant.adminToken());
    }

    @Test
    void eachStaffRoleCanDoExactlyItsRow() {
        List<String> wrong = new ArrayList<>();
        for (var caller : TOKENS.entrySet()) {
            // Every caller closes an organization of its own, so that an allowed close changes nothing shared.
            UUID other = Tenants.create("close").id();
            Api api = Api.as(caller.getValue());
            for (Row row : MATRIX) {
                int status = Api.status(() -> row.probe().call(api, tenant.id(), other));
                boolean expected = row.allowed().contains(caller.getKey());
                boolean allowed = status != 401 && status != 403;
                if (allowed != expected || status >= 500) {
                    wrong.add(row.operation() + " as " + caller.getKey() + ": " + status
                            + " (expected " + (expected ? "allowed" : "denied") + ")");
                }
                if (row.operation().equals("suspendOrganization") && allowed) {
                    ok(() -> Tenants.platformAdmin().organizations().resumeOrganization(tenant.id()));
                }
            }
        }
        assertEquals(List.of(), wrong);
    }

    @Test
    void supportLooksAreAuditedOnTheTenantsChain() {
        ok(() -> Api.as(TOKENS.get("support")).organizations().listOrganizationKeys(tenant.id()));
        assertFalse(ok(() -> tenant.asAdmin().audit().listAuditEvents(null, "support.keys-viewed", null, null, null, null))
                .isEmpty(), "the look is on the tenant's chain");
    }
}
