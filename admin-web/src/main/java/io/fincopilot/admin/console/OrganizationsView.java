package io.fincopilot.admin.console;

import io.fincopilot.admin.api.OrganizationsResource;
import io.fincopilot.billing.boundary.Plans;
import io.fincopilot.billing.entity.PlanTerms;
import io.fincopilot.documents.boundary.DocumentDetails;
import io.fincopilot.documents.boundary.Documents;
import io.fincopilot.platform.console.ConsoleActions;
import io.fincopilot.privacy.boundary.Erasures;
import io.fincopilot.security.CallerContext;
import io.fincopilot.security.Role;
import io.fincopilot.tenancy.boundary.NewOrganization;
import io.fincopilot.tenancy.boundary.NewPerson;
import io.fincopilot.tenancy.boundary.Organizations;
import io.fincopilot.tenancy.boundary.PlanChoice;
import io.fincopilot.tenancy.entity.Organization;
import io.fincopilot.tenancy.entity.TenantId;
import jakarta.annotation.PostConstruct;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.validation.Validator;
import java.io.Serializable;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/** The admin console's organizations: the table, the create form, suspend, resume and close. */
@Named
@ViewScoped
public class OrganizationsView implements Serializable {

    @Inject
    transient Organizations organizations;

    @Inject
    transient CallerContext callers;

    @Inject
    transient Validator validator;

    @Inject
    transient Documents documents;

    @Inject
    transient Erasures erasures;

    @Inject
    transient Plans plans;

    private List<Organization> rows;
    private final Map<TenantId, String> planOf = new HashMap<>();
    private List<String> planCodes;
    private String slug;
    private String name;
    private String plan = "starter";
    private String adminUsername;
    private String adminEmail;
    private String adminFirstName;
    private String adminLastName;
    private String temporaryPassword;
    private String createdAdmin;
    private String failedOf;
    private List<OrganizationsResource.FailedDocumentView> failed = List.of();

    @PostConstruct
    void load() {
        rows = organizations.all();
        planOf.clear();
        rows.forEach(o -> planOf.put(o.id(), o.plan()));
    }

    /** The service decides who may; the page only hides what the role cannot use. */
    public void create() {
        temporaryPassword = null;
        NewOrganization request = new NewOrganization(slug, name, plan,
                new NewPerson(adminUsername, adminEmail, adminFirstName, adminLastName, Role.TENANT_ADMIN.claim()));
        if (!ConsoleActions.valid(validator, request, "The organization was not created")) {
            return;
        }
        Organizations.Created created = ConsoleActions.run(() -> organizations.create(request, callers.require(), callers.sourceIp()));
        if (created != null) {
            temporaryPassword = created.adminTemporaryPassword();
            createdAdmin = created.adminUsername();
            ConsoleActions.info("Organization created", created.organization().name()
                    + " exists in FinCopilot and Keycloak");
            slug = name = adminUsername = adminEmail = adminFirstName = adminLastName = null;
            rows = organizations.all();
        }
    }

    public void suspend(TenantId id) {
        change(() -> organizations.suspend(id, callers.require(), callers.sourceIp()));
    }

    public void resume(TenantId id) {
        change(() -> organizations.resume(id, callers.require(), callers.sourceIp()));
    }

    public void close(TenantId id) {
        change(() -> organizations.close(id, callers.require(), callers.sourceIp()));
    }

    /** Starts the erasure of a closed organization (decision 76); the Erasures page follows it. */
    public void erase(TenantId id) {
        temporaryPassword = null;
        Erasures.Erasure started = ConsoleActions.run(() -> erasures.eraseOrganization(id, callers.require(), callers.sourceIp()));
        if (started != null) {
            ConsoleActions.info("Erasure started", "the organization is being erased; the Erasures page shows its report");
        }
        rows = organizations.all();
    }

    private void change(Supplier<Organization> action) {
        temporaryPassword = null;
        Organization changed = ConsoleActions.run(action);
        if (changed != null) {
            ConsoleActions.info("Status changed", changed.name() + " is now "
                    + changed.status().name().toLowerCase());
        }
        rows = organizations.all();
    }

    /** Support's look at an organization's failed documents (what and why, never the content); audited. */
    public void showFailed(TenantId id) {
        List<DocumentDetails> found = ConsoleActions.run(() -> documents.failedFor(id, callers.require(), callers.sourceIp()));
        failed = found == null ? List.of() : found.stream().map(OrganizationsResource.FailedDocumentView::of).toList();
        failedOf = rows.stream().filter(o -> o.id().equals(id)).map(Organization::name).findFirst().orElse("");
    }

    public String getFailedOf() {
        return failedOf;
    }

    public List<OrganizationsResource.FailedDocumentView> getFailed() {
        return failed;
    }

    public boolean isPlatformAdmin() {
        return callers.require().has(Role.PLATFORM_ADMIN);
    }

    /** Support and platform admins suspend and resume; billing only looks. */
    public boolean isSupervisor() {
        return isPlatformAdmin() || callers.require().has(Role.SUPPORT);
    }

    public boolean isAuditor() {
        return isPlatformAdmin() || callers.require().has(Role.SUPPORT);
    }

    /** Billing and platform admins read plans. */
    public boolean isPlanReader() {
        return isPlatformAdmin() || callers.require().has(Role.BILLING);
    }

    /** The plans an organization may be put on (only platform admins choose one). */
    public List<String> getPlans() {
        if (planCodes == null) {
            planCodes = isPlatformAdmin() ? plans.all().stream().map(PlanTerms::code).toList() : List.of();
        }
        return planCodes;
    }

    /** The plan chosen in each row's menu, by organization. */
    public Map<TenantId, String> getPlanOf() {
        return planOf;
    }

    /** Moves an organization to the plan chosen in its row (audited on its chain). */
    public void changePlan(TenantId id) {
        String chosen = planOf.get(id);
        Organization changed = ConsoleActions.run(() -> organizations.changePlan(id, new PlanChoice(chosen), callers.require(),
                callers.sourceIp()));
        if (changed != null) {
            ConsoleActions.info("Plan changed", changed.name() + " is now on " + changed.plan()
                    + " from its next request");
        }
        load();
    }

    public List<Organization> getRows() {
        return rows;
    }

    public String getSlug() {
        return slug;
    }

    public void setSlug(String slug) {
        this.slug = slug;
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public String getPlan() {
        return plan;
    }

    public void setPlan(String plan) {
        this.plan = plan;
    }

    public String getAdminUsername() {
        return adminUsername;
    }

    public void setAdminUsername(String adminUsername) {
        this.adminUsername = adminUsername;
    }

    public String getAdminEmail() {
        return adminEmail;
    }

    public void setAdminEmail(String adminEmail) {
        this.adminEmail = adminEmail;
    }

    public String getAdminFirstName() {
        return adminFirstName;
    }

    public void setAdminFirstName(String adminFirstName) {
        this.adminFirstName = adminFirstName;
    }

    public String getAdminLastName() {
        return adminLastName;
    }

    public void setAdminLastName(String adminLastName) {
        this.adminLastName = adminLastName;
    }

    public String getTemporaryPassword() {
        return temporaryPassword;
    }

    public String getCreatedAdmin() {
        return createdAdmin;
    }
}
