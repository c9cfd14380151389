package io.fincopilot.st;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

/** The platform staff's organizations API: who may use it, and what a bad request gets. */
class AdminApiIT {

    private final Stack stack = Stack.get();

    @Test
    void aPlatformAdminCreatesAnOrganizationAndSeesItListed() {
        String admin = stack.accessToken(stack.env("DEMO_PLATFORM_ADMIN"));
        String slug = Tenants.unique("st");
        HttpResponse<String> created = stack.postJson("/admin/api/v1/organizations", admin, organization(slug, "starter"));
        assertEquals(201, created.statusCode(), created.body());
        JsonObject organization = Stack.json(created).asJsonObject().getJsonObject("organization");
        assertEquals("admin@" + slug, Stack.json(created).asJsonObject().getJsonObject("initialAdmin").getString("username"));
        assertEquals(slug, organization.getString("slug"));
        assertEquals("active", organization.getString("status"));
        assertTrue(created.headers().firstValue("Location").orElse("").endsWith(organization.getString("id")));

        HttpResponse<String> list = stack.get("/admin/api/v1/organizations", admin);
        assertEquals(200, list.statusCode());
        assertTrue(list.body().contains(organization.getString("id")));

        HttpResponse<String> again = stack.postJson("/admin/api/v1/organizations", admin, organization(slug, "starter"));
        assertEquals(409, again.statusCode(), again.body());
    }

    @Test
    void aMalformedOrganizationGets400NamingTheFields() {
        String admin = stack.accessToken(stack.env("DEMO_PLATFORM_ADMIN"));
        HttpResponse<String> response = stack.postJson("/admin/api/v1/organizations", admin,
                "{\"slug\":\"Not A Slug\",\"name\":\"\",\"plan\":\"gold\"}");
        assertEquals(400, response.statusCode(), response.body());
        assertTrue(response.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json"));
        String body = response.body();
        assertTrue(body.contains("slug") && body.contains("name") && body.contains("admin"), body);
        HttpResponse<String> unknownPlan = stack.postJson("/admin/api/v1/organizations", admin,
                organization(Tenants.unique("plan"), "gold"));
        assertEquals(400, unknownPlan.statusCode(), unknownPlan.body());
        assertTrue(unknownPlan.body().contains("gold"), unknownPlan.body());

        HttpResponse<String> notJson = stack.postJson("/admin/api/v1/organizations", admin, "{not json");
        assertEquals(400, notJson.statusCode(), notJson.body());
    }

    private static String organization(String slug, String plan) {
        return "{\"slug\":\"" + slug + "\",\"name\":\"System Test " + slug + "\",\"plan\":\"" + plan
                + "\",\"admin\":{\"username\":\"admin\",\"email\":\"" + slug
                + "@admin-api.test\",\"firstName\":\"Sys\",\"lastName\":\"Test\"}}";
    }

    @Test
    void aTenantAdminMayNotUseTheAdminApi() {
        String tenantAdmin = stack.accessToken(stack.env("DEMO_TENANT_ADMIN"));
        HttpResponse<String> list = stack.get("/admin/api/v1/organizations", tenantAdmin);
        assertEquals(403, list.statusCode(), list.body());
        HttpResponse<String> create = stack.postJson("/admin/api/v1/organizations", tenantAdmin,
                "{\"slug\":\"sneaky\",\"name\":\"Sneaky\",\"plan\":\"free\"}");
        assertEquals(403, create.statusCode(), create.body());
        assertEquals(401, stack.get("/admin/api/v1/organizations", null).statusCode());
    }
}
