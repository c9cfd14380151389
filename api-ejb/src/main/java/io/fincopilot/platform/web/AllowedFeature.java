package io.fincopilot.platform.web;

import io.fincopilot.security.Allowed;
import io.fincopilot.security.Caller;
import io.fincopilot.security.CallerContext;
import jakarta.annotation.Priority;
import jakarta.ws.rs.ForbiddenException;
import jakarta.ws.rs.NotAuthorizedException;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.DynamicFeature;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.FeatureContext;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.ext.Provider;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

/**
 * Enforces {@link Allowed} on resource methods: no caller is refused with 401, a caller with none of
 * the roles with 403 (both become problem documents in the ProblemMapper). A resource method without
 * {@code @Allowed} gets no filter here; the build-time ApiDeclarationsTest of each WAR makes sure
 * there is none.
 */
@Provider
public class AllowedFeature implements DynamicFeature {

    @Override
    public void configure(ResourceInfo resource, FeatureContext context) {
        Allowed allowed = resource.getResourceMethod().getAnnotation(Allowed.class);
        if (allowed != null) {
            context.register(new Check(List.copyOf(Arrays.asList(allowed.value()))));
        }
    }

    @Priority(Priorities.AUTHORIZATION)
    static final class Check implements ContainerRequestFilter {

        private final List<String> roles;

        Check(List<String> roles) {
            this.roles = roles;
        }

        @Override
        public void filter(ContainerRequestContext request) {
            // The caller our mechanism admitted, with the groups it gave the container: the same answer
            // as isUserInRole (a group is its role's name), without a policy check per role.
            if (request.getProperty(CallerContext.ATTRIBUTE) instanceof Caller caller) {
                Set<String> groups = caller.groups();
                if (roles.stream().noneMatch(groups::contains)) {
                    throw new ForbiddenException("none of " + roles);
                }
                return;
            }
            SecurityContext security = request.getSecurityContext();
            if (security.getUserPrincipal() == null) {
                throw new NotAuthorizedException("no caller", "Bearer");
            }
            if (roles.stream().noneMatch(security::isUserInRole)) {
                throw new ForbiddenException("none of " + roles);
            }
        }
    }
}
