package io.fincopilot.admin.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.annotation.security.DenyAll;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.Path;
import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import io.fincopilot.platform.openapi.ApiDocument;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.junit.jupiter.api.Test;

/** Deny by default: the build fails if an admin API method has no security declaration, or documents another. */
class SecurityDeclarationsTest {

    private static List<Method> resourceMethods() {
        return new AdminApiApplication().getClasses().stream()
                .filter(t -> t.isAnnotationPresent(Path.class))
                .flatMap(t -> Arrays.stream(t.getDeclaredMethods()))
                .filter(m -> Arrays.stream(m.getAnnotations())
                        .anyMatch(a -> a.annotationType().isAnnotationPresent(HttpMethod.class)))
                .toList();
    }

    @Test
    void everyResourceMethodDeclaresWhoMayCallIt() {
        List<Method> methods = resourceMethods();
        assertTrue(methods.size() >= 8, "the admin API's resources were found: " + methods);
        List<String> undeclared = methods.stream()
                .filter(m -> !m.isAnnotationPresent(RolesAllowed.class) && !m.isAnnotationPresent(PermitAll.class)
                        && !m.isAnnotationPresent(DenyAll.class))
                .map(m -> m.getDeclaringClass().getSimpleName() + "." + m.getName()).toList();
        assertEquals(List.of(), undeclared, "resource methods without @RolesAllowed, @PermitAll or @DenyAll");
    }

    @Test
    void theApiDocumentNamesTheSameRolesAsTheCode() {
        for (Method m : resourceMethods()) {
            RolesAllowed allowed = m.getAnnotation(RolesAllowed.class);
            Set<String> documented = Arrays.stream(m.getAnnotationsByType(SecurityRequirement.class))
                    .filter(r -> r.name().equals(ApiDocument.KEYCLOAK))
                    .flatMap(r -> Arrays.stream(r.scopes())).collect(Collectors.toCollection(TreeSet::new));
            assertEquals(new TreeSet<>(Arrays.asList(allowed.value())), documented,
                    m.getDeclaringClass().getSimpleName() + "." + m.getName());
        }
    }
}
