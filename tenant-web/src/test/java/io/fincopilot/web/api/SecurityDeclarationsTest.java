package io.fincopilot.web.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.annotation.security.DenyAll;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.Path;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import io.fincopilot.platform.openapi.ApiDocument;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.junit.jupiter.api.Test;

/** Deny by default: the build fails if a resource method has no security declaration, or documents another. */
class SecurityDeclarationsTest {

    private static List<Method> resourceMethods() {
        List<Method> methods = new ArrayList<>();
        for (Class<?> type : new ApiApplication().getClasses()) {
            if (type.isAnnotationPresent(Path.class)) {
                Arrays.stream(type.getDeclaredMethods())
                        .filter(m -> Arrays.stream(m.getAnnotations())
                                .anyMatch(a -> a.annotationType().isAnnotationPresent(HttpMethod.class)))
                        .forEach(methods::add);
            }
        }
        return methods;
    }

    @Test
    void everyResourceMethodDeclaresWhoMayCallIt() {
        List<Method> methods = resourceMethods();
        assertTrue(methods.size() >= 10, "the API's resources were found: " + methods);
        List<String> undeclared = methods.stream()
                .filter(m -> !m.isAnnotationPresent(RolesAllowed.class) && !m.isAnnotationPresent(PermitAll.class)
                        && !m.isAnnotationPresent(DenyAll.class)
                        && !m.getDeclaringClass().isAnnotationPresent(RolesAllowed.class))
                .map(m -> m.getDeclaringClass().getSimpleName() + "." + m.getName()).toList();
        assertEquals(List.of(), undeclared, "resource methods without @RolesAllowed, @PermitAll or @DenyAll");
    }

    @Test
    void theApiDocumentNamesTheSamePermissionsAsTheCode() {
        for (Method m : resourceMethods()) {
            RolesAllowed allowed = m.getAnnotation(RolesAllowed.class);
            if (allowed == null) {
                continue;
            }
            Set<String> documented = Arrays.stream(m.getAnnotationsByType(SecurityRequirement.class))
                    .filter(r -> r.name().equals(ApiDocument.KEYCLOAK))
                    .flatMap(r -> Arrays.stream(r.scopes())).collect(java.util.stream.Collectors.toCollection(TreeSet::new));
            assertEquals(new TreeSet<>(Arrays.asList(allowed.value())), documented,
                    m.getDeclaringClass().getSimpleName() + "." + m.getName());
        }
    }
}
