package io.fincopilot.st;

import static io.fincopilot.st.Api.ok;
import static io.fincopilot.st.Api.refused;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fincopilot.client.model.AuditEvent;
import io.fincopilot.client.model.Me;
import io.fincopilot.client.model.OrganizationView;
import io.fincopilot.client.model.Problem;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Organization lifecycle: provisioning in Keycloak, nothing left behind on failure, suspend, resume, close. */
class OrganizationsIT {

    private static final Stack STACK = Stack.get();
    private static final KeycloakAdmin KEYCLOAK = new KeycloakAdmin(STACK);

    @Test
    void creatingAnOrganizationProvisionsItsGroupAndFirstAdmin() {
        Tenants.Tenant tenant = Tenants.create("prov");
        assertTrue(KEYCLOAK.groupExists("tenant-" + tenant.slug()));
        assertTrue(KEYCLOAK.userId(tenant.admin()) != null);
        Me me = ok(() -> tenant.asAdmin().me().getMe());
        assertEquals(List.of("tenant-admin"), me.getRoles());
        assertEquals(tenant.id(), me.getTenant().getId());
    }

    @Test
    void aFailureHalfWayLeavesNothingBehind() {
        String slug = Tenants.unique("halfway");
        // Keycloak's user profile refuses '$' in a name: the account fails after the group was made.
        Problem problem = refused(400, () -> Tenants.platformAdmin().organizations().createOrganization(
                Tenants.organization(slug, "free").admin(Tenants.person("admin", "admin@" + slug + ".test").firstName("H$"))));
        assertTrue(problem.getDetail().contains("firstName"), problem.getDetail());
        assertTrue(ok(() -> Tenants.platformAdmin().organizations().listOrganizations()).stream()
                .noneMatch(o -> o.getSlug().equals(slug)), "no row in PostgreSQL");
        assertFalse(KEYCLOAK.groupExists("tenant-" + slug), "no group in Keycloak");
        assertNull(KEYCLOAK.userId("admin@" + slug), "no account in Keycloak");
    }

    @Test
    void aSuspendedTenantsPeopleAndKeysAreRefusedUntilResumed() {
        Tenants.Tenant tenant = Tenants.create("susp");
        String token = tenant.adminToken();
        String key = Tenants.key(token, "ask");
        Api staff = Tenants.platformAdmin();
        OrganizationView suspended = ok(() -> staff.organizations().suspendOrganization(tenant.id()));
        assertEquals(OrganizationView.StatusEnum.SUSPENDED, suspended.getStatus());
        for (String credential : List.of(token, key)) {
            Problem refusal = refused(403, () -> Api.as(credential).me().getMe());
            assertEquals("tenant-suspended", Api.type(refusal));
            assertTrue(refusal.getDetail().contains(tenant.slug()), refusal.getDetail());
        }
        refused(409, () -> staff.organizations().suspendOrganization(tenant.id())); // suspending twice
        ok(() -> staff.organizations().resumeOrganization(tenant.id()));
        ok(() -> Api.as(token).me().getMe());
        ok(() -> Api.as(key).me().getMe());
        Set<String> actions = ok(() -> Api.as(token).audit().listAuditEvents(null, null, null, null, null, null)).stream()
                .map(AuditEvent::getAction).collect(Collectors.toSet());
        assertTrue(actions.containsAll(Set.of("organization.suspended", "organization.resumed")), actions.toString());
    }

    @Test
    void closingRevokesKeysAndDisablesAccountsButKeepsTheData() {
        Tenants.Tenant tenant = Tenants.create("close");
        String key = Tenants.key(tenant.adminToken(), "ask");
        Api staff = Tenants.platformAdmin();
        ok(() -> staff.organizations().closeOrganization(tenant.id()));
        String type = Api.type(refused(() -> Api.as(key).me().getMe()));
        assertTrue(type.equals("key-revoked") || type.equals("tenant-closed"), type);
        refused(403, () -> staff.keys().listKeys());
        assertEquals(OrganizationView.StatusEnum.CLOSED, ok(() -> staff.organizations().getOrganization(tenant.id())).getStatus());
        refused(409, () -> staff.organizations().resumeOrganization(tenant.id()));
        int login = STACK.passwordGrantStatus(tenant.admin(), tenant.password());
        assertTrue(login == 400 || login == 401, "the account is disabled: " + login);
    }

    @Test
    void unknownOrganizationsAre404() {
        Api staff = Tenants.platformAdmin();
        refused(404, () -> staff.organizations().getOrganization(UUID.randomUUID()));
        refused(404, () -> staff.organizations().suspendOrganization(UUID.randomUUID()));
    }
}
