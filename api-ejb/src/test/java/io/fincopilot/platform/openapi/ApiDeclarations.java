package io.fincopilot.platform.openapi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fincopilot.security.Allowed;
import jakarta.annotation.security.DenyAll;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Response;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * What each operation of a JAX-RS application must declare, checked before the server ever runs.
 * For a generated client: a unique operationId, a tag, its success answer, and for a {@link Response}
 * the class of the body. For security, deny by default: who may call it ({@link Allowed}, never the
 * container's {@code @RolesAllowed}/{@code @PermitAll} on a resource, see decision 38), and the same
 * permissions documented as the Keycloak security requirement. Each WAR's ApiDeclarationsTest runs it
 * on its own Application.
 */
public final class ApiDeclarations {

    private ApiDeclarations() {
    }

    public static void assertDeclared(Set<Class<?>> applicationClasses, int atLeastOperations) {
        List<String> wrong = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        int operations = 0;
        for (Class<?> type : applicationClasses) {
            if (!type.isAnnotationPresent(Path.class)) {
                continue;
            }
            for (Method m : type.getDeclaredMethods()) {
                if (Arrays.stream(m.getAnnotations()).noneMatch(a -> a.annotationType().isAnnotationPresent(HttpMethod.class))) {
                    continue;
                }
                operations++;
                wrong.addAll(problems(type, m, ids));
            }
        }
        assertTrue(operations >= atLeastOperations, "the API's operations were found: " + operations);
        assertEquals(List.of(), wrong);
    }

    /**
     * Every role an operation allows is a security role the WAR declares: {@code AllowedFeature}
     * answers from the admitted caller's groups, and only for declared roles is that the
     * container's own answer (an undeclared one is never the caller's role in the container).
     */
    public static void assertRolesDeclared(Set<Class<?>> applicationClasses, java.nio.file.Path webXml) throws java.io.IOException {
        Set<String> declared = new HashSet<>();
        java.util.regex.Matcher role = java.util.regex.Pattern.compile(
                "<security-role>\\s*<role-name>([^<]+)</role-name>").matcher(java.nio.file.Files.readString(webXml));
        while (role.find()) {
            declared.add(role.group(1).strip());
        }
        List<String> undeclared = new ArrayList<>();
        for (Class<?> type : applicationClasses) {
            for (Method m : type.getDeclaredMethods()) {
                Allowed allowed = m.getAnnotation(Allowed.class);
                if (allowed != null) {
                    Arrays.stream(allowed.value()).filter(r -> !declared.contains(r))
                            .forEach(r -> undeclared.add(type.getSimpleName() + "." + m.getName() + ": " + r));
                }
            }
        }
        assertTrue(declared.size() > 3, "the security roles of " + webXml + " were read: " + declared);
        assertEquals(List.of(), undeclared);
    }

    private static List<String> problems(Class<?> type, Method m, Set<String> ids) {
        List<String> wrong = new ArrayList<>();
        String name = type.getSimpleName() + "." + m.getName();
        Operation operation = m.getAnnotation(Operation.class);
        if (operation == null || !operation.operationId().matches("[a-z][A-Za-z]+") || !ids.add(operation.operationId())) {
            wrong.add(name + ": no unique camelCase operationId");
        }
        if (!type.isAnnotationPresent(Tag.class)) {
            wrong.add(name + ": its resource has no @Tag");
        }
        wrong.addAll(security(type, m, name));
        List<APIResponse> success = Arrays.stream(m.getAnnotationsByType(APIResponse.class))
                .filter(r -> r.responseCode().startsWith("2")).toList();
        if (success.isEmpty()) {
            wrong.add(name + ": no @APIResponse for its success");
        }
        boolean text = m.isAnnotationPresent(Produces.class) && ResourceOperations.isDownload(m.getAnnotation(Produces.class).value()[0]);
        boolean noBody = success.stream().allMatch(r -> r.responseCode().equals("204"));
        if (m.getReturnType() == Response.class && !text && !noBody && success.stream().noneMatch(r -> r.content().length > 0
                && r.content()[0].schema().implementation() != Void.class)) {
            wrong.add(name + ": answers a Response without naming the body's class");
        }
        return wrong;
    }

    private static List<String> security(Class<?> type, Method m, String name) {
        List<String> wrong = new ArrayList<>();
        for (Class<? extends Annotation> container : List.of(RolesAllowed.class, PermitAll.class, DenyAll.class)) {
            if (m.isAnnotationPresent(container) || type.isAnnotationPresent(container)) {
                wrong.add(name + ": @" + container.getSimpleName() + " on a resource (use @Allowed)");
            }
        }
        Allowed allowed = m.getAnnotation(Allowed.class);
        if (allowed == null) {
            wrong.add(name + ": no @Allowed (who may call it)");
            return wrong;
        }
        Set<String> documented = Arrays.stream(m.getAnnotationsByType(SecurityRequirement.class))
                .filter(r -> r.name().equals(ApiDocument.KEYCLOAK))
                .flatMap(r -> Arrays.stream(r.scopes())).collect(Collectors.toCollection(TreeSet::new));
        if (!documented.equals(new TreeSet<>(Arrays.asList(allowed.value())))) {
            wrong.add(name + ": documents " + documented + " but allows " + Arrays.toString(allowed.value()));
        }
        return wrong;
    }
}
