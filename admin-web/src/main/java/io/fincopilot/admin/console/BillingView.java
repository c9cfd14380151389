package io.fincopilot.admin.console;

import io.fincopilot.billing.boundary.InvoiceView;
import io.fincopilot.billing.boundary.Invoices;
import io.fincopilot.billing.boundary.Usage;
import io.fincopilot.billing.entity.Invoice;
import io.fincopilot.billing.entity.UsagePeriod;
import io.fincopilot.platform.console.ConsoleActions;
import io.fincopilot.security.CallerContext;
import io.fincopilot.security.Role;
import io.fincopilot.tenancy.boundary.Organizations;
import io.fincopilot.tenancy.entity.Organization;
import io.fincopilot.tenancy.entity.TenantId;
import jakarta.annotation.PostConstruct;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import java.io.ByteArrayInputStream;
import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.primefaces.model.DefaultStreamedContent;
import org.primefaces.model.StreamedContent;

/**
 * The billing console (decision 72): a month's invoices of every organization, one invoice's lines,
 * the month's lines as CSV, an organization's usage with its charts, and, for platform admins,
 * closing an ended month. Every look at an organization's invoices or usage is audited by the
 * services behind it.
 */
@Named
@ViewScoped
public class BillingView implements Serializable {

    @Inject
    transient Invoices invoices;

    @Inject
    transient Usage usage;

    @Inject
    transient Organizations organizations;

    @Inject
    transient CallerContext callers;

    private String period = UsagePeriod.of(Instant.now()).minus(1).toString();
    private List<InvoiceView> rows = List.of();
    private InvoiceView selected;
    private String organization;
    private Usage.UsageReport report;
    private Map<UUID, String> names = Map.of();

    @PostConstruct
    void load() {
        names = organizations.all().stream().collect(Collectors.toMap(o -> o.id().value(), Organization::name));
        search();
    }

    public void search() {
        UsagePeriod month = month();
        if (month == null) {
            return;
        }
        List<Invoice> found = ConsoleActions.run(() -> invoices.ofPeriod(month, null, callers.require(), callers.sourceIp()));
        rows = found == null ? List.of() : found.stream().map(InvoiceView::of).toList();
        selected = null;
    }

    public void show(UUID id) {
        Invoice invoice = ConsoleActions.run(() -> invoices.get(id, callers.require(), callers.sourceIp()));
        selected = invoice == null ? null : InvoiceView.of(invoice);
    }

    /** Platform admins: closes the chosen (ended) month for every organization. */
    public void close() {
        UsagePeriod month = month();
        List<Invoice> issued = month == null ? null
                : ConsoleActions.run(() -> invoices.close(month, callers.require(), callers.sourceIp()));
        if (issued != null) {
            ConsoleActions.info("Month closed", month + ": " + issued.size() + " invoices");
            search();
        }
    }

    public void showUsage() {
        if (organization == null || organization.isBlank()) {
            report = null;
            return;
        }
        report = ConsoleActions.run(() -> usage.ofOrganization(new TenantId(UUID.fromString(organization)), callers.require(),
                callers.sourceIp()));
    }

    public StreamedContent getLinesCsv() {
        UsagePeriod month = month();
        String csv = month == null ? null : ConsoleActions.run(() -> invoices.linesCsv(month, callers.require(), callers.sourceIp()));
        if (csv == null) {
            return null;
        }
        byte[] bytes = csv.getBytes(StandardCharsets.UTF_8);
        return DefaultStreamedContent.builder().name("invoice-lines-" + month + ".csv").contentType("text/csv")
                .contentLength((long) bytes.length).stream(() -> new ByteArrayInputStream(bytes)).build();
    }

    public StreamedContent getSelectedPdf() {
        if (selected == null) {
            return null;
        }
        Invoice invoice = ConsoleActions.run(() -> invoices.get(selected.id(), callers.require(), callers.sourceIp()));
        if (invoice == null) {
            return null;
        }
        byte[] pdf = invoices.pdf(invoice);
        return DefaultStreamedContent.builder().name(invoice.number() + ".pdf").contentType("application/pdf")
                .contentLength((long) pdf.length).stream(() -> new ByteArrayInputStream(pdf)).build();
    }

    /** The organization's pages and questions, month by month (a bar chart, Chart.js). */
    public String getUsageChart() {
        if (report == null) {
            return "{}";
        }
        JsonArrayBuilder labels = Json.createArrayBuilder();
        report.months().forEach(m -> labels.add(m.month()));
        return Json.createObjectBuilder().add("type", "bar").add("data", Json.createObjectBuilder().add("labels", labels)
                .add("datasets", Json.createArrayBuilder()
                        .add(series("Pages ingested", Usage.MonthUse::pagesIngested, "#3b82f6"))
                        .add(series("Questions answered", Usage.MonthUse::questionsAnswered, "#10b981"))))
                .build().toString();
    }

    private jakarta.json.JsonObjectBuilder series(String label, Function<Usage.MonthUse, Long> value, String colour) {
        JsonArrayBuilder values = Json.createArrayBuilder();
        report.months().forEach(m -> values.add(value.apply(m)));
        return Json.createObjectBuilder().add("label", label).add("data", values).add("backgroundColor", colour);
    }

    private UsagePeriod month() {
        return ConsoleActions.run(() -> UsagePeriod.parse(period));
    }

    public String name(UUID organization) {
        return names.getOrDefault(organization, organization.toString());
    }

    public boolean isPlatformAdmin() {
        return callers.require().has(Role.PLATFORM_ADMIN);
    }

    public List<Organization> getOrganizations() {
        return organizations.all();
    }

    public List<InvoiceView> getRows() {
        return rows;
    }

    public InvoiceView getSelected() {
        return selected;
    }

    public Usage.UsageReport getReport() {
        return report;
    }

    public String getPeriod() {
        return period;
    }

    public void setPeriod(String period) {
        this.period = period;
    }

    public String getOrganization() {
        return organization;
    }

    public void setOrganization(String organization) {
        this.organization = organization;
    }
}
