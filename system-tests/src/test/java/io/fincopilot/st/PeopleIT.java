package io.fincopilot.st;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.net.http.HttpResponse;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** A tenant admin invites people, changes their roles and removes them; each change applies on the next request. */
class PeopleIT {

    private static final Stack STACK = Stack.get();
    private static final KeycloakAdmin KEYCLOAK = new KeycloakAdmin(STACK);
    private static Tenants.Tenant tenant;
    private static String admin;

    @BeforeAll
    static void tenant() {
        tenant = Tenants.create("people");
        admin = tenant.adminToken();
    }

    private record Member(String id, String username, String password) {

        String token() {
            return STACK.passwordGrant(username, password, null).getString("access_token");
        }
    }

    private static Member invite(String role) {
        return invite(admin, Tenants.unique("member"), "pat@people.test", role);
    }

    private static Member invite(String adminToken, String username, String email, String role) {
        HttpResponse<String> invited = STACK.postJson("/api/v1/people", adminToken, "{\"username\":\"" + username
                + "\",\"email\":\"" + email + "\",\"firstName\":\"Pat\",\"lastName\":\"Member\",\"role\":\""
                + role + "\"}");
        assertEquals(201, invited.statusCode(), invited.body());
        JsonObject body = Stack.json(invited).asJsonObject();
        assertTrue(body.getString("temporaryPassword").length() >= 16);
        String login = body.getJsonObject("person").getString("username");
        String password = "Pw-" + UUID.randomUUID();
        KEYCLOAK.setPassword(login, password);
        return new Member(body.getJsonObject("person").getString("id"), login, password);
    }

    @Test
    void twoOrganizationsMayEachHaveTheSamePersonNameAndAddressWithoutLearningOfTheOther() {
        Tenants.Tenant other = Tenants.create("peopletoo");
        String name = Tenants.unique("alice");
        Member theirs = invite(other.adminToken(), name, name + "@shared.test", "viewer");
        Member ours = invite(admin, name, name + "@shared.test", "viewer");
        assertEquals(name + "@" + other.slug(), theirs.username());
        assertEquals(name + "@" + tenant.slug(), ours.username());
        assertTrue(Stack.json(STACK.get("/api/v1/me", ours.token())).asJsonObject().toString().contains(tenant.id()));
        assertTrue(Stack.json(STACK.get("/api/v1/me", theirs.token())).asJsonObject().toString().contains(other.id()));
        assertFalse(STACK.get("/api/v1/people", admin).body().contains(other.slug()), "nothing of the other organization");

        // Within one organization a username is taken, and the answer names only this organization's person.
        HttpResponse<String> again = STACK.postJson("/api/v1/people", admin, "{\"username\":\"" + name
                + "\",\"email\":\"x@people.test\",\"firstName\":\"F\",\"lastName\":\"L\",\"role\":\"viewer\"}");
        assertEquals(409, again.statusCode(), again.body());
        assertFalse(again.body().contains(other.slug()), again.body());
        // A login qualified by another organization's slug cannot be asked for: '@' is not part of a username.
        HttpResponse<String> qualified = STACK.postJson("/api/v1/people", admin, "{\"username\":\"" + theirs.username()
                + "\",\"email\":\"x@people.test\",\"firstName\":\"F\",\"lastName\":\"L\",\"role\":\"viewer\"}");
        assertEquals(400, qualified.statusCode(), qualified.body());
    }

    @Test
    void anInvitedPersonIsInKeycloakWithTheTenantAndRole() {
        Member member = invite("analyst");
        JsonObject me = Stack.json(STACK.get("/api/v1/me", member.token())).asJsonObject();
        assertEquals(tenant.id(), me.getJsonObject("tenant").getString("id"));
        assertEquals("[\"analyst\"]", me.getJsonArray("roles").toString());
        assertTrue(STACK.get("/api/v1/people", admin).body().contains(member.username()));
    }

    @Test
    void aRoleChangeAppliesToTheVeryNextRequestEvenWithAnOldToken() {
        Member member = invite("analyst");
        String token = member.token();
        assertEquals(403, STACK.get("/api/v1/keys", token).statusCode());

        HttpResponse<String> promoted = STACK.call("PATCH", "/api/v1/people/" + member.id(), admin, "{\"role\":\"tenant-admin\"}");
        assertEquals(200, promoted.statusCode(), promoted.body());
        assertEquals(200, STACK.get("/api/v1/keys", token).statusCode(), "the same token now manages keys");

        STACK.call("PATCH", "/api/v1/people/" + member.id(), admin, "{\"role\":\"viewer\"}");
        JsonObject me = Stack.json(STACK.get("/api/v1/me", token)).asJsonObject();
        assertEquals("[\"viewer\"]", me.getJsonArray("roles").toString());
        assertEquals("[\"ask\",\"documents:read\"]", me.getJsonArray("permissions").toString());
        assertEquals(403, STACK.get("/api/v1/keys", token).statusCode());
        JsonObject fresh = Stack.json(STACK.get("/api/v1/me", member.token())).asJsonObject();
        assertEquals("[\"viewer\"]", fresh.getJsonArray("roles").toString(), "Keycloak has the new role too");

        String audit = STACK.get("/api/v1/audit?action=person.role-changed", admin).body();
        assertTrue(audit.contains(member.username()), audit);
    }

    @Test
    void aRemovedPersonIsRefusedAtOnceAndGoneFromKeycloak() {
        Member member = invite("viewer");
        String token = member.token();
        assertEquals(200, STACK.get("/api/v1/me", token).statusCode());
        HttpResponse<String> removed = STACK.call("DELETE", "/api/v1/people/" + member.id(), admin, null);
        assertEquals(200, removed.statusCode(), removed.body());
        HttpResponse<String> after = STACK.get("/api/v1/me", token);
        assertEquals(401, after.statusCode(), after.body());
        assertTrue(after.body().contains("membership-removed"));
        assertNull(KEYCLOAK.userId(member.username()));
        assertFalse(STACK.get("/api/v1/people", admin).body().contains(member.username()));
        assertEquals(404, STACK.get("/api/v1/people/" + member.id(), admin).statusCode());
    }

    @Test
    void parallelFirstRequestsOfANewPersonAllSucceed() throws Exception {
        // A person made in Keycloak directly (not invited here) is first seen by many requests at once.
        KeycloakAdmin keycloak = new KeycloakAdmin(STACK);
        String name = Tenants.unique("direct");
        String username = name + "@" + tenant.slug();
        keycloak.call("POST", "/users", "{\"username\":\"" + username + "\",\"enabled\":true,\"emailVerified\":true,"
                + "\"email\":\"" + name + "@people.test\",\"firstName\":\"D\",\"lastName\":\"Irect\","
                + "\"attributes\":{\"tenant_id\":[\"" + tenant.id() + "\"]}}");
        keycloak.call("POST", "/users/" + keycloak.userId(username) + "/role-mappings/realm",
                "[" + keycloak.call("GET", "/roles/viewer", null).body() + "]");
        String password = "Pw-" + UUID.randomUUID();
        keycloak.setPassword(username, password);
        String token = STACK.passwordGrant(username, password, null).getString("access_token");
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(8);
        java.util.List<java.util.concurrent.Future<Integer>> statuses = new java.util.ArrayList<>();
        for (int i = 0; i < 16; i++) {
            statuses.add(pool.submit(() -> STACK.get("/api/v1/me", token).statusCode()));
        }
        pool.shutdown();
        for (java.util.concurrent.Future<Integer> status : statuses) {
            assertEquals(200, status.get());
        }
        long mirrored = Stack.json(STACK.get("/api/v1/people", admin).body()).asJsonArray().stream()
                .filter(p -> p.asJsonObject().getString("username").equals(username)).count();
        assertEquals(1, mirrored, "one membership row, however many first requests");
    }

    @Test
    void theLastTenantAdminCannotBeDemotedOrRemoved() {
        String adminId = Stack.json(STACK.get("/api/v1/people", admin)).asJsonArray().stream()
                .map(v -> v.asJsonObject()).filter(p -> p.getString("username").equals(tenant.admin()))
                .findFirst().orElseThrow().getString("id");
        assertEquals(409, STACK.call("PATCH", "/api/v1/people/" + adminId, admin, "{\"role\":\"viewer\"}").statusCode());
        assertEquals(409, STACK.call("DELETE", "/api/v1/people/" + adminId, admin, null).statusCode());
    }

    @Test
    void badInvitationsAreRefusedWithReasons() {
        assertEquals(400, STACK.postJson("/api/v1/people", admin, "{\"username\":\"X Y\",\"email\":\"not-mail\","
                + "\"firstName\":\"\",\"lastName\":\"L\",\"role\":\"owner\"}").statusCode());
        HttpResponse<String> taken = STACK.postJson("/api/v1/people", admin, "{\"username\":\"admin\",\"email\":\"other@people.test\",\"firstName\":\"F\",\"lastName\":\"L\",\"role\":\"viewer\"}");
        assertEquals(409, taken.statusCode(), taken.body());
        assertEquals(400, STACK.call("PATCH", "/api/v1/people/" + UUID.randomUUID(), admin, "{\"role\":\"owner\"}").statusCode());
        assertEquals(404, STACK.call("PATCH", "/api/v1/people/" + UUID.randomUUID(), admin, "{\"role\":\"viewer\"}").statusCode());
    }
}
