package io.fincopilot.admin.console;

import io.fincopilot.admin.api.PlansResource;
import io.fincopilot.billing.boundary.Plans;
import io.fincopilot.billing.entity.PlanTerms;
import io.fincopilot.platform.console.ConsoleActions;
import io.fincopilot.security.CallerContext;
import io.fincopilot.security.Role;
import jakarta.annotation.PostConstruct;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.math.BigDecimal;
import java.util.List;

/**
 * The admin console's plans (decision 71): everyone who may see them gets the table; platform admins
 * also the form that creates a plan or edits one. The service decides who may; the page only hides
 * what the role cannot use.
 */
@Named
@ViewScoped
public class PlansView implements Serializable {

    @Inject
    transient Plans plans;

    @Inject
    transient CallerContext callers;

    private List<PlansResource.PlanView> rows = List.of();
    /** The plan being edited; null when the form makes a new one. */
    private String editing;
    private String code;
    private String name;
    private String monthlyPrice = "0";
    private String currency = "USD";
    private int rateLimitPerMinute = 300;
    private long maxUploadBytes = 26_214_400;
    private int maxPagesPerDocument = 300;
    private long includedPages;
    private long includedQuestions;
    private String includedStorageGb = "0";
    private String overagePagePrice = "0";
    private String overageQuestionPrice = "0";
    private String overageStorageGbMonthPrice = "0";
    private boolean overageAllowed;

    @PostConstruct
    void load() {
        List<PlanTerms> all = ConsoleActions.run(plans::all);
        rows = all == null ? List.of() : all.stream().map(PlansResource.PlanView::of).toList();
    }

    public boolean isPlatformAdmin() {
        return callers.require().has(Role.PLATFORM_ADMIN);
    }

    /** Fills the form with a plan's terms, to edit them. */
    public void edit(String planCode) {
        PlanTerms plan = ConsoleActions.run(() -> plans.get(planCode));
        if (plan == null) {
            return;
        }
        editing = plan.code();
        code = plan.code();
        name = plan.name();
        monthlyPrice = plan.monthlyPrice().toPlainString();
        currency = plan.currency();
        rateLimitPerMinute = plan.rateLimitPerMinute();
        maxUploadBytes = plan.maxUploadBytes();
        maxPagesPerDocument = plan.maxPagesPerDocument();
        includedPages = plan.includedPages();
        includedQuestions = plan.includedQuestions();
        includedStorageGb = plan.includedStorageGb().toPlainString();
        overagePagePrice = plan.overagePagePrice().toPlainString();
        overageQuestionPrice = plan.overageQuestionPrice().toPlainString();
        overageStorageGbMonthPrice = plan.overageStorageGbMonthPrice().toPlainString();
        overageAllowed = plan.overageAllowed();
    }

    public void newPlan() {
        editing = null;
        code = name = null;
    }

    public void save() {
        PlanTerms terms;
        try {
            terms = new PlanTerms(code, name, decimal(monthlyPrice), currency, rateLimitPerMinute, maxUploadBytes,
                    maxPagesPerDocument, includedPages, includedQuestions, decimal(includedStorageGb), decimal(overagePagePrice),
                    decimal(overageQuestionPrice), decimal(overageStorageGbMonthPrice), overageAllowed);
        } catch (NumberFormatException e) {
            ConsoleActions.error("The plan was not saved", "amounts are decimal numbers such as 49 or 0.0025");
            return;
        }
        PlanTerms saved = ConsoleActions.run(() -> editing == null ? plans.create(terms, callers.require(), callers.sourceIp())
                : plans.update(editing, terms, callers.require(), callers.sourceIp()));
        if (saved != null) {
            ConsoleActions.info(editing == null ? "Plan created" : "Plan saved", saved.name() + " (" + saved.code()
                    + ") applies from each organization's next request");
            edit(saved.code());
            load();
        }
    }

    private static BigDecimal decimal(String value) {
        return value == null || value.isBlank() ? null : new BigDecimal(value.strip());
    }

    public List<PlansResource.PlanView> getRows() {
        return rows;
    }

    public String getEditing() {
        return editing;
    }

    public String getCode() {
        return code;
    }

    public void setCode(String code) {
        this.code = code;
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public String getMonthlyPrice() {
        return monthlyPrice;
    }

    public void setMonthlyPrice(String monthlyPrice) {
        this.monthlyPrice = monthlyPrice;
    }

    public String getCurrency() {
        return currency;
    }

    public void setCurrency(String currency) {
        this.currency = currency;
    }

    public int getRateLimitPerMinute() {
        return rateLimitPerMinute;
    }

    public void setRateLimitPerMinute(int rateLimitPerMinute) {
        this.rateLimitPerMinute = rateLimitPerMinute;
    }

    public long getMaxUploadBytes() {
        return maxUploadBytes;
    }

    public void setMaxUploadBytes(long maxUploadBytes) {
        this.maxUploadBytes = maxUploadBytes;
    }

    public int getMaxPagesPerDocument() {
        return maxPagesPerDocument;
    }

    public void setMaxPagesPerDocument(int maxPagesPerDocument) {
        this.maxPagesPerDocument = maxPagesPerDocument;
    }

    public long getIncludedPages() {
        return includedPages;
    }

    public void setIncludedPages(long includedPages) {
        this.includedPages = includedPages;
    }

    public long getIncludedQuestions() {
        return includedQuestions;
    }

    public void setIncludedQuestions(long includedQuestions) {
        this.includedQuestions = includedQuestions;
    }

    public String getIncludedStorageGb() {
        return includedStorageGb;
    }

    public void setIncludedStorageGb(String includedStorageGb) {
        this.includedStorageGb = includedStorageGb;
    }

    public String getOveragePagePrice() {
        return overagePagePrice;
    }

    public void setOveragePagePrice(String overagePagePrice) {
        this.overagePagePrice = overagePagePrice;
    }

    public String getOverageQuestionPrice() {
        return overageQuestionPrice;
    }

    public void setOverageQuestionPrice(String overageQuestionPrice) {
        this.overageQuestionPrice = overageQuestionPrice;
    }

    public String getOverageStorageGbMonthPrice() {
        return overageStorageGbMonthPrice;
    }

    public void setOverageStorageGbMonthPrice(String overageStorageGbMonthPrice) {
        this.overageStorageGbMonthPrice = overageStorageGbMonthPrice;
    }

    public boolean isOverageAllowed() {
        return overageAllowed;
    }

    public void setOverageAllowed(boolean overageAllowed) {
        this.overageAllowed = overageAllowed;
    }
}
