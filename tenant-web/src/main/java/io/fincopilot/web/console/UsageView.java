package io.fincopilot.web.console;

import io.fincopilot.billing.boundary.InvoiceView;
import io.fincopilot.billing.boundary.Invoices;
import io.fincopilot.billing.boundary.Usage;
import io.fincopilot.billing.entity.Invoice;
import io.fincopilot.platform.console.ConsoleActions;
import io.fincopilot.security.CallerContext;
import io.fincopilot.security.Permission;
import jakarta.annotation.PostConstruct;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import java.io.ByteArrayInputStream;
import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;
import org.primefaces.model.DefaultStreamedContent;
import org.primefaces.model.StreamedContent;

/** The tenant console's usage: this month against the plan's quotas, and twelve months as charts (Chart.js). */
@Named
@ViewScoped
public class UsageView implements Serializable {

    @Inject
    transient Usage usage;

    @Inject
    transient CallerContext callers;

    @Inject
    transient Invoices invoices;

    private Usage.UsageReport report;
    private List<InvoiceView> issued;

    @PostConstruct
    void load() {
        ConsoleActions.require(callers.require(), Permission.USAGE_READ);
        report = usage.of(callers.tenant());
        issued = invoices.own(callers.tenant()).stream().map(InvoiceView::of).toList();
    }

    public List<InvoiceView> getInvoices() {
        return issued;
    }

    /** One of the organization's invoices as PDF. */
    public StreamedContent pdf(UUID id) {
        Invoice invoice = ConsoleActions.run(() -> invoices.ownOne(callers.tenant(), id));
        if (invoice == null) {
            return null;
        }
        byte[] bytes = invoices.pdf(invoice);
        return DefaultStreamedContent.builder().name(invoice.number() + ".pdf").contentType("application/pdf")
                .contentLength((long) bytes.length).stream(() -> new ByteArrayInputStream(bytes)).build();
    }

    /** One of the organization's invoices as CSV. */
    public StreamedContent csv(UUID id) {
        Invoice invoice = ConsoleActions.run(() -> invoices.ownOne(callers.tenant(), id));
        if (invoice == null) {
            return null;
        }
        byte[] bytes = invoices.csv(invoice).getBytes(StandardCharsets.UTF_8);
        return DefaultStreamedContent.builder().name(invoice.number() + ".csv").contentType("text/csv")
                .contentLength((long) bytes.length).stream(() -> new ByteArrayInputStream(bytes)).build();
    }

    public Usage.UsageReport getReport() {
        return report;
    }

    /** How much of a quota is used, 0-100, for its progress bar. */
    public int percent(Usage.QuotaUse quota) {
        if (quota.included() == 0) {
            return quota.used() > 0 ? 100 : 0;
        }
        return (int) Math.min(100, quota.used() * 100 / quota.included());
    }

    /** Pages ingested and questions answered, month by month (a bar chart). */
    public String getActivityChart() {
        return chart("bar", List.of(series("Pages ingested", Usage.MonthUse::pagesIngested, "#3b82f6"),
                series("Questions answered", Usage.MonthUse::questionsAnswered, "#10b981")));
    }

    /** Storage in GB-months, month by month (a line chart). */
    public String getStorageChart() {
        JsonArrayBuilder values = Json.createArrayBuilder();
        report.months().forEach(m -> values.add(new java.math.BigDecimal(m.storageGbMonths())));
        return chart("line", List.of(Json.createObjectBuilder().add("label", "Storage (GB-months)").add("data", values)
                .add("borderColor", "#f59e0b").add("backgroundColor", "#f59e0b")));
    }

    private JsonObjectBuilder series(String label, Function<Usage.MonthUse, Long> value, String colour) {
        JsonArrayBuilder values = Json.createArrayBuilder();
        report.months().forEach(m -> values.add(value.apply(m)));
        return Json.createObjectBuilder().add("label", label).add("data", values).add("backgroundColor", colour);
    }

    private String chart(String type, List<JsonObjectBuilder> series) {
        JsonArrayBuilder labels = Json.createArrayBuilder();
        report.months().forEach(m -> labels.add(m.month()));
        JsonArrayBuilder datasets = Json.createArrayBuilder();
        series.forEach(datasets::add);
        return Json.createObjectBuilder().add("type", type)
                .add("data", Json.createObjectBuilder().add("labels", labels).add("datasets", datasets))
                .add("options", Json.createObjectBuilder().add("responsive", true)
                        .add("scales", Json.createObjectBuilder().add("y", Json.createObjectBuilder().add("beginAtZero", true))))
                .build().toString();
    }
}
