package io.fincopilot.admin.api;

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

/** The platform staff's API, under {@code /admin/api/v1}. Classes are listed, not scanned. */
@ApplicationScoped
@ApplicationPath("/api/v1")
public class AdminApiApplication extends Application {

    @Override
    public Set<Class<?>> getClasses() {
        return Set.of(OrganizationsResource.class, PlansResource.class, BillingResource.class, AdminAuditResource.class, MaintenanceResource.class, ErasuresResource.class, ProblemMapper.class,
                ProblemMapper.Validation.class, RequestMetrics.class, JsonBodyGuard.class, UrlGuard.class,
                AllowedFeature.class);
    }

    /** No WADL: the API's one description is /openapi, and nothing answers with the resource tree. */
    @Override
    public Map<String, Object> getProperties() {
        return Map.of("jersey.config.server.wadl.disableWadl", true);
    }
}
