package io.fincopilot.st;

import io.fincopilot.client.model.CreatedOrganizationView;
import io.fincopilot.client.model.NewKey;
import io.fincopilot.client.model.NewOrganization;
import io.fincopilot.client.model.NewPerson;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.UUID;

/** Organizations of their own for tests, made as a platform admin would, with a tenant admin who can log in. */
public final class Tenants {

    public record Tenant(UUID id, String slug, String admin, String password) {

        public String adminToken() {
            return Stack.get().passwordGrant(admin, password, null).getString("access_token");
        }

        /** The API as this organization's tenant admin, with a fresh token. */
        public Api asAdmin() {
            return Api.as(adminToken());
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
        CreatedOrganizationView created = Api.ok(() -> platformAdmin().organizations().createOrganization(
                organization(slug, plan).admin(person("admin", "admin@" + slug + ".test"))));
        String admin = created.getInitialAdmin().getUsername(); // admin@<slug>
        String password = "Pw-" + UUID.randomUUID();
        new KeycloakAdmin(stack).setPassword(admin, password);
        return new Tenant(created.getOrganization().getId(), slug, admin, password);
    }

    /** The API as the demo platform admin. */
    public static Api platformAdmin() {
        Stack stack = Stack.get();
        return Api.as(stack.accessToken(stack.env("DEMO_PLATFORM_ADMIN")));
    }

    /** An organization to create; its first admin still to be given. */
    public static NewOrganization organization(String slug, String plan) {
        return new NewOrganization().slug(slug).name("Test " + slug).plan(plan);
    }

    public static NewPerson person(String username, String email) {
        return new NewPerson().username(username).email(email).firstName("Test").lastName("Person");
    }

    /** Creates an API key with the given scopes and answers its secret. */
    public static String key(String adminToken, String... scopes) {
        return keyWith(adminToken, newKey(scopes));
    }

    public static NewKey newKey(String... scopes) {
        return new NewKey().name("test key").scopes(new LinkedHashSet<>(List.of(scopes)));
    }

    public static String keyWith(String adminToken, NewKey key) {
        return Api.ok(() -> Api.as(adminToken).keys().createKey(key)).getSecret();
    }

}
