package io.fincopilot.web.api;

import io.fincopilot.platform.RequestMetrics;
import io.fincopilot.platform.problem.ProblemMapper;
import io.fincopilot.platform.web.JsonBodyGuard;
import io.fincopilot.platform.web.UrlGuard;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import java.util.Map;
import java.util.Set;
import org.eclipse.microprofile.openapi.annotations.OpenAPIDefinition;
import org.eclipse.microprofile.openapi.annotations.enums.SecuritySchemeIn;
import org.eclipse.microprofile.openapi.annotations.enums.SecuritySchemeType;
import org.eclipse.microprofile.openapi.annotations.info.Info;
import org.eclipse.microprofile.openapi.annotations.security.SecurityScheme;
import org.glassfish.jersey.server.filter.RolesAllowedDynamicFeature;

/**
 * The REST API for client systems. Resources are listed here, not scanned, so that no provider
 * bundled in a library jar is picked up by accident.
 */
@ApplicationScoped
@ApplicationPath("/api/v1")
@OpenAPIDefinition(info = @Info(title = "FinCopilot API", version = "1",
        description = "Financial document intelligence: documents, questions with cited answers, usage."))
@SecurityScheme(securitySchemeName = ApiApplication.KEYCLOAK, type = SecuritySchemeType.OPENIDCONNECT,
        openIdConnectUrl = "/realms/fincopilot/.well-known/openid-configuration",
        description = "A Keycloak access token as 'Authorization: Bearer <token>'. The scopes named by an operation "
                + "are permissions: people have those of their role (tenant-admin: all; analyst: documents:read, "
                + "documents:write, ask, usage:read; viewer: documents:read, ask).")
@SecurityScheme(securitySchemeName = ApiApplication.API_KEY, type = SecuritySchemeType.APIKEY,
        in = SecuritySchemeIn.HEADER, apiKeyName = "X-API-Key",
        description = "An API key fc_live_<prefix>_<secret>, as X-API-Key or 'Authorization: Bearer <key>'; never in "
                + "the URL. A key has the scopes it was created with (keys:manage and people:manage are never granted).")
public class ApiApplication extends Application {

    public static final String KEYCLOAK = "keycloak";
    public static final String API_KEY = "apiKey";

    @Override
    public Set<Class<?>> getClasses() {
        return Set.of(MeResource.class, KeysResource.class, PeopleResource.class, AuditResource.class, ProblemMapper.class,
                ProblemMapper.Validation.class, RequestMetrics.class, JsonBodyGuard.class, UrlGuard.class,
                RolesAllowedDynamicFeature.class);
    }

    /** No WADL: the API's one description is /openapi, and nothing answers with the resource tree. */
    @Override
    public Map<String, Object> getProperties() {
        return Map.of("jersey.config.server.wadl.disableWadl", true);
    }
}
