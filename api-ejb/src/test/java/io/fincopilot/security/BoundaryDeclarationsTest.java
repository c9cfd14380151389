package io.fincopilot.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.annotation.security.DenyAll;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Singleton;
import jakarta.ejb.Stateful;
import jakarta.ejb.Stateless;
import java.io.IOException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Deny by default at the service boundary: the build fails if a public method of an EJB says
 * nothing about who may call it, and if an {@code @PermitAll} comes without a comment saying why.
 */
class BoundaryDeclarationsTest {

    private static final Path CLASSES = Path.of("target/classes");
    private static final Path SOURCES = Path.of("src/main/java");

    @Test
    void everyPublicMethodOfEveryEjbDeclaresWhoMayCallIt() throws IOException {
        List<Class<?>> ejbs = ejbs();
        assertTrue(ejbs.size() >= 8, "the EJBs were found: " + ejbs);
        List<String> undeclared = new ArrayList<>();
        for (Class<?> ejb : ejbs) {
            boolean classDeclares = declares(ejb.getAnnotations());
            for (Method m : ejb.getDeclaredMethods()) {
                if (Modifier.isPublic(m.getModifiers()) && !m.isSynthetic() && !classDeclares
                        && !declares(m.getAnnotations())) {
                    undeclared.add(ejb.getSimpleName() + "." + m.getName());
                }
            }
        }
        assertEquals(List.of(), undeclared, "EJB methods without @RolesAllowed, @PermitAll or @DenyAll");
    }

    @Test
    void everyPermitAllSaysWhy() throws IOException {
        List<String> unexplained = new ArrayList<>();
        for (Class<?> ejb : ejbs()) {
            List<String> lines = Files.readAllLines(SOURCES.resolve(ejb.getName().replace('.', '/') + ".java"));
            for (int i = 0; i < lines.size(); i++) {
                if (lines.get(i).trim().equals("@PermitAll") && !isComment(lines, i - 1)) {
                    unexplained.add(ejb.getSimpleName() + ":" + (i + 1));
                }
            }
        }
        assertEquals(List.of(), unexplained, "@PermitAll without a comment on the line before saying why");
    }

    private static boolean isComment(List<String> lines, int index) {
        for (int i = index; i >= 0; i--) {
            String line = lines.get(i).trim();
            if (line.startsWith("//") || line.endsWith("*/")) {
                return true;
            }
            if (!line.startsWith("@")) {
                return false;
            }
        }
        return false;
    }

    private static boolean declares(java.lang.annotation.Annotation[] annotations) {
        return Arrays.stream(annotations).anyMatch(a -> a instanceof RolesAllowed || a instanceof PermitAll
                || a instanceof DenyAll);
    }

    static List<Class<?>> ejbs() throws IOException {
        try (Stream<Path> files = Files.walk(CLASSES)) {
            return files.filter(f -> f.toString().endsWith(".class") && !f.getFileName().toString().contains("$"))
                    .map(f -> CLASSES.relativize(f).toString().replace('/', '.').replaceAll("\\.class$", ""))
                    .map(BoundaryDeclarationsTest::load)
                    .filter(c -> c.isAnnotationPresent(Stateless.class) || c.isAnnotationPresent(Singleton.class)
                            || c.isAnnotationPresent(Stateful.class))
                    .toList();
        }
    }

    private static Class<?> load(String name) {
        try {
            return Class.forName(name, false, BoundaryDeclarationsTest.class.getClassLoader());
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException(e);
        }
    }
}
