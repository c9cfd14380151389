package io.fincopilot.platform.openapi;

import jakarta.annotation.Nullable;
import jakarta.json.JsonValue;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import java.lang.annotation.Annotation;
import java.lang.reflect.AnnotatedParameterizedType;
import java.lang.reflect.AnnotatedType;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.media.Schema.SchemaType;

/**
 * The JSON schema of a Java type as JSON-B writes and reads it: records become components named
 * after the class (or its {@code @Schema(name)}), one property per record component, required
 * unless {@code @Nullable} (JSON-B leaves nulls out); Bean Validation constraints become schema
 * constraints. Payara's scanner sees neither types outside the WAR nor UUID, Instant and long
 * for what they are, so the API document takes its bodies and parameters from here.
 */
final class JavaSchemas {

    static final String COMPONENTS = "#/components/schemas/";

    private final Map<String, Schema> components = new TreeMap<>();

    /** The record components met so far, by name, each described once. */
    Map<String, Schema> components() {
        return components;
    }

    /** The schema of a parameter, body or property: inline for simple types, a reference for records. */
    Schema of(AnnotatedType type, Annotation... declared) {
        Schema schema = bare(type);
        constrain(schema, type.getAnnotations());
        constrain(schema, declared);
        return schema;
    }

    Schema of(Class<?> type) {
        return of(new PlainType(type));
    }

    static Schema reference(String component) {
        return OASFactory.createSchema().ref(COMPONENTS + component);
    }

    static String componentName(Class<?> type) {
        org.eclipse.microprofile.openapi.annotations.media.Schema named =
                type.getAnnotation(org.eclipse.microprofile.openapi.annotations.media.Schema.class);
        return named != null && !named.name().isEmpty() ? named.name() : type.getSimpleName();
    }

    private Schema bare(AnnotatedType annotated) {
        Type type = annotated.getType();
        Class<?> raw = raw(type);
        if (Collection.class.isAssignableFrom(raw)) {
            AnnotatedType element = annotated instanceof AnnotatedParameterizedType p
                    ? p.getAnnotatedActualTypeArguments()[0] : new PlainType(Object.class);
            Schema array = OASFactory.createSchema().type(SchemaType.ARRAY).items(of(element));
            return Set.class.isAssignableFrom(raw) ? array.uniqueItems(true) : array;
        }
        if (java.util.Map.class.isAssignableFrom(raw) && annotated instanceof AnnotatedParameterizedType p) {
            // String keys: a JSON object whose values all have the map's value type.
            return OASFactory.createSchema().type(SchemaType.OBJECT)
                    .additionalPropertiesSchema(of(p.getAnnotatedActualTypeArguments()[1]));
        }
        if (raw.isRecord()) {
            String name = componentName(raw);
            if (!components.containsKey(name)) {
                components.put(name, OASFactory.createSchema()); // a record that contains itself stops here
                components.put(name, record(raw));
            }
            return reference(name);
        }
        return simple(raw);
    }

    private static Schema simple(Class<?> raw) {
        Schema schema = OASFactory.createSchema();
        if (raw == String.class) {
            return schema.type(SchemaType.STRING);
        }
        if (raw == UUID.class) {
            return schema.type(SchemaType.STRING).format("uuid");
        }
        if (raw == Instant.class || raw == OffsetDateTime.class) {
            return schema.type(SchemaType.STRING).format("date-time");
        }
        if (raw == LocalDate.class) {
            return schema.type(SchemaType.STRING).format("date");
        }
        if (raw == boolean.class || raw == Boolean.class) {
            return schema.type(SchemaType.BOOLEAN);
        }
        if (raw == int.class || raw == Integer.class || raw == short.class || raw == Short.class) {
            return schema.type(SchemaType.INTEGER).format("int32");
        }
        if (raw == long.class || raw == Long.class) {
            return schema.type(SchemaType.INTEGER).format("int64");
        }
        if (raw == double.class || raw == Double.class || raw == BigDecimal.class) {
            return schema.type(SchemaType.NUMBER);
        }
        if (raw.isEnum()) {
            return schema.type(SchemaType.STRING)
                    .enumeration(Arrays.stream(raw.getEnumConstants()).map(c -> (Object) ((Enum<?>) c).name()).toList());
        }
        if (JsonValue.class.isAssignableFrom(raw) || Map.class.isAssignableFrom(raw)) {
            return schema.type(SchemaType.OBJECT).additionalPropertiesBoolean(true);
        }
        throw new IllegalArgumentException("no JSON schema for " + raw.getName() + ": describe it in JavaSchemas");
    }

    private Schema record(Class<?> type) {
        Schema schema = OASFactory.createSchema().type(SchemaType.OBJECT);
        description(type.getAnnotation(org.eclipse.microprofile.openapi.annotations.media.Schema.class), schema);
        for (RecordComponent component : type.getRecordComponents()) {
            Annotation[] declared = declared(type, component);
            Schema property = of(component.getAnnotatedType(), declared);
            boolean nullable = Arrays.stream(declared).anyMatch(a -> a instanceof Nullable);
            if (nullable && property.getRef() == null) {
                property.nullable(true);
            }
            schema.addProperty(component.getName(), property);
            if (!nullable) {
                schema.addRequired(component.getName());
            }
        }
        return schema;
    }

    /** A record component's annotations, wherever javac put them (component, field or accessor). */
    private static Annotation[] declared(Class<?> type, RecordComponent component) {
        Map<Class<?>, Annotation> found = new java.util.LinkedHashMap<>();
        List<Annotation[]> places = new java.util.ArrayList<>(List.of(component.getAnnotations(),
                component.getAccessor().getAnnotations()));
        try {
            places.add(type.getDeclaredField(component.getName()).getAnnotations());
        } catch (NoSuchFieldException impossible) {
            throw new IllegalStateException(impossible);
        }
        places.forEach(annotations -> Arrays.stream(annotations).forEach(a -> found.putIfAbsent(a.annotationType(), a)));
        return found.values().toArray(Annotation[]::new);
    }

    /** Bean Validation constraints and the few {@code @Schema} members a property may carry. */
    private static void constrain(Schema schema, Annotation[] annotations) {
        boolean array = schema.getType() == SchemaType.ARRAY;
        for (Annotation a : annotations) {
            if (a instanceof NotBlank || a instanceof NotEmpty) {
                atLeast(schema, array, 1);
            } else if (a instanceof Size size) {
                atLeast(schema, array, size.min());
                if (size.max() < Integer.MAX_VALUE) {
                    if (array) {
                        schema.maxItems(size.max());
                    } else {
                        schema.maxLength(size.max());
                    }
                }
            } else if (a instanceof Pattern pattern) {
                schema.pattern("^(?:" + pattern.regexp() + ")$"); // Bean Validation matches the whole value
            } else if (a instanceof Email) {
                schema.format("email");
            } else if (a instanceof Positive) {
                schema.minimum(BigDecimal.ONE);
            } else if (a instanceof Min min) {
                schema.minimum(BigDecimal.valueOf(min.value()));
            } else if (a instanceof Max max) {
                schema.maximum(BigDecimal.valueOf(max.value()));
            } else if (a instanceof org.eclipse.microprofile.openapi.annotations.media.Schema described) {
                description(described, schema);
                if (described.enumeration().length > 0) {
                    schema.enumeration(Arrays.stream(described.enumeration()).map(v -> (Object) v).toList());
                }
                if (!described.format().isEmpty()) {
                    schema.format(described.format()); // binary: a file part of a multipart form
                }
            }
        }
    }

    private static void atLeast(Schema schema, boolean array, int min) {
        Integer now = array ? schema.getMinItems() : schema.getMinLength();
        if (min > 0 && (now == null || now < min)) {
            if (array) {
                schema.minItems(min);
            } else {
                schema.minLength(min);
            }
        }
    }

    private static void description(org.eclipse.microprofile.openapi.annotations.media.Schema described, Schema schema) {
        if (described != null && !described.description().isEmpty()) {
            schema.description(described.description());
        }
    }

    private static Class<?> raw(Type type) {
        if (type instanceof Class<?> c) {
            return c;
        }
        if (type instanceof ParameterizedType p) {
            return (Class<?>) p.getRawType();
        }
        throw new IllegalArgumentException("no JSON schema for the type " + type);
    }

    /** A type with no annotations on it, for classes named directly rather than met in a signature. */
    private record PlainType(Class<?> type) implements AnnotatedType {

        @Override
        public Type getType() {
            return type;
        }

        @Override
        public <T extends Annotation> T getAnnotation(Class<T> annotationClass) {
            return null;
        }

        @Override
        public Annotation[] getAnnotations() {
            return new Annotation[0];
        }

        @Override
        public Annotation[] getDeclaredAnnotations() {
            return new Annotation[0];
        }
    }
}
