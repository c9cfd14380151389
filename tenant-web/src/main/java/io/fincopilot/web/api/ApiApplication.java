package io.fincopilot.web.api;

import io.fincopilot.platform.RequestMetrics;
import io.fincopilot.platform.problem.ProblemMapper;
import io.fincopilot.platform.web.AllowedFeature;
import io.fincopilot.platform.web.JsonBodyGuard;
import io.fincopilot.platform.web.UrlGuard;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import java.util.Map;
import java.util.Set;

/**
 * The REST API for client systems. Resources are listed here, not scanned, so that no provider
 * bundled in a library jar is picked up by accident. Its part of /openapi: {@link TenantApiDocument}.
 */
@ApplicationScoped
@ApplicationPath("/api/v1")
public class ApiApplication extends Application {

    @Override
    public Set<Class<?>> getClasses() {
        return Set.of(MeResource.class, KeysResource.class, PeopleResource.class, AuditResource.class,
                DocumentsResource.class, SearchResource.class, AskResource.class, UsageResource.class, InvoicesResource.class, PrivacyResource.class, ErasuresResource.class, ProblemMapper.class,
                ProblemMapper.Validation.class, RequestMetrics.class, JsonBodyGuard.class, UrlGuard.class,
                AllowedFeature.class);
    }

    /** No WADL: the API's one description is /openapi, and nothing answers with the resource tree. */
    @Override
    public Map<String, Object> getProperties() {
        return Map.of("jersey.config.server.wadl.disableWadl", true);
    }
}
