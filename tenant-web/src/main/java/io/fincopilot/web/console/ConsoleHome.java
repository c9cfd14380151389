package io.fincopilot.web.console;

import io.fincopilot.security.Caller;
import io.fincopilot.security.CallerContext;
import io.fincopilot.security.Role;
import io.fincopilot.tenancy.boundary.Organizations;
import io.fincopilot.tenancy.entity.Organization;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

/** The tenant console's home page: whose console this is, and in which role. */
@Named
@RequestScoped
public class ConsoleHome {

    @Inject
    CallerContext callers;

    @Inject
    Organizations organizations;

    private Caller caller;
    private Organization organization;

    @PostConstruct
    void load() {
        caller = callers.require();
        organization = organizations.ofCaller(caller).orElse(null);
    }

    public String getUsername() {
        return caller.username();
    }

    public boolean isTenantKnown() {
        return organization != null;
    }

    public String getTenantName() {
        return organization == null ? "" : organization.name();
    }

    public String getTenantSlug() {
        return organization == null ? "" : organization.slug().value();
    }

    public String getPlan() {
        return organization == null ? "" : organization.plan();
    }

    public boolean isAdmin() {
        return caller.has(Role.TENANT_ADMIN);
    }

    public boolean isCanSeeUsage() {
        return caller.permissions().contains(io.fincopilot.security.Permission.USAGE_READ);
    }

    public boolean isCanAsk() {
        return caller.permissions().contains(io.fincopilot.security.Permission.ASK);
    }

    public String getRole() {
        return caller.tenantRole().map(Role::claim).orElse("none");
    }
}
