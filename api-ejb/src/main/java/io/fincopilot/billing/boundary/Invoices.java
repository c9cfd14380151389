package io.fincopilot.billing.boundary;

import io.fincopilot.audit.boundary.AuditTrail;
import io.fincopilot.audit.entity.Act;
import io.fincopilot.audit.entity.AuditEvent;
import io.fincopilot.billing.control.BillingSettings;
import io.fincopilot.billing.control.InvoiceLedger;
import io.fincopilot.billing.control.InvoicePdf;
import io.fincopilot.billing.control.MonthClose;
import io.fincopilot.billing.entity.Invoice;
import io.fincopilot.billing.entity.InvoiceDraft;
import io.fincopilot.billing.entity.UsagePeriod;
import io.fincopilot.platform.problem.ProblemException;
import io.fincopilot.security.Caller;
import io.fincopilot.security.Permission;
import io.fincopilot.security.Role;
import io.fincopilot.tenancy.entity.TenantId;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Monthly invoices (decision 72): issued once per organization and month when the month is closed
 * (within the hour after it ends, or by a platform admin), final once issued (a correction is a credit
 * note), and reproducible: computing a closed month again gives the same CSV bytes. Billing staff and
 * platform admins read them, and every look at an organization's invoices is audited on its chain;
 * an organization reads its own.
 */
@Stateless
public class Invoices {

    /** The outcome of computing an issued invoice's month again. */
    public record Verification(String number, boolean reproducible, String issuedSha256, String recomputedSha256) {
    }

    @PersistenceContext(unitName = "fincopilot")
    EntityManager em;

    @Inject
    InvoiceLedger ledger;

    @Inject
    MonthClose months;

    @Inject
    AuditTrail audit;

    /** Closes an ended month for every organization that had a plan in it; answers the month's invoices. */
    @RolesAllowed(Role.PLATFORM_ADMIN_NAME)
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public List<Invoice> close(UsagePeriod period, Caller by, String sourceIp) {
        if (period.end().isAfter(Instant.now())) {
            throw ProblemException.conflict("the month " + period + " has not ended: it can be closed from " + period.end());
        }
        List<Invoice> invoices = months.closeAll(period, BillingSettings.taxRate());
        // The answer shows every organization's invoice of the month: a look, audited on each chain
        // (each in its own transaction: a close runs in none).
        looked(invoices, "billing.invoices-viewed", by, sourceIp, Map.of("period", period.toString()), audit::recordSeparately);
        audit.recordSeparately(AuditEvent.PLATFORM_CHAIN, new Act(by.actor(), by.kind().name().toLowerCase(Locale.ROOT),
                "billing.period-closed", "period:" + period, sourceIp, Act.Outcome.SUCCESS,
                Map.of("invoices", String.valueOf(invoices.size()))));
        return invoices;
    }

    /** A month's invoices of every organization (or one); the look is audited on each organization's chain. */
    @RolesAllowed({Role.PLATFORM_ADMIN_NAME, Role.BILLING_NAME})
    public List<Invoice> ofPeriod(UsagePeriod period, UUID organization, Caller by, String sourceIp) {
        List<Invoice> invoices = ledger.ofPeriod(period).stream()
                .filter(i -> organization == null || i.tenant().equals(organization)).toList();
        looked(invoices, "billing.invoices-viewed", by, sourceIp, Map.of("period", period.toString()));
        return invoices;
    }

    @RolesAllowed({Role.PLATFORM_ADMIN_NAME, Role.BILLING_NAME})
    public Invoice get(UUID id, Caller by, String sourceIp) {
        Invoice invoice = ledger.find(id).orElseThrow(() -> ProblemException.notFound("invoice " + id));
        looked(List.of(invoice), "billing.invoice-viewed", by, sourceIp, Map.of("invoice", invoice.number()));
        return invoice;
    }

    /** Every line of a month's invoices as one CSV (a finance department's import); audited per organization. */
    @RolesAllowed({Role.PLATFORM_ADMIN_NAME, Role.BILLING_NAME})
    public String linesCsv(UsagePeriod period, Caller by, String sourceIp) {
        List<Invoice> invoices = ledger.ofPeriod(period);
        looked(invoices, "billing.invoice-lines-exported", by, sourceIp, Map.of("period", period.toString()));
        StringBuilder csv = new StringBuilder(Invoice.CSV_HEADER).append('\n');
        for (Invoice invoice : invoices) {
            invoice.csvRows(organizationName(invoice.tenant())).forEach(row -> csv.append(row).append('\n'));
        }
        return csv.toString();
    }

    /** Computes the invoice's month again and compares the bytes. */
    @RolesAllowed({Role.PLATFORM_ADMIN_NAME, Role.BILLING_NAME})
    public Verification verify(UUID id, Caller by, String sourceIp) {
        Invoice invoice = get(id, by, sourceIp);
        if (invoice.kind() != Invoice.Kind.INVOICE) {
            throw ProblemException.badRequest("only an invoice is computed from usage; a credit note negates one");
        }
        String recomputed = ledger.recompute(new TenantId(invoice.tenant()), invoice.period(), invoice.taxRate()).stream()
                .filter(d -> d.currency().equals(invoice.currency())).findFirst().map(InvoiceDraft::csvSha256).orElse("");
        return new Verification(invoice.number(), recomputed.equals(invoice.csvSha256()), invoice.csvSha256(), recomputed);
    }

    /** Corrects an invoice with a credit note for the whole of it (an invoice is credited once). */
    @RolesAllowed(Role.PLATFORM_ADMIN_NAME)
    public Invoice credit(UUID id, String reason, Caller by, String sourceIp) {
        if (reason == null || reason.isBlank() || reason.strip().length() > 500) {
            throw ProblemException.badRequest("reason: 1 to 500 characters saying why the invoice is corrected");
        }
        Invoice invoice = ledger.find(id).orElseThrow(() -> ProblemException.notFound("invoice " + id));
        if (invoice.kind() != Invoice.Kind.INVOICE) {
            throw ProblemException.badRequest("a credit note is not credited again");
        }
        if (ledger.of(new TenantId(invoice.tenant()), invoice.period()).stream().anyMatch(i -> id.equals(i.corrects()))) {
            throw ProblemException.conflict("invoice " + invoice.number() + " already has a credit note");
        }
        Invoice note;
        try {
            note = ledger.credit(invoice, reason.strip());
        } catch (jakarta.persistence.PersistenceException e) {
            // Lost a race with a credit note of the same invoice: the unique index decides.
            if (io.fincopilot.persistence.Constraints.isUniqueViolation(e, "invoices_credited_once")
                    || io.fincopilot.persistence.Constraints.isUniqueViolation(e, "invoices_number_key")) {
                throw ProblemException.conflict("invoice " + invoice.number() + " already has a credit note");
            }
            throw e;
        }
        audit.record(invoice.tenant(), new Act(by.actor(), by.kind().name().toLowerCase(Locale.ROOT), "invoice.credited",
                "invoice:" + invoice.number(), sourceIp, Act.Outcome.SUCCESS, Map.of("creditNote", note.number(),
                        "reason", note.reason())));
        return note;
    }

    /** The organization's own invoices and credit notes, newest first. */
    @RolesAllowed(Permission.USAGE_READ_NAME)
    public List<Invoice> own(TenantId tenant) {
        return ledger.ofTenant(tenant, 120);
    }

    /** One of the organization's own; another's is not found, as if it did not exist. */
    @RolesAllowed(Permission.USAGE_READ_NAME)
    public Invoice ownOne(TenantId tenant, UUID id) {
        return ledger.find(id).filter(i -> i.tenant().equals(tenant.value()))
                .orElseThrow(() -> ProblemException.notFound("invoice " + id));
    }

    /** The invoice as CSV, with its organization's name. */
    @RolesAllowed({Role.PLATFORM_ADMIN_NAME, Role.BILLING_NAME, Permission.USAGE_READ_NAME})
    public String csv(Invoice invoice) {
        return invoice.csv(organizationName(invoice.tenant()));
    }

    /** The invoice as a PDF a finance department files. */
    @RolesAllowed({Role.PLATFORM_ADMIN_NAME, Role.BILLING_NAME, Permission.USAGE_READ_NAME})
    public byte[] pdf(Invoice invoice) {
        return InvoicePdf.render(invoice, organizationName(invoice.tenant()));
    }

    private String organizationName(UUID tenant) {
        List<?> names = em.createNativeQuery("select name from organizations where id = ?1").setParameter(1, tenant).getResultList();
        return names.isEmpty() ? tenant.toString() : (String) names.get(0);
    }

    private void looked(List<Invoice> invoices, String action, Caller by, String sourceIp, Map<String, String> details) {
        looked(invoices, action, by, sourceIp, details, audit::record);
    }

    private void looked(List<Invoice> invoices, String action, Caller by, String sourceIp, Map<String, String> details,
            java.util.function.BiConsumer<UUID, Act> record) {
        Set<UUID> tenants = new LinkedHashSet<>();
        invoices.forEach(i -> tenants.add(i.tenant()));
        Set<UUID> existing = io.fincopilot.tenancy.control.ExistingOrganizations.among(em, tenants);
        for (UUID tenant : tenants) {
            // An erased organization's kept invoices (decision 76): its chain is gone, the platform's records the look.
            record.accept(existing.contains(tenant) ? tenant : AuditEvent.PLATFORM_CHAIN, new Act(by.actor(), by.kind().name().toLowerCase(Locale.ROOT), action, "organization:" + tenant,
                    sourceIp, Act.Outcome.SUCCESS, details));
        }
    }
}
