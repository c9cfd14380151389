package io.fincopilot.billing.control;

import io.fincopilot.audit.boundary.AuditTrail;
import io.fincopilot.audit.entity.Act;
import io.fincopilot.billing.entity.Invoice;
import io.fincopilot.billing.entity.InvoiceDraft;
import io.fincopilot.billing.entity.PlanTerms;
import io.fincopilot.billing.entity.UsagePeriod;
import io.fincopilot.persistence.NativeValues;
import io.fincopilot.tenancy.entity.TenantId;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.sql.Date;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Invoices in PostgreSQL (decision 72): a month is closed for an organization once, under its usage
 * lock taken exclusive (usage events take it shared), so every event is either in the invoice or
 * billed in the next month; the invoice and its lines are then final.
 */
@ApplicationScoped
public class InvoiceLedger {

    private static final String HEADER_COLUMNS = "id, tenant_id, period, kind, number, currency, subtotal, tax_rate, tax, total, "
            + "corrects, reason, issued_at, csv_sha256";

    @PersistenceContext(unitName = "fincopilot")
    EntityManager em;

    @Inject
    UsageRecords records;

    @Inject
    AuditTrail audit;

    /** Closes the month for the organization, unless it already is: answers its invoices (none for a month it had no plan in). */
    @Transactional(TxType.REQUIRES_NEW)
    public List<Invoice> close(TenantId tenant, UsagePeriod period, BigDecimal taxRate) {
        em.createNativeQuery("select pg_advisory_xact_lock(hashtextextended('usage:' || ?1, 0))")
                .setParameter(1, tenant.value().toString()).getSingleResult();
        List<Invoice> issued = of(tenant, period);
        if (!issued.isEmpty()) {
            return issued;
        }
        Instant now = Instant.now();
        List<Invoice> invoices = new ArrayList<>();
        for (InvoiceDraft draft : InvoiceCalculator.compute(period, segments(tenant, period), taxRate)) {
            invoices.add(insert(tenant, draft, Invoice.Kind.INVOICE, null, null, now));
        }
        for (Invoice invoice : invoices) {
            audit.record(tenant.value(), new Act("billing", "system", "invoice.issued", "invoice:" + invoice.number(), null,
                    Act.Outcome.SUCCESS, Map.of("period", period.toString(), "total", invoice.total().toPlainString() + " "
                            + invoice.currency())));
        }
        return invoices;
    }

    /** The month computed again from what is stored now, for comparison with what was issued. */
    @Transactional(TxType.SUPPORTS)
    public List<InvoiceDraft> recompute(TenantId tenant, UsagePeriod period, BigDecimal taxRate) {
        return InvoiceCalculator.compute(period, segments(tenant, period), taxRate);
    }

    /** A credit note for the whole of an invoice: every line and total negated; in the caller's transaction, with its audit. */
    @Transactional(TxType.MANDATORY)
    public Invoice credit(Invoice invoice, String reason) {
        List<InvoiceDraft.Line> negated = invoice.lines().stream().map(l -> new InvoiceDraft.Line(l.plan(), l.description(),
                l.quantity(), l.unit(), l.unitPrice(), l.amount().negate())).toList();
        InvoiceDraft draft = new InvoiceDraft(invoice.period(), invoice.currency(), negated, invoice.subtotal().negate(),
                invoice.taxRate(), invoice.tax().negate(), invoice.total().negate());
        return insert(new TenantId(invoice.tenant()), draft, Invoice.Kind.CREDIT_NOTE, invoice.id(), reason, Instant.now());
    }

    /** The organization's invoices and credit notes of a month, in the order they were issued. */
    @Transactional(TxType.SUPPORTS)
    public List<Invoice> of(TenantId tenant, UsagePeriod period) {
        return read("where tenant_id = ?1 and period = ?2 order by issued_at, number", tenant.value(), Date.valueOf(period.firstDay()));
    }

    @Transactional(TxType.SUPPORTS)
    public List<Invoice> ofTenant(TenantId tenant, int limit) {
        return read("where tenant_id = ?1 order by period desc, issued_at desc limit " + limit, tenant.value(), null);
    }

    @Transactional(TxType.SUPPORTS)
    public List<Invoice> ofPeriod(UsagePeriod period) {
        return read("where period = ?2 order by tenant_id, issued_at, number", null, Date.valueOf(period.firstDay()));
    }

    @Transactional(TxType.SUPPORTS)
    public Optional<Invoice> find(UUID id) {
        return read("where id = ?3", null, null, id).stream().findFirst();
    }

    private Invoice insert(TenantId tenant, InvoiceDraft draft, Invoice.Kind kind, UUID corrects, String reason, Instant now) {
        UUID id = UUID.randomUUID();
        // Per organization, month and currency (one invoice each); a credit note's names the invoice's.
        String invoiceNumber = "FC-" + draft.period().month().toString().replace("-", "") + "-"
                + tenant.value().toString().replace("-", "").substring(0, 12) + "-" + draft.currency();
        String number = kind == Invoice.Kind.INVOICE ? invoiceNumber : "CN-" + invoiceNumber;
        em.createNativeQuery("insert into invoices (" + HEADER_COLUMNS + ") values (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, "
                + "?12, ?13, ?14)").setParameter(1, id).setParameter(2, tenant.value())
                .setParameter(3, Date.valueOf(draft.period().firstDay())).setParameter(4, kind.name()).setParameter(5, number)
                .setParameter(6, draft.currency()).setParameter(7, draft.subtotal()).setParameter(8, draft.taxRate())
                .setParameter(9, draft.tax()).setParameter(10, draft.total()).setParameter(11, corrects).setParameter(12, reason)
                .setParameter(13, NativeValues.timestamptz(now)).setParameter(14, draft.csvSha256()).executeUpdate();
        List<InvoiceDraft.Line> lines = draft.lines();
        for (int i = 0; i < lines.size(); i++) {
            InvoiceDraft.Line line = lines.get(i);
            em.createNativeQuery("insert into invoice_lines (invoice_id, line, plan, description, quantity, unit, unit_price, amount) "
                    + "values (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)").setParameter(1, id).setParameter(2, i + 1)
                    .setParameter(3, line.plan()).setParameter(4, line.description()).setParameter(5, line.quantity())
                    .setParameter(6, line.unit()).setParameter(7, line.unitPrice()).setParameter(8, line.amount()).executeUpdate();
        }
        return new Invoice(id, tenant.value(), draft.period(), kind, number, draft.currency(), draft.subtotal(), draft.taxRate(),
                draft.tax(), draft.total(), corrects, reason, now, draft.csvSha256(), lines);
    }

    private List<Invoice> read(String where, UUID tenant, Date period, UUID... id) {
        var query = em.createNativeQuery("select " + HEADER_COLUMNS + " from invoices " + where);
        if (tenant != null) {
            query.setParameter(1, tenant);
        }
        if (period != null) {
            query.setParameter(2, period);
        }
        if (id.length > 0) {
            query.setParameter(3, id[0]);
        }
        List<?> rows = query.getResultList();
        if (rows.isEmpty()) {
            return List.of();
        }
        List<UUID> ids = rows.stream().map(r -> NativeValues.uuid(((Object[]) r)[0])).toList();
        Map<UUID, List<InvoiceDraft.Line>> lines = lines(ids);
        // Amounts come back at the column's scale; the currency's is the one they were issued at.
        return rows.stream().map(r -> (Object[]) r).map(row -> {
            UUID invoice = NativeValues.uuid(row[0]);
            String currency = ((String) row[5]).strip();
            int minor = InvoiceCalculator.minorDigits(currency);
            List<InvoiceDraft.Line> own = lines.getOrDefault(invoice, List.of()).stream().map(l -> new InvoiceDraft.Line(l.plan(),
                    l.description(), l.quantity(), l.unit(), l.unitPrice(), l.amount().setScale(minor))).toList();
            return new Invoice(invoice, NativeValues.uuid(row[1]), UsagePeriod.of(UsageRecords.day(row[2]).atStartOfDay(ZoneOffset.UTC).toInstant()),
                    Invoice.Kind.valueOf((String) row[3]), (String) row[4], currency, ((BigDecimal) row[6]).setScale(minor),
                    (BigDecimal) row[7], ((BigDecimal) row[8]).setScale(minor), ((BigDecimal) row[9]).setScale(minor),
                    row[10] == null ? null : NativeValues.uuid(row[10]), (String) row[11], NativeValues.instant(row[12]),
                    ((String) row[13]).strip(), own);
        }).toList();
    }

    private Map<UUID, List<InvoiceDraft.Line>> lines(List<UUID> invoices) {
        String ids = invoices.stream().map(UUID::toString).collect(Collectors.joining(",", "{", "}"));
        List<?> rows = em.createNativeQuery("select invoice_id, plan, description, quantity, unit, unit_price, amount "
                + "from invoice_lines where invoice_id = any(cast(?1 as uuid[])) order by invoice_id, line").setParameter(1, ids)
                .getResultList();
        Map<UUID, List<InvoiceDraft.Line>> lines = new HashMap<>();
        for (Object r : rows) {
            Object[] row = (Object[]) r;
            lines.computeIfAbsent(NativeValues.uuid(row[0]), k -> new ArrayList<>()).add(new InvoiceDraft.Line((String) row[1],
                    (String) row[2], (BigDecimal) row[3], (String) row[4], (BigDecimal) row[5], (BigDecimal) row[6]));
        }
        return lines;
    }

    /**
     * The month's runs of days on one plan revision, with what was used on them. A plan change
     * applies from the day it was made (the last change of a day wins); so does a revision of the
     * plan's terms. An event is counted on its day, or on the month's first day if it was billed
     * late into this month.
     */
    List<InvoiceCalculator.Segment> segments(TenantId tenant, UsagePeriod period) {
        LocalDate first = period.firstDay();
        LocalDate end = first.plusMonths(1);
        TreeMap<LocalDate, String> plans = new TreeMap<>();
        for (Object r : em.createNativeQuery("select valid_from, plan from plan_assignments where tenant_id = ?1 "
                + "and valid_from < ?2 order by valid_from").setParameter(1, tenant.value())
                .setParameter(2, NativeValues.timestamptz(period.end())).getResultList()) {
            Object[] row = (Object[]) r;
            LocalDate day = NativeValues.instant(row[0]).atZone(ZoneOffset.UTC).toLocalDate();
            plans.put(day.isBefore(first) ? first : day, (String) row[1]); // null: closed from that day
        }
        if (plans.isEmpty()) {
            return List.of();
        }
        Map<String, TreeMap<LocalDate, PlanTerms>> revisions = new HashMap<>();
        TreeSet<LocalDate> cuts = new TreeSet<>(plans.keySet());
        for (String plan : plans.values().stream().filter(java.util.Objects::nonNull).collect(Collectors.toCollection(TreeSet::new))) {
            TreeMap<LocalDate, PlanTerms> terms = revisions(plan, period);
            revisions.put(plan, terms);
            terms.keySet().stream().filter(d -> d.isAfter(first)).forEach(cuts::add);
        }
        cuts.add(end);
        Map<LocalDate, long[]> daily = dailyUse(tenant, period);
        List<StorageMeter.Held> held = records.held(tenant, first, end);
        List<InvoiceCalculator.Segment> segments = new ArrayList<>();
        LocalDate from = null;
        for (LocalDate cut : cuts) {
            if (from != null && plans.floorEntry(from) != null && plans.floorEntry(from).getValue() != null) {
                String plan = plans.floorEntry(from).getValue();
                Map.Entry<LocalDate, PlanTerms> terms = revisions.get(plan).floorEntry(from);
                if (terms != null) {
                    long pages = 0;
                    long questions = 0;
                    for (Map.Entry<LocalDate, long[]> day : daily.entrySet()) {
                        if (!day.getKey().isBefore(from) && day.getKey().isBefore(cut)) {
                            pages += day.getValue()[0];
                            questions += day.getValue()[1];
                        }
                    }
                    BigInteger byteDays = StorageMeter.byteDays(held, from, cut);
                    segments.add(new InvoiceCalculator.Segment(terms.getValue(), from, cut, pages, questions, byteDays));
                }
            }
            from = cut;
        }
        return merged(segments);
    }

    /**
     * Neighbouring segments of one plan on the same billing terms are one: an edit of a plan's name or
     * limits, or another plan's revision, does not cut what the month includes into shares.
     */
    static List<InvoiceCalculator.Segment> merged(List<InvoiceCalculator.Segment> segments) {
        List<InvoiceCalculator.Segment> merged = new ArrayList<>();
        for (InvoiceCalculator.Segment s : segments) {
            InvoiceCalculator.Segment last = merged.isEmpty() ? null : merged.get(merged.size() - 1);
            if (last != null && last.terms().billsLike(s.terms()) && last.until().equals(s.from())) {
                merged.set(merged.size() - 1, new InvoiceCalculator.Segment(last.terms(), last.from(), s.until(), last.pages() + s.pages(),
                        last.questions() + s.questions(), last.storageByteDays().add(s.storageByteDays())));
            } else {
                merged.add(s);
            }
        }
        return merged;
    }

    /** The plan's terms by the day they applied from (the last revision of a day wins), up to the month's end. */
    private TreeMap<LocalDate, PlanTerms> revisions(String plan, UsagePeriod period) {
        TreeMap<LocalDate, PlanTerms> terms = new TreeMap<>();
        for (Object r : em.createNativeQuery("select valid_from, " + PlanTerms.COLUMNS.replace("p.code", "p.plan")
                + " from plan_revisions p where p.plan = ?1 and p.valid_from < ?2 order by p.revision").setParameter(1, plan)
                .setParameter(2, NativeValues.timestamptz(period.end())).getResultList()) {
            Object[] row = (Object[]) r;
            LocalDate day = NativeValues.instant(row[0]).atZone(ZoneOffset.UTC).toLocalDate();
            terms.put(day.isBefore(period.firstDay()) ? period.firstDay() : day,
                    PlanTerms.of(java.util.Arrays.copyOfRange(row, 1, row.length)));
        }
        return terms;
    }

    /** Pages and questions billed in the month, by day. */
    private Map<LocalDate, long[]> dailyUse(TenantId tenant, UsagePeriod period) {
        Map<LocalDate, long[]> daily = new TreeMap<>();
        for (Object r : em.createNativeQuery("select greatest((occurred_at at time zone 'UTC')::date, billing_month), kind, "
                + "sum(quantity) from usage_events where tenant_id = ?1 and billing_month = ?2 "
                + "and kind in ('PAGES_INGESTED', 'QUESTION_ANSWERED') group by 1, 2").setParameter(1, tenant.value())
                .setParameter(2, Date.valueOf(period.firstDay())).getResultList()) {
            Object[] row = (Object[]) r;
            long[] use = daily.computeIfAbsent(UsageRecords.day(row[0]), d -> new long[2]);
            use["PAGES_INGESTED".equals(row[1]) ? 0 : 1] += ((Number) row[2]).longValue();
        }
        return daily;
    }
}
