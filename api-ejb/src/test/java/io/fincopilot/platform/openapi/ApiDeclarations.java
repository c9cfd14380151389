package io.fincopilot.platform.openapi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Response;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * What a generated client needs from each operation of a JAX-RS application, checked before the
 * server ever runs: a unique operationId, a tag, its success answer, and for a {@link Response}
 * the class of the body. Each WAR's ApiDeclarationsTest runs it on its own Application.
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
        List<APIResponse> success = Arrays.stream(m.getAnnotationsByType(APIResponse.class))
                .filter(r -> r.responseCode().startsWith("2")).toList();
        if (success.isEmpty()) {
            wrong.add(name + ": no @APIResponse for its success");
        }
        boolean text = m.isAnnotationPresent(Produces.class) && m.getAnnotation(Produces.class).value()[0].startsWith("text/");
        if (m.getReturnType() == Response.class && !text && success.stream().noneMatch(r -> r.content().length > 0
                && r.content()[0].schema().implementation() != Void.class)) {
            wrong.add(name + ": answers a Response without naming the body's class");
        }
        return wrong;
    }
}
