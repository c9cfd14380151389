package io.fincopilot.security;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.URI;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** Where Keycloak is and which of its clients and claims FinCopilot uses. */
@ApplicationScoped
public class KeycloakSettings {

    @Inject
    @ConfigProperty(name = "fincopilot.keycloak.url")
    String url;

    @Inject
    @ConfigProperty(name = "fincopilot.keycloak.realm", defaultValue = "fincopilot")
    String realm;

    @Inject
    @ConfigProperty(name = "fincopilot.keycloak.console-client", defaultValue = "fincopilot-console")
    String consoleClient;

    @Inject
    @ConfigProperty(name = "fincopilot.keycloak.audience", defaultValue = "fincopilot-api")
    String audience;

    @Inject
    @ConfigProperty(name = "fincopilot.keycloak.tenant-claim", defaultValue = "tenant_id")
    String tenantClaim;

    @Inject
    @ConfigProperty(name = "fincopilot.keycloak.jwks-url")
    Optional<String> jwksUrl;

    @Inject
    @ConfigProperty(name = "fincopilot.keycloak.provisioner-client", defaultValue = "fincopilot-provisioner")
    String provisionerClient;

    /** The provisioner's client secret; from the environment or a secret store, never from a file in the repository. */
    @Inject
    @ConfigProperty(name = "fincopilot.keycloak.provisioner-secret", defaultValue = "")
    String provisionerSecret;

    public String url() {
        return stripSlash(url);
    }

    public String realm() {
        return realm;
    }

    public String provisionerClient() {
        return provisionerClient;
    }

    public String provisionerSecret() {
        return provisionerSecret;
    }

    /** The issuer every accepted token must name. */
    public String issuer() {
        return stripSlash(url) + "/realms/" + realm;
    }

    public URI jwksUri() {
        return URI.create(jwksUrl.orElse(issuer() + "/protocol/openid-connect/certs"));
    }

    public String consoleClient() {
        return consoleClient;
    }

    public String audience() {
        return audience;
    }

    public String tenantClaim() {
        return tenantClaim;
    }

    private static String stripSlash(String s) {
        return s.endsWith("/") ? s.substring(0, s.length() - 1) : s;
    }
}
