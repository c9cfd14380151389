package io.fincopilot.st;

import static io.fincopilot.st.Api.ok;
import static io.fincopilot.st.Api.refused;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fincopilot.client.model.AskRequest;
import io.fincopilot.client.model.CreditNoteRequest;
import io.fincopilot.client.model.Invoice;
import io.fincopilot.client.model.InvoiceLine;
import io.fincopilot.client.model.PlanBody;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/**
 * Invoices through the public APIs (issue 10): a month is closed once per organization, its invoice
 * bills each plan for its days and the use past what they include, computes again to the same bytes,
 * never changes (a correction is a credit note), and an event written while the month closes is
 * billed exactly once, in the invoice or in the next month. Usage counts a retried act once.
 *
 * <p>An organization's past is written into the database as its history would have left it (plans
 * from a month long ago, usage events in it): the test cannot wait for a month to end. The month is
 * one the hourly close never touches (it closes only the last month).
 */
class InvoicesIT {

    private static final Stack STACK = Stack.get();
    /** A month long ended: the schedule closes only the one before this one. */
    static final YearMonth PAST = YearMonth.now(ZoneOffset.UTC).minusMonths(14);

    private final Api admin = Tenants.platformAdmin();

    /** An organization whose history is a month long ago on two plans, with 15 questions, and the month closed: its invoice. */
    static Invoice closedMonth(Tenants.Tenant tenant) throws SQLException {
        history(tenant.id(), plan("small", "30"), plan("large", "60"));
        try (Connection db = database()) {
            questions(db, tenant.id(), day(3), 12);
            questions(db, tenant.id(), day(20), 3);
        }
        Api admin = Tenants.platformAdmin();
        return ok(() -> admin.billing().closeMonth(PAST.toString())).stream()
                .filter(i -> i.getOrganization().equals(tenant.id()) && i.getKind() == Invoice.KindEnum.INVOICE).findFirst()
                .orElseThrow(() -> new AssertionError("no invoice for " + tenant.slug()));
    }

    static Connection database() throws SQLException {
        return DriverManager.getConnection(STACK.env("DATABASE_JDBC_URL"), "postgres", STACK.secret("PG_SUPER_PASSWORD"));
    }

    private static Instant day(int day) {
        return PAST.atDay(day).atStartOfDay(ZoneOffset.UTC).toInstant();
    }

    /** A plan with overage whose terms applied since before the month. */
    static String plan(String label, String price) throws SQLException {
        String code = BillingIT.code(label);
        PlanBody body = BillingIT.hard(code, 100, 10, "1").monthlyPrice(new BigDecimal(price)).overageAllowed(true);
        ok(() -> Tenants.platformAdmin().plans().createPlan(body));
        try (Connection db = database(); PreparedStatement s = db.prepareStatement(
                "update plan_revisions set valid_from = ? where plan = ?")) {
            s.setTimestamp(1, Timestamp.from(day(1).minusSeconds(86_400)));
            s.setString(2, code);
            assertEquals(1, s.executeUpdate());
        }
        return code;
    }

    /** The organization as it was: made before the month, on {@code first} from its first day and on {@code second} from the 16th. */
    private static void history(UUID tenant, String first, String second) throws SQLException {
        try (Connection db = database()) {
            try (PreparedStatement s = db.prepareStatement("update organizations set created_at = ? where id = ?")) {
                s.setTimestamp(1, Timestamp.from(day(1).minusSeconds(3600)));
                s.setObject(2, tenant);
                s.executeUpdate();
            }
            try (PreparedStatement s = db.prepareStatement("insert into plan_assignments (tenant_id, valid_from, plan) values (?, ?, ?)")) {
                s.setObject(1, tenant);
                s.setTimestamp(2, Timestamp.from(day(1).minusSeconds(3600)));
                s.setString(3, first);
                s.addBatch();
                if (second != null) {
                    s.setTimestamp(2, Timestamp.from(day(16).plusSeconds(7200)));
                    s.setString(3, second);
                    s.addBatch();
                }
                s.executeBatch();
            }
        }
    }

    private static void questions(Connection db, UUID tenant, Instant at, int count) throws SQLException {
        try (PreparedStatement s = db.prepareStatement("insert into usage_events (id, tenant_id, kind, quantity, occurred_at) "
                + "values (gen_random_uuid(), ?, 'QUESTION_ANSWERED', 1, ?)")) {
            for (int i = 0; i < count; i++) {
                s.setObject(1, tenant);
                s.setTimestamp(2, Timestamp.from(at));
                s.addBatch();
            }
            s.executeBatch();
        }
    }

    private static void storage(Connection db, UUID tenant, UUID document, String kind, Instant at) throws SQLException {
        try (PreparedStatement s = db.prepareStatement("insert into usage_events (id, tenant_id, kind, quantity, document_id, "
                + "version, occurred_at) values (gen_random_uuid(), ?, ?, 1000000000, ?, 1, ?)")) {
            s.setObject(1, tenant);
            s.setString(2, kind);
            s.setObject(3, document);
            s.setTimestamp(4, Timestamp.from(at));
            s.executeUpdate();
        }
    }

    private static long questionsBilledIn(Invoice invoice) {
        return invoice.getLines().stream().filter(l -> "questions".equals(l.getUnit()))
                .mapToLong(l -> new BigDecimal(l.getQuantity()).longValueExact()).sum();
    }

    private static long questionsIn(UUID tenant) throws SQLException {
        try (Connection db = database(); PreparedStatement s = db.prepareStatement(
                "select count(*) from usage_events where tenant_id = ? and kind = 'QUESTION_ANSWERED'")) {
            s.setObject(1, tenant);
            try (ResultSet r = s.executeQuery()) {
                r.next();
                return r.getLong(1);
            }
        }
    }

    private static long questionsBilledInTheOpenMonth(UUID tenant) throws SQLException {
        try (Connection db = database(); PreparedStatement s = db.prepareStatement("select coalesce(sum(quantity), 0) "
                + "from usage_events where tenant_id = ? and kind = 'QUESTION_ANSWERED' and billing_month = ?")) {
            s.setObject(1, tenant);
            s.setObject(2, YearMonth.now(ZoneOffset.UTC).atDay(1));
            try (ResultSet r = s.executeQuery()) {
                r.next();
                return r.getLong(1);
            }
        }
    }

    private Invoice invoiceOf(List<Invoice> invoices, UUID tenant) {
        List<Invoice> mine = invoices.stream().filter(i -> i.getOrganization().equals(tenant) && i.getKind() == Invoice.KindEnum.INVOICE)
                .toList();
        assertEquals(1, mine.size(), "one invoice for the organization and month: " + mine);
        return mine.get(0);
    }

    @Test
    void aClosedMonthBillsEachPlanForItsDaysOnceReproduciblyAndACorrectionIsACreditNote() throws Exception {
        Tenants.Tenant tenant = Tenants.create("invoice");
        Tenants.Tenant other = Tenants.create("invoiceother");
        String small = plan("small", "30");
        String large = plan("large", "60");
        history(tenant.id(), small, large);
        UUID document = UUID.randomUUID();
        try (Connection db = database()) {
            questions(db, tenant.id(), day(3), 12);
            questions(db, tenant.id(), day(20), 3);
            // A gigabyte held from the 1st to the 11th (released that day): ten days of it.
            storage(db, tenant.id(), document, "BYTES_STORED", day(1).plusSeconds(600));
            storage(db, tenant.id(), document, "BYTES_RELEASED", day(11).plusSeconds(600));
        }
        String period = PAST.toString();
        Invoice invoice = invoiceOf(ok(() -> admin.billing().closeMonth(period)), tenant.id());
        assertEquals(invoice.getId(), invoiceOf(ok(() -> admin.billing().closeMonth(period)), tenant.id()).getId(),
                "closing again issues nothing new");

        int days = PAST.lengthOfMonth();
        BigDecimal first = new BigDecimal("30").multiply(BigDecimal.valueOf(15)).divide(BigDecimal.valueOf(days), 2, RoundingMode.HALF_EVEN);
        BigDecimal second = new BigDecimal("60").multiply(BigDecimal.valueOf(days - 15))
                .divide(BigDecimal.valueOf(days), 2, RoundingMode.HALF_EVEN);
        List<InvoiceLine> fees = invoice.getLines().stream().filter(l -> "month".equals(l.getUnit())).toList();
        assertEquals(List.of(small, large), fees.stream().map(InvoiceLine::getPlan).toList());
        assertEquals(List.of(first.toPlainString(), second.toPlainString()), fees.stream().map(InvoiceLine::getAmount).toList());
        // 12 questions on the small plan's 15 days, which include 10 * 15 / days of them; the rest is overage at 0.02.
        long includedFirst = 10L * 15 / days;
        InvoiceLine over = invoice.getLines().stream().filter(l -> l.getDescription().startsWith("Questions answered over"))
                .findFirst().orElseThrow(() -> new AssertionError("no overage line in " + invoice.getLines()));
        assertEquals(small, over.getPlan());
        assertEquals(12 - includedFirst, new BigDecimal(over.getQuantity()).longValueExact());
        assertEquals(15, questionsBilledIn(invoice));
        InvoiceLine storage = invoice.getLines().stream().filter(l -> "GB-months".equals(l.getUnit()) && small.equals(l.getPlan()))
                .findFirst().orElseThrow();
        assertEquals(BigDecimal.TEN.divide(BigDecimal.valueOf(days), 6, RoundingMode.HALF_EVEN).toPlainString(), storage.getQuantity(),
                "ten days of a gigabyte, in GB-months");
        BigDecimal lines = invoice.getLines().stream().map(l -> new BigDecimal(l.getAmount())).reduce(BigDecimal.ZERO, BigDecimal::add);
        assertEquals(0, lines.compareTo(new BigDecimal(invoice.getSubtotal())));
        assertEquals(new BigDecimal(invoice.getSubtotal()).add(new BigDecimal(invoice.getTax())), new BigDecimal(invoice.getTotal()));

        // A late event of the closed month goes to the open one; the month still computes to the same bytes.
        long openBefore = questionsBilledInTheOpenMonth(tenant.id());
        try (Connection db = database()) {
            questions(db, tenant.id(), day(10), 1);
        }
        assertEquals(openBefore + 1, questionsBilledInTheOpenMonth(tenant.id()));
        var verification = ok(() -> admin.billing().verifyInvoice(invoice.getId()));
        assertTrue(verification.getReproducible(), verification.toString());
        assertEquals(invoice.getCsvSha256(), verification.getRecomputedSha256());

        // The organization reads its own, as JSON, CSV and PDF; another organization finds nothing.
        Api own = Api.as(Tenants.key(tenant.adminToken(), "usage:read"));
        assertTrue(ok(() -> own.invoices().listInvoices()).stream().anyMatch(i -> i.getId().equals(invoice.getId())));
        assertEquals(invoice.getTotal(), ok(() -> own.invoices().getInvoice(invoice.getId())).getTotal());
        HttpResponse<String> csv = STACK.get("/api/v1/invoices/" + invoice.getId() + "/csv",
                Tenants.key(tenant.adminToken(), "usage:read"));
        assertEquals(200, csv.statusCode(), csv.body());
        assertTrue(csv.body().startsWith("document,number,organization,period,issued_at,line,"), csv.body());
        assertTrue(csv.body().contains(",Total,,,," + invoice.getTotal() + ","), csv.body());
        byte[] pdf = java.nio.file.Files.readAllBytes(ok(() -> own.invoices().getInvoicePdf(invoice.getId())).toPath());
        assertArrayEquals("%PDF".getBytes(StandardCharsets.US_ASCII), java.util.Arrays.copyOf(pdf, 4));
        Api others = Api.as(Tenants.key(other.adminToken(), "usage:read"));
        refused(404, () -> others.invoices().getInvoice(invoice.getId()));
        assertFalse(ok(() -> others.invoices().listInvoices()).stream().anyMatch(i -> i.getId().equals(invoice.getId())));
        refused(403, () -> Api.as(Tenants.key(tenant.adminToken(), "ask")).invoices().listInvoices());

        // Staff: the month's lines as CSV, and every look is on the organization's chain.
        HttpResponse<String> all = STACK.get("/admin/api/v1/billing/periods/" + period + "/lines",
                STACK.accessToken(STACK.env("DEMO_PLATFORM_ADMIN")));
        assertEquals(200, all.statusCode(), all.body());
        assertTrue(all.body().contains("invoice," + invoice.getNumber() + ",Test " + tenant.slug() + ","), all.body());
        for (String look : List.of("billing.invoice-lines-exported", "billing.invoice-viewed")) {
            assertFalse(ok(() -> tenant.asAdmin().audit().listAuditEvents(null, look, null, null, null, null)).isEmpty(),
                    "the staff's look (" + look + ") is on the organization's chain");
        }
        ok(() -> Api.as(STACK.accessToken(STACK.env("DEMO_PLATFORM_ADMIN"))).billing().listMonthInvoices(period, tenant.id()));
        assertFalse(ok(() -> tenant.asAdmin().audit().listAuditEvents(null, "billing.invoices-viewed", null, null, null, null))
                .isEmpty(), "listing the month's invoices is on the organization's chain");
        assertTrue(ok(() -> other.asAdmin().audit().listAuditEvents(null, "billing.invoices-viewed", null, null, null, null))
                .isEmpty(), "a look at one organization's invoices is not on another's chain");
        refused(409, () -> admin.billing().closeMonth(YearMonth.now(ZoneOffset.UTC).toString()));

        // A correction: a credit note for the whole invoice, once; the invoice itself is unchanged.
        Invoice note = ok(() -> admin.billing().creditInvoice(invoice.getId(), new CreditNoteRequest().reason("billed twice")));
        assertEquals(Invoice.KindEnum.CREDIT_NOTE, note.getKind());
        assertEquals(invoice.getId(), note.getCorrects());
        assertEquals(new BigDecimal(invoice.getTotal()).negate(), new BigDecimal(note.getTotal()));
        refused(409, () -> admin.billing().creditInvoice(invoice.getId(), new CreditNoteRequest().reason("again")));
        assertEquals(invoice.getTotal(), ok(() -> admin.billing().getStaffInvoice(invoice.getId())).getTotal());
        try (Connection db = database(); var s = db.createStatement()) {
            s.executeUpdate("set role fincopilot_app");
            assertThrowsSql(() -> s.executeUpdate("update invoices set total = 0 where id = '" + invoice.getId() + "'"));
        }
    }

    @Test
    void aClosedOrganizationIsBilledUntilTheDayItClosed() throws Exception {
        Tenants.Tenant tenant = Tenants.create("invoiceclosed");
        history(tenant.id(), plan("closing", "31"), null);
        try (Connection db = database(); PreparedStatement s = db.prepareStatement(
                "insert into plan_assignments (tenant_id, valid_from, plan) values (?, ?, null)")) {
            s.setObject(1, tenant.id());
            s.setTimestamp(2, Timestamp.from(day(11).plusSeconds(60)));
            s.executeUpdate();
        }
        Invoice invoice = invoiceOf(ok(() -> admin.billing().closeMonth(PAST.toString())), tenant.id());
        InvoiceLine fee = invoice.getLines().stream().filter(l -> "month".equals(l.getUnit())).findFirst().orElseThrow();
        assertTrue(fee.getDescription().contains("10 of " + PAST.lengthOfMonth() + " days"), fee.getDescription());

        // Closing an organization ends its plan that day, in the database itself.
        ok(() -> admin.organizations().closeOrganization(tenant.id()));
        try (Connection db = database(); PreparedStatement s = db.prepareStatement(
                "select plan from plan_assignments where tenant_id = ? order by valid_from desc limit 1")) {
            s.setObject(1, tenant.id());
            try (ResultSet r = s.executeQuery()) {
                assertTrue(r.next());
                assertEquals(null, r.getString(1), "the last assignment of a closed organization has no plan");
            }
        }
    }

    private static void assertThrowsSql(Callable<?> statement) {
        try {
            statement.call();
            throw new AssertionError("an issued invoice was changed");
        } catch (SQLException e) {
            assertTrue(e.getMessage().contains("permission denied") || e.getMessage().contains("invoices are final"), e.getMessage());
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void anEventWrittenWhileItsMonthClosesIsBilledExactlyOnce() throws Exception {
        Tenants.Tenant tenant = Tenants.create("invoicerace");
        history(tenant.id(), plan("race", "10"), null);
        int events = 300;
        long openBefore = questionsBilledInTheOpenMonth(tenant.id());
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            Future<?> writer = pool.submit(() -> {
                try (Connection db = database()) {
                    for (int i = 0; i < events; i++) {
                        questions(db, tenant.id(), day(5), 1); // autocommit: one transaction each
                    }
                }
                return null;
            });
            while (questionsIn(tenant.id()) < 20) {
                Thread.sleep(10);
            }
            Future<List<Invoice>> close = pool.submit(() -> ok(() -> admin.billing().closeMonth(PAST.toString())));
            writer.get();
            Invoice invoice = invoiceOf(close.get(), tenant.id());
            long late = questionsBilledInTheOpenMonth(tenant.id()) - openBefore;
            assertEquals(events, questionsBilledIn(invoice) + late, "in the invoice (" + questionsBilledIn(invoice)
                    + ") or in the open month (" + late + "), each once");
            assertTrue(questionsBilledIn(invoice) >= 20 && late > 0, "the close came while events were being written: "
                    + questionsBilledIn(invoice) + " in the invoice, " + late + " late");
            assertTrue(ok(() -> admin.billing().verifyInvoice(invoice.getId())).getReproducible());
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aQuestionRetriedConcurrentlyWithItsIdempotencyKeyCountsOnce() throws Exception {
        Tenants.Tenant tenant = Tenants.create("retry");
        String key = Tenants.key(tenant.adminToken(), "ask", "usage:read");
        Api api = Api.as(key);
        String idempotencyKey = UUID.randomUUID().toString();
        ExecutorService pool = Executors.newFixedThreadPool(6);
        try {
            List<Future<Integer>> answers = new ArrayList<>();
            for (int i = 0; i < 6; i++) {
                answers.add(pool.submit(() -> STACK.request("POST", "/api/v1/ask", java.util.Map.of("Authorization",
                        "Bearer " + key, "Idempotency-Key", idempotencyKey), "{\"question\":\"What was revenue in 2025?\"}")
                        .statusCode()));
            }
            for (Future<Integer> answer : answers) {
                assertEquals(200, answer.get());
            }
        } finally {
            pool.shutdownNow();
        }
        assertEquals(1, ok(() -> api.usage().getUsage()).getQuotas().stream().filter(q -> q.getQuota().equals("questions"))
                .findFirst().orElseThrow().getUsed(), "six tries of one question count once");
        ok(() -> api.ask().ask(new AskRequest().question("What was revenue in 2025?"), null));
        assertEquals(2, ok(() -> api.usage().getUsage()).getQuotas().stream().filter(q -> q.getQuota().equals("questions"))
                .findFirst().orElseThrow().getUsed(), "a question without a key is a question of its own");
        ok(() -> api.ask().ask(new AskRequest().question("What was revenue in 2024?"), idempotencyKey));
        assertEquals(3, ok(() -> api.usage().getUsage()).getQuotas().stream().filter(q -> q.getQuota().equals("questions"))
                .findFirst().orElseThrow().getUsed(), "the same key with another question names another act");
        refused(400, () -> api.ask().ask(new AskRequest().question("What was revenue in 2024?").stream(true), "bad key"));
    }
}
