package io.fincopilot.st;

import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.json.JsonObject;
import java.net.http.HttpResponse;
import java.util.UUID;

/** Organizations of their own for tests, made as a platform admin would, with a tenant admin who can log in. */
public final class Tenants {

    public record Tenant(String id, String slug, String admin, String password) {

        public String adminToken() {
            return Stack.get().passwordGrant(admin, password, null).getString("access_token");
        }
    }

    private Tenants() {
    }

    public static String unique(String label) {
        return label + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    public static Tenant create(String label) {
        return create(label, "starter");
    }

    public static Tenant create(String label, String plan) {
        Stack stack = Stack.get();
        String slug = unique(label);
        HttpResponse<String> created = stack.postJson("/admin/api/v1/organizations",
                stack.accessToken(stack.env("DEMO_PLATFORM_ADMIN")),
                "{\"slug\":\"" + slug + "\",\"name\":\"Test " + slug + "\",\"plan\":\"" + plan + "\",\"admin\":{\"username\":\""
                        + "admin\",\"email\":\"admin@" + slug + ".test\",\"firstName\":\"Test\",\"lastName\":\"Admin\"}}");
        assertEquals(201, created.statusCode(), created.body());
        JsonObject body = Stack.json(created).asJsonObject();
        String admin = body.getJsonObject("initialAdmin").getString("username"); // admin@<slug>
        String password = "Pw-" + UUID.randomUUID();
        new KeycloakAdmin(stack).setPassword(admin, password);
        return new Tenant(body.getJsonObject("organization").getString("id"), slug, admin, password);
    }

    /** Creates an API key with the given scopes and answers its secret. */
    public static String key(String adminToken, String... scopes) {
        return keyWith(adminToken, "{\"name\":\"test key\",\"scopes\":" + jsonArray(scopes) + "}");
    }

    public static String keyWith(String adminToken, String body) {
        HttpResponse<String> created = Stack.get().postJson("/api/v1/keys", adminToken, body);
        assertEquals(201, created.statusCode(), created.body());
        return Stack.json(created).asJsonObject().getString("secret");
    }

    public static String jsonArray(String... values) {
        StringBuilder json = new StringBuilder("[");
        for (int i = 0; i < values.length; i++) {
            json.append(i == 0 ? "" : ",").append('"').append(values[i]).append('"');
        }
        return json.append(']').toString();
    }
}
