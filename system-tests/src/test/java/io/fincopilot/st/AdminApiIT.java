package io.fincopilot.st;

import static io.fincopilot.st.Api.ok;
import static io.fincopilot.st.Api.refused;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fincopilot.client.ApiResponse;
import io.fincopilot.client.model.CreatedOrganizationView;
import io.fincopilot.client.model.NewOrganization;
import io.fincopilot.client.model.OrganizationView;
import io.fincopilot.client.model.Problem;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

/** The platform staff's organizations API: who may use it, and what a bad request gets. */
class AdminApiIT {

    private final Stack stack = Stack.get();

    private static NewOrganization organization(String slug, String plan) {
        return Tenants.organization(slug, plan).admin(Tenants.person("admin", slug + "@admin-api.test"));
    }

    @Test
    void aPlatformAdminCreatesAnOrganizationAndSeesItListed() {
        Api admin = Tenants.platformAdmin();
        String slug = Tenants.unique("st");
        ApiResponse<CreatedOrganizationView> created = ok(() -> admin.organizations()
                .createOrganizationWithHttpInfo(organization(slug, "starter")));
        assertEquals(201, created.getStatusCode());
        OrganizationView organization = created.getData().getOrganization();
        assertEquals("admin@" + slug, created.getData().getInitialAdmin().getUsername());
        assertEquals(slug, organization.getSlug());
        assertEquals(OrganizationView.StatusEnum.ACTIVE, organization.getStatus());
        assertTrue(created.getHeaders().get("Location").get(0).endsWith(organization.getId().toString()));

        assertTrue(ok(() -> admin.organizations().listOrganizations()).stream()
                .anyMatch(o -> o.getId().equals(organization.getId())));
        refused(409, () -> admin.organizations().createOrganization(organization(slug, "starter")));
    }

    @Test
    void aMalformedOrganizationGets400NamingTheFields() {
        Api admin = Tenants.platformAdmin();
        Problem problem = refused(400, () -> admin.organizations().createOrganization(
                new NewOrganization().slug("Not A Slug").name("").plan("gold")));
        assertTrue(problem.getErrors().stream().map(e -> e.getField()).toList().containsAll(
                java.util.List.of("slug", "name", "admin")), problem.getErrors().toString());
        Problem unknownPlan = refused(400, () -> admin.organizations().createOrganization(
                organization(Tenants.unique("plan"), "gold")));
        assertTrue(unknownPlan.getDetail().contains("gold"), unknownPlan.getDetail());

        // Not JSON at all: only a raw request sends that.
        HttpResponse<String> notJson = stack.postJson("/admin/api/v1/organizations",
                stack.accessToken(stack.env("DEMO_PLATFORM_ADMIN")), "{not json");
        assertEquals(400, notJson.statusCode(), notJson.body());
    }

    @Test
    void aTenantAdminMayNotUseTheAdminApi() {
        Api tenantAdmin = Api.as(stack.accessToken(stack.env("DEMO_TENANT_ADMIN")));
        refused(403, () -> tenantAdmin.organizations().listOrganizations());
        refused(403, () -> tenantAdmin.organizations().createOrganization(new NewOrganization().slug("sneaky")
                .name("Sneaky").plan("free")));
        refused(401, () -> Api.anonymous().organizations().listOrganizations());
    }
}
