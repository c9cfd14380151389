package io.fincopilot.st;

import static io.fincopilot.st.Api.ok;
import static io.fincopilot.st.Api.refused;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fincopilot.client.ApiResponse;
import io.fincopilot.client.model.InvitedView;
import io.fincopilot.client.model.Me;
import io.fincopilot.client.model.NewPerson;
import io.fincopilot.client.model.PersonView;
import io.fincopilot.client.model.Problem;
import io.fincopilot.client.model.RoleChange;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
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

    private record Member(UUID id, String username, String password) {

        String token() {
            return STACK.passwordGrant(username, password, null).getString("access_token");
        }

        Api api() {
            return Api.as(token());
        }
    }

    private static Member invite(NewPerson.RoleEnum role) {
        return invite(admin, Tenants.unique("member"), "pat@people.test", role);
    }

    private static Member invite(String adminToken, String username, String email, NewPerson.RoleEnum role) {
        ApiResponse<InvitedView> invited = ok(() -> Api.as(adminToken).people()
                .invitePersonWithHttpInfo(Tenants.person(username, email).role(role)));
        assertEquals(201, invited.getStatusCode());
        assertTrue(invited.getData().getTemporaryPassword().length() >= 16);
        PersonView person = invited.getData().getPerson();
        assertTrue(invited.getHeaders().get("Location").get(0).endsWith("/api/v1/people/" + person.getId()));
        String password = "Pw-" + UUID.randomUUID();
        KEYCLOAK.setPassword(person.getUsername(), password);
        return new Member(person.getId(), person.getUsername(), password);
    }

    private static RoleChange role(RoleChange.RoleEnum role) {
        return new RoleChange().role(role);
    }

    @Test
    void twoOrganizationsMayEachHaveTheSamePersonNameAndAddressWithoutLearningOfTheOther() {
        Tenants.Tenant other = Tenants.create("peopletoo");
        String name = Tenants.unique("alice");
        Member theirs = invite(other.adminToken(), name, name + "@shared.test", NewPerson.RoleEnum.VIEWER);
        Member ours = invite(admin, name, name + "@shared.test", NewPerson.RoleEnum.VIEWER);
        assertEquals(name + "@" + other.slug(), theirs.username());
        assertEquals(name + "@" + tenant.slug(), ours.username());
        assertEquals(tenant.id(), ok(() -> ours.api().me().getMe()).getTenant().getId());
        assertEquals(other.id(), ok(() -> theirs.api().me().getMe()).getTenant().getId());
        assertTrue(ok(() -> Api.as(admin).people().listPeople()).stream()
                .noneMatch(p -> p.getUsername().contains(other.slug())), "nothing of the other organization");

        // Within one organization a username is taken, and the answer names only this organization's person.
        Problem again = refused(409, () -> Api.as(admin).people().invitePerson(Tenants.person(name, "x@people.test")));
        assertFalse(again.getDetail().contains(other.slug()), again.getDetail());
        // A login qualified by another organization's slug cannot be asked for: '@' is not part of a username.
        refused(400, () -> Api.as(admin).people().invitePerson(Tenants.person(theirs.username(), "x@people.test")));
    }

    @Test
    void anInvitedPersonIsInKeycloakWithTheTenantAndRole() {
        Member member = invite(NewPerson.RoleEnum.ANALYST);
        Me me = ok(() -> member.api().me().getMe());
        assertEquals(tenant.id(), me.getTenant().getId());
        assertEquals(List.of("analyst"), me.getRoles());
        assertTrue(ok(() -> Api.as(admin).people().listPeople()).stream()
                .anyMatch(p -> p.getUsername().equals(member.username())));
    }

    @Test
    void aRoleChangeAppliesToTheVeryNextRequestEvenWithAnOldToken() {
        Member member = invite(NewPerson.RoleEnum.ANALYST);
        Api old = member.api();
        refused(403, () -> old.keys().listKeys());

        PersonView promoted = ok(() -> Api.as(admin).people().changePersonRole(member.id(), role(RoleChange.RoleEnum.TENANT_ADMIN)));
        assertEquals(PersonView.RoleEnum.TENANT_ADMIN, promoted.getRole());
        ok(() -> old.keys().listKeys()); // the same token now manages keys

        ok(() -> Api.as(admin).people().changePersonRole(member.id(), role(RoleChange.RoleEnum.VIEWER)));
        Me me = ok(() -> old.me().getMe());
        assertEquals(List.of("viewer"), me.getRoles());
        assertEquals(List.of("ask", "documents:read"), me.getPermissions());
        refused(403, () -> old.keys().listKeys());
        assertEquals(List.of("viewer"), ok(() -> member.api().me().getMe()).getRoles(), "Keycloak has the new role too");

        assertTrue(ok(() -> Api.as(admin).audit().listAuditEvents(null, "person.role-changed", null, null, null, null))
                .stream().anyMatch(e -> ("person:p:" + member.id()).equals(e.getTarget())
                        && member.username().equals(e.getTargetName())), "the change is audited, the person by pseudonym");
    }

    @Test
    void aRemovedPersonIsRefusedAtOnceAndGoneFromKeycloak() {
        Member member = invite(NewPerson.RoleEnum.VIEWER);
        Api old = member.api();
        ok(() -> old.me().getMe());
        ok(() -> Api.as(admin).people().removePerson(member.id()));
        assertEquals("membership-removed", Api.type(refused(401, () -> old.me().getMe())));
        assertNull(KEYCLOAK.userId(member.username()));
        assertTrue(ok(() -> Api.as(admin).people().listPeople()).stream()
                .noneMatch(p -> p.getUsername().equals(member.username())));
        refused(404, () -> Api.as(admin).people().getPerson(member.id()));
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
        Api person = Api.as(STACK.passwordGrant(username, password, null).getString("access_token"));
        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<Future<Me>> answers = new ArrayList<>();
        for (int i = 0; i < 16; i++) {
            answers.add(pool.submit(() -> person.me().getMe()));
        }
        pool.shutdown();
        for (Future<Me> answer : answers) {
            assertEquals(username, answer.get().getUsername()); // a refusal fails here, as an ApiException
        }
        long mirrored = ok(() -> Api.as(admin).people().listPeople()).stream()
                .filter(p -> p.getUsername().equals(username)).count();
        assertEquals(1, mirrored, "one membership row, however many first requests");
    }

    @Test
    void theLastTenantAdminCannotBeDemotedOrRemoved() {
        UUID adminId = ok(() -> Api.as(admin).people().listPeople()).stream()
                .filter(p -> p.getUsername().equals(tenant.admin())).findFirst().orElseThrow().getId();
        refused(409, () -> Api.as(admin).people().changePersonRole(adminId, role(RoleChange.RoleEnum.VIEWER)));
        refused(409, () -> Api.as(admin).people().removePerson(adminId));
    }

    @Test
    void badInvitationsAreRefusedWithReasons() {
        Problem invalid = refused(400, () -> Api.as(admin).people().invitePerson(
                new NewPerson().username("X Y").email("not-mail").firstName("").lastName("L")));
        assertTrue(invalid.getErrors().stream().map(e -> e.getField()).toList().containsAll(
                List.of("email", "firstName", "username")), invalid.getErrors().toString());
        refused(409, () -> Api.as(admin).people().invitePerson(Tenants.person("admin", "other@people.test")));
        refused(404, () -> Api.as(admin).people().changePersonRole(UUID.randomUUID(), role(RoleChange.RoleEnum.VIEWER)));
        // Roles outside the contract's enumeration: only a raw request can send them.
        HttpResponse<String> owner = STACK.call("PATCH", "/api/v1/people/" + UUID.randomUUID(), admin, "{\"role\":\"owner\"}");
        assertEquals(400, owner.statusCode(), owner.body());
        assertEquals(400, STACK.postJson("/api/v1/people", admin, "{\"username\":\"xy-z\",\"email\":\"x@people.test\","
                + "\"firstName\":\"F\",\"lastName\":\"L\",\"role\":\"owner\"}").statusCode());
    }
}
