package io.fincopilot.st;

import static io.fincopilot.st.Api.ok;
import static io.fincopilot.st.Api.refused;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.fincopilot.client.ApiException;
import io.fincopilot.client.model.AskRequest;
import io.fincopilot.client.model.DocumentView;
import io.fincopilot.client.model.Plan;
import io.fincopilot.client.model.PlanBody;
import io.fincopilot.client.model.PlanChoice;
import io.fincopilot.client.model.QuotaUse;
import io.fincopilot.client.model.UsageReport;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Plans and quotas through the public APIs (issue 10): platform admins make and edit plans and move
 * organizations between them, billing staff only read them; a plan without overage refuses with 402
 * what would go past its quotas (questions, storage, pages) and loses nothing; each organization's
 * usage report counts its own acts only.
 */
class BillingIT {

    private static final Stack STACK = Stack.get();
    private static final UUID PLATFORM_CHAIN = new UUID(0, 0);

    private static Api admin;
    private static Api billing;

    @BeforeAll
    static void staff() {
        admin = Tenants.platformAdmin();
        String username = Tenants.unique("billing");
        String password = "Pw-" + UUID.randomUUID();
        new KeycloakAdmin(STACK).createStaff(username, "billing", password);
        billing = Api.as(STACK.passwordGrant(username, password, null).getString("access_token"));
    }

    /** A plan without overage: what it includes is all an organization on it may use. */
    static PlanBody hard(String code, long pages, long questions, String storageGb) {
        return new PlanBody().code(code).name("Hard " + code).monthlyPrice(new BigDecimal("10")).currency("usd")
                .rateLimitPerMinute(77).maxUploadBytes(5_000_000L).maxPagesPerDocument(50).includedPages(pages)
                .includedQuestions(questions).includedStorageGb(new BigDecimal(storageGb))
                .overagePagePrice(new BigDecimal("0.05")).overageQuestionPrice(new BigDecimal("0.02"))
                .overageStorageGbMonthPrice(new BigDecimal("0.25")).overageAllowed(false);
    }

    static String code(String label) {
        return "it-" + label + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    @Test
    void platformAdminsMakeAndEditPlansBillingReadsThemAndEveryEditIsAudited() {
        String code = code("edit");
        Plan created = ok(() -> admin.plans().createPlan(hard(code, 10, 10, "1")));
        assertEquals("10.00", created.getMonthlyPrice());
        assertEquals("USD", created.getCurrency());
        assertEquals("0.050000", created.getOveragePagePrice());
        assertTrue(ok(() -> billing.plans().listPlans()).stream().anyMatch(p -> p.getCode().equals(code)));
        assertEquals("Hard " + code, ok(() -> billing.plans().getPlan(code)).getName());

        refused(403, () -> billing.plans().updatePlan(code, hard(code, 99, 99, "1")));
        refused(403, () -> billing.plans().createPlan(hard(code("billing"), 1, 1, "1")));
        refused(403, () -> billing.organizations().setOrganizationPlan(Tenants.create("billingmove").id(),
                new PlanChoice().plan(code)));
        refused(409, () -> admin.plans().createPlan(hard(code, 1, 1, "1")));
        refused(404, () -> admin.plans().updatePlan("no-such-plan", hard("no-such-plan", 1, 1, "1")));
        assertTrue(refused(400, () -> admin.plans().updatePlan(code, hard(code, 1, 1, "1").currency("XYZ")))
                .getDetail().contains("currency"));
        assertTrue(refused(400, () -> admin.plans().updatePlan(code, hard(code, 1, 1, "1").monthlyPrice(new BigDecimal("1.005"))))
                .getDetail().contains("monthlyPrice: at most 2 decimals"));
        assertTrue(refused(400, () -> admin.plans().updatePlan(code, hard(code, 1, 1, "1").overagePagePrice(new BigDecimal("-1"))))
                .getDetail().contains("overagePagePrice"));
        assertEquals("10.00", ok(() -> admin.plans().getPlan(code)).getMonthlyPrice(), "a refused edit changes nothing");

        Plan edited = ok(() -> admin.plans().updatePlan(code, hard(code, 10, 10, "1").monthlyPrice(new BigDecimal("12.5"))));
        assertEquals("12.50", edited.getMonthlyPrice());
        var events = ok(() -> admin.staffAudit().listAllAuditEvents(null, null, "plan.updated", null, null, null, 50));
        assertTrue(events.stream().anyMatch(e -> PLATFORM_CHAIN.equals(e.getTenant()) && ("plan:" + code).equals(e.getTarget())
                && e.getDetails().toString().contains("12.50")), "the edit is on the platform's chain: " + events);
    }

    @Test
    void aHardPlanRefusesQuestionsPastItsQuotaWith402UntilTheOrganizationMovesToAPlanWithOverage() throws Exception {
        Tenants.Tenant tenant = Tenants.create("quota");
        Tenants.Tenant neighbour = Tenants.create("quotaother");
        Api api = Api.as(Tenants.key(tenant.adminToken(), "ask", "documents:read", "documents:write", "usage:read"));
        Api neighbours = Api.as(Tenants.key(neighbour.adminToken(), "ask", "usage:read"));
        UUID document = IngestionIT.upload(api, "ops.txt", IngestionIT.longText(1, "harbour"));
        assertEquals(DocumentView.StatusEnum.READY, IngestionIT.waitFor(api, document, IngestionIT::finished).getStatus());

        String code = code("questions");
        ok(() -> admin.plans().createPlan(hard(code, 100, 2, "1")));
        ok(() -> admin.organizations().setOrganizationPlan(tenant.id(), new PlanChoice().plan(code)));
        assertTrue(ok(() -> tenant.asAdmin().audit().listAuditEvents(null, "organization.plan-changed", null, null, null, null))
                .stream().anyMatch(e -> e.getDetails().toString().contains(code)), "the move is on the tenant's chain");
        assertEquals(77, RateLimitIT.header(ok(() -> api.me().getMeWithHttpInfo()).getHeaders(), "RateLimit-Limit"),
                "the new plan's rate limit applies from the next request");

        AskRequest question = new AskRequest().question("How many containers were shipped through terminal A?");
        ok(() -> api.ask().ask(question, null));
        ok(() -> api.ask().ask(question, null));
        JsonObject problem = problem(402, () -> api.ask().ask(question, null));
        assertEquals("questions", problem.getString("quota"));
        assertEquals(2, problem.getInt("used"));
        assertEquals(2, problem.getInt("included"));
        assertEquals(YearMonth.now(ZoneOffset.UTC).plusMonths(1).atDay(1).atStartOfDay(ZoneOffset.UTC).toInstant(),
                Instant.parse(problem.getString("resetsAt")));
        assertTrue(problem.getString("detail").contains(code), problem.toString());

        UsageReport usage = ok(() -> api.usage().getUsage());
        assertEquals(code, usage.getPlan().getCode());
        QuotaUse questions = quota(usage, "questions");
        assertEquals(2, questions.getUsed());
        assertEquals(0, questions.getRemaining());
        assertTrue(questions.getHard());
        assertEquals(1, quota(usage, "pages").getUsed());
        assertEquals(IngestionIT.longText(1, "harbour").length, quota(usage, "storage").getUsed());
        assertEquals(YearMonth.now(ZoneOffset.UTC).toString(), usage.getPeriod());
        assertEquals(12, usage.getMonths().size());
        assertEquals(2, usage.getMonths().get(11).getQuestionsAnswered());

        UsageReport theirs = ok(() -> neighbours.usage().getUsage());
        assertEquals(0, quota(theirs, "questions").getUsed(), "another organization's questions are not counted here");
        assertEquals(0, quota(theirs, "storage").getUsed());
        ok(() -> neighbours.ask().ask(question, null));

        ok(() -> admin.organizations().setOrganizationPlan(tenant.id(), new PlanChoice().plan("starter")));
        ok(() -> api.ask().ask(question, null));
        assertEquals(3, quota(ok(() -> api.usage().getUsage()), "questions").getUsed());
        refused(403, () -> Api.as(Tenants.key(tenant.adminToken(), "ask")).usage().getUsage());
    }

    @Test
    void aHardPlanRefusesStorageAndPagesPastItsQuotaAndKeepsNothingOfARefusedUpload() throws Exception {
        Tenants.Tenant tenant = Tenants.create("storage");
        Api api = Api.as(Tenants.key(tenant.adminToken(), "documents:read", "documents:write", "usage:read"));
        String code = code("storage");
        ok(() -> admin.plans().createPlan(hard(code, 1, 10, "0.001")));
        ok(() -> admin.organizations().setOrganizationPlan(tenant.id(), new PlanChoice().plan(code)));

        byte[] large = "shipping volumes rose in every quarter. ".repeat(30_000).getBytes(StandardCharsets.UTF_8);
        JsonObject storage = problem(402, () -> api.documents().uploadDocument(DocumentsIT.file("large.txt", large),
                null, null, null, null, null, null));
        assertEquals("storage", storage.getString("quota"));
        assertEquals(1_000_000, storage.getInt("included"));
        assertEquals(List.of(), ok(() -> api.documents().listDocuments(null, null, null, 0, 50)), "nothing of it is kept");

        UUID tooLong = IngestionIT.upload(api, "three.txt", IngestionIT.longText(3, "quay"));
        DocumentView failed = IngestionIT.waitFor(api, tooLong, IngestionIT::finished);
        assertEquals(DocumentView.StatusEnum.FAILED, failed.getStatus());
        assertEquals("QUOTA_EXCEEDED", failed.getVersions().get(0).getFailureCode());
        String reason = failed.getFailureReason();
        assertTrue(reason.contains("3 pages") && reason.contains("1 left"), reason);

        UUID onePage = IngestionIT.upload(api, "one.txt", IngestionIT.longText(1, "pier"));
        assertEquals(DocumentView.StatusEnum.READY, IngestionIT.waitFor(api, onePage, IngestionIT::finished).getStatus());
        JsonObject pages = problem(402, () -> api.documents().uploadDocument(DocumentsIT.file("more.txt", "more text"),
                null, null, null, null, null, null));
        assertEquals("pages", pages.getString("quota"));
        assertEquals(1, pages.getInt("used"));

        UsageReport usage = ok(() -> api.usage().getUsage());
        long held = IngestionIT.longText(3, "quay").length + IngestionIT.longText(1, "pier").length;
        assertEquals(held, quota(usage, "storage").getUsed());
        ok(() -> { api.documents().deleteDocument(onePage); return null; });
        assertEquals(IngestionIT.longText(3, "quay").length, quota(ok(() -> api.usage().getUsage()), "storage").getUsed(),
                "a deleted document stops counting");
        try (java.sql.Connection db = InvoicesIT.database(); java.sql.PreparedStatement released = db.prepareStatement(
                "select quantity from usage_events where tenant_id = ? and document_id = ? and kind = 'BYTES_RELEASED'")) {
            released.setObject(1, tenant.id());
            released.setObject(2, onePage);
            try (java.sql.ResultSet r = released.executeQuery()) {
                assertTrue(r.next(), "the deletion released the version's bytes in usage, for storage's byte-days");
                assertEquals(IngestionIT.longText(1, "pier").length, r.getLong(1));
            }
        }
    }

    private static QuotaUse quota(UsageReport report, String name) {
        return report.getQuotas().stream().filter(q -> q.getQuota().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError("no quota " + name + " in " + report));
    }

    /** The problem document of a refused call, with its extension members. */
    private static JsonObject problem(int status, Api.Call<?> call) {
        try {
            Object answer = call.call();
            return fail("expected " + status + " but the call succeeded: " + answer);
        } catch (ApiException e) {
            assertEquals(status, e.getCode(), e.getResponseBody());
            assertTrue(e.getResponseHeaders().firstValue("content-type").orElse("").startsWith("application/problem+json"));
            return Json.createReader(new StringReader(e.getResponseBody())).readObject();
        }
    }
}
