package io.fincopilot.st;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

/** Organization lifecycle: provisioning in Keycloak, nothing left behind on failure, suspend, resume, close. */
class OrganizationsIT {

    private static final Stack STACK = Stack.get();
    private static final KeycloakAdmin KEYCLOAK = new KeycloakAdmin(STACK);

    private static String platformAdmin() {
        return STACK.accessToken(STACK.env("DEMO_PLATFORM_ADMIN"));
    }

    @Test
    void creatingAnOrganizationProvisionsItsGroupAndFirstAdmin() {
        Tenants.Tenant tenant = Tenants.create("prov");
        assertTrue(KEYCLOAK.groupExists("tenant-" + tenant.slug()));
        assertTrue(KEYCLOAK.userId(tenant.admin()) != null);
        String me = STACK.get("/api/v1/me", tenant.adminToken()).body();
        assertTrue(me.contains("\"tenant-admin\"") && me.contains(tenant.id()), me);
    }

    @Test
    void aFailureHalfWayLeavesNothingBehind() {
        String slug = Tenants.unique("halfway");
        // Keycloak's user profile refuses '$' in a name: the account fails after the group was made.
        HttpResponse<String> response = STACK.postJson("/admin/api/v1/organizations", platformAdmin(),
                "{\"slug\":\"" + slug + "\",\"name\":\"Half way\",\"plan\":\"free\",\"admin\":{\"username\":\"admin\","
                        + "\"email\":\"admin@" + slug + ".test\",\"firstName\":\"H$\",\"lastName\":\"W\"}}");
        assertEquals(400, response.statusCode(), response.body());
        assertTrue(response.body().contains("firstName"), response.body());
        assertFalse(STACK.get("/admin/api/v1/organizations", platformAdmin()).body().contains(slug), "no row in PostgreSQL");
        assertFalse(KEYCLOAK.groupExists("tenant-" + slug), "no group in Keycloak");
        assertNull(KEYCLOAK.userId("admin@" + slug), "no account in Keycloak");
    }

    @Test
    void aSuspendedTenantsPeopleAndKeysAreRefusedUntilResumed() {
        Tenants.Tenant tenant = Tenants.create("susp");
        String token = tenant.adminToken();
        String key = Tenants.key(token, "ask");
        HttpResponse<String> suspended = STACK.postJson("/admin/api/v1/organizations/" + tenant.id() + "/suspend",
                platformAdmin(), null);
        assertEquals(200, suspended.statusCode(), suspended.body());
        for (String credential : new String[] {token, key}) {
            HttpResponse<String> refused = STACK.get("/api/v1/me", credential);
            assertEquals(403, refused.statusCode());
            assertTrue(refused.body().contains("tenant-suspended") && refused.body().contains(tenant.slug()), refused.body());
        }
        assertEquals(409, STACK.postJson("/admin/api/v1/organizations/" + tenant.id() + "/suspend", platformAdmin(), null)
                .statusCode(), "suspending twice is a conflict");
        assertEquals(200, STACK.postJson("/admin/api/v1/organizations/" + tenant.id() + "/resume", platformAdmin(), null)
                .statusCode());
        assertEquals(200, STACK.get("/api/v1/me", token).statusCode());
        assertEquals(200, STACK.get("/api/v1/me", key).statusCode());
        String audit = STACK.get("/api/v1/audit", token).body();
        assertTrue(audit.contains("organization.suspended") && audit.contains("organization.resumed"), audit);
    }

    @Test
    void closingRevokesKeysAndDisablesAccountsButKeepsTheData() {
        Tenants.Tenant tenant = Tenants.create("close");
        String key = Tenants.key(tenant.adminToken(), "ask");
        assertEquals(200, STACK.postJson("/admin/api/v1/organizations/" + tenant.id() + "/close", platformAdmin(), null)
                .statusCode());
        HttpResponse<String> refused = STACK.get("/api/v1/me", key);
        assertTrue(refused.body().contains("key-revoked") || refused.body().contains("tenant-closed"), refused.body());
        assertTrue(STACK.get("/api/v1/keys", platformAdmin()).statusCode() == 403);
        assertTrue(STACK.get("/admin/api/v1/organizations/" + tenant.id(), platformAdmin()).body().contains("closed"));
        assertEquals(409, STACK.postJson("/admin/api/v1/organizations/" + tenant.id() + "/resume", platformAdmin(), null)
                .statusCode());
        int login = STACK.passwordGrantStatus(tenant.admin(), tenant.password());
        assertTrue(login == 400 || login == 401, "the account is disabled: " + login);
    }

    @Test
    void unknownOrganizationsAre404() {
        assertEquals(404, STACK.get("/admin/api/v1/organizations/" + java.util.UUID.randomUUID(), platformAdmin()).statusCode());
        assertEquals(404, STACK.postJson("/admin/api/v1/organizations/" + java.util.UUID.randomUUID() + "/suspend",
                platformAdmin(), null).statusCode());
    }
}
