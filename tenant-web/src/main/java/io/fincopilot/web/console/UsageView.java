package io.fincopilot.web.console;

import io.fincopilot.billing.boundary.Usage;
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
import java.io.Serializable;
import java.util.List;
import java.util.function.Function;

/** The tenant console's usage: this month against the plan's quotas, and twelve months as charts (Chart.js). */
@Named
@ViewScoped
public class UsageView implements Serializable {

    @Inject
    transient Usage usage;

    @Inject
    transient CallerContext callers;

    private Usage.UsageReport report;

    @PostConstruct
    void load() {
        ConsoleActions.require(callers.require(), Permission.USAGE_READ);
        report = usage.of(callers.tenant());
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
