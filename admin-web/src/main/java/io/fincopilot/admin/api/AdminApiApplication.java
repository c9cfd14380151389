package io.fincopilot.admin.api;

import io.fincopilot.platform.RequestMetrics;
import io.fincopilot.platform.problem.ProblemMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import java.util.Set;

/** The platform staff's API, under {@code /admin/api/v1}. Classes are listed, not scanned. */
@ApplicationScoped
@ApplicationPath("/api/v1")
public class AdminApiApplication extends Application {

    @Override
    public Set<Class<?>> getClasses() {
        return Set.of(OrganizationsResource.class, AdminAuditResource.class, ProblemMapper.class,
                ProblemMapper.Validation.class, RequestMetrics.class);
    }
}
