package io.fincopilot.st;

import jakarta.json.JsonArray;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

/** Keycloak's admin REST API as the test stack's bootstrap admin: for set-up and for checking what was provisioned. */
public final class KeycloakAdmin {

    private final Stack stack;

    public KeycloakAdmin(Stack stack) {
        this.stack = stack;
    }

    private String token() {
        String body = "grant_type=password&client_id=admin-cli&username=admin&password="
                + URLEncoder.encode(stack.secret("KEYCLOAK_ADMIN_PASSWORD"), StandardCharsets.UTF_8);
        HttpResponse<String> response = stack.send(HttpRequest.newBuilder(URI.create(stack.env("KEYCLOAK_URL")
                + "/realms/master/protocol/openid-connect/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
        return Stack.json(response).asJsonObject().getString("access_token");
    }

    public HttpResponse<String> call(String method, String path, String json) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(stack.env("KEYCLOAK_URL") + "/admin/realms/"
                + stack.env("KEYCLOAK_REALM") + path))
                .header("Authorization", "Bearer " + token())
                .method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
        if (json != null) {
            request.header("Content-Type", "application/json");
        }
        return stack.send(request);
    }

    public String userId(String username) {
        JsonArray users = Stack.json(call("GET", "/users?exact=true&username=" + username, null)).asJsonArray();
        return users.isEmpty() ? null : users.getJsonObject(0).getString("id");
    }

    /** Gives a person a lasting password, so that tests can log in as them (invitations carry one-time ones). */
    public void setPassword(String username, String password) {
        HttpResponse<String> response = call("PUT", "/users/" + userId(username) + "/reset-password",
                "{\"type\":\"password\",\"value\":\"" + password + "\",\"temporary\":false}");
        if (response.statusCode() != 204) {
            throw new IllegalStateException("could not set the password of " + username + ": " + response.body());
        }
    }

    /** Makes a member of platform staff with the given realm role. */
    public void createStaff(String username, String role, String password) {
        call("POST", "/users", "{\"username\":\"" + username + "\",\"enabled\":true,\"emailVerified\":true,\"email\":\""
                + username + "@staff.test\",\"firstName\":\"Staff\",\"lastName\":\"Member\"}");
        String roleJson = call("GET", "/roles/" + role, null).body();
        call("POST", "/users/" + userId(username) + "/role-mappings/realm", "[" + roleJson + "]");
        setPassword(username, password);
    }

    public boolean groupExists(String name) {
        JsonArray groups = Stack.json(call("GET", "/groups?exact=true&search=" + name, null)).asJsonArray();
        return groups.stream().anyMatch(g -> name.equals(g.asJsonObject().getString("name")));
    }
}
