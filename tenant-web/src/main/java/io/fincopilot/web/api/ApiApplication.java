package io.fincopilot.web.api;

import io.fincopilot.platform.problem.ProblemMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import java.util.Set;
import org.eclipse.microprofile.openapi.annotations.OpenAPIDefinition;
import org.eclipse.microprofile.openapi.annotations.enums.SecuritySchemeType;
import org.eclipse.microprofile.openapi.annotations.info.Info;
import org.eclipse.microprofile.openapi.annotations.security.SecurityScheme;

/**
 * The REST API for client systems. Resources are listed here, not scanned, so that no provider
 * bundled in a library jar is picked up by accident.
 */
@ApplicationScoped
@ApplicationPath("/api/v1")
@OpenAPIDefinition(info = @Info(title = "FinCopilot API", version = "1",
        description = "Financial document intelligence: documents, questions with cited answers, usage."))
@SecurityScheme(securitySchemeName = "bearer", type = SecuritySchemeType.HTTP, scheme = "bearer",
        description = "A Keycloak access token")
public class ApiApplication extends Application {

    @Override
    public Set<Class<?>> getClasses() {
        return Set.of(MeResource.class, KeysResource.class, PeopleResource.class, AuditResource.class, ProblemMapper.class,
                ProblemMapper.Validation.class);
    }
}
