package io.fincopilot.admin.console;

import io.fincopilot.tenancy.boundary.Organizations;
import io.fincopilot.tenancy.entity.Organization;
import jakarta.annotation.PostConstruct;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;

/** The admin console's table of organizations. */
@Named
@ViewScoped
public class OrganizationsView implements Serializable {

    @Inject
    transient Organizations organizations;

    private List<Organization> rows;

    @PostConstruct
    void load() {
        rows = organizations.all();
    }

    public List<Organization> getRows() {
        return rows;
    }
}
