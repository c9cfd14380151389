package io.fincopilot.platform.web;

import com.fasterxml.jackson.databind.JsonNode;
import java.lang.reflect.GenericArrayType;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.UUID;

/**
 * Whether a JSON body's values have the types of the record it is read into. JSON-B converts what
 * it can: {@code "yes"} becomes {@code false} for a boolean, {@code 1.5} becomes {@code 1} for an
 * integer, {@code 5} becomes {@code "5"} for a text. A client's mistake must be a 400 instead, so
 * the body is walked along the record's components first: booleans must be JSON booleans, integers
 * JSON integers, texts (and ids, times, dates) JSON strings; decimals may be numbers or strings.
 * Unknown members are left to JSON-B (which ignores them); null is left to Bean Validation.
 */
final class JsonShape {

    private JsonShape() {
    }

    /** The first mismatch as "member: what was expected", or null when the body fits. */
    static String mismatch(JsonNode value, Type type, String path) {
        if (value == null || value.isNull() || value.isMissingNode()) {
            return null;
        }
        Class<?> raw = raw(type);
        if (raw == null) {
            return null;
        }
        if (raw == boolean.class || raw == Boolean.class) {
            return value.isBoolean() ? null : path + ": true or false";
        }
        if (raw == int.class || raw == Integer.class || raw == long.class || raw == Long.class || raw == short.class
                || raw == Short.class || raw == BigInteger.class) {
            return value.isIntegralNumber() ? null : path + ": a whole number";
        }
        if (raw == BigDecimal.class || raw == double.class || raw == Double.class || raw == float.class || raw == Float.class) {
            return value.isNumber() || value.isTextual() ? null : path + ": a number";
        }
        if (raw == String.class || raw == UUID.class || raw == Instant.class || raw == LocalDate.class
                || raw == OffsetDateTime.class || raw.isEnum()) {
            return value.isTextual() ? null : path + ": a string";
        }
        if (Collection.class.isAssignableFrom(raw)) {
            if (!value.isArray()) {
                return path + ": an array";
            }
            Type element = type instanceof ParameterizedType p ? p.getActualTypeArguments()[0] : Object.class;
            for (int i = 0; i < value.size(); i++) {
                String wrong = mismatch(value.get(i), element, path + "[" + i + "]");
                if (wrong != null) {
                    return wrong;
                }
            }
            return null;
        }
        if (raw.isRecord()) {
            if (!value.isObject()) {
                return (path.isEmpty() ? "the body" : path) + ": an object";
            }
            for (RecordComponent component : raw.getRecordComponents()) {
                String wrong = mismatch(value.get(component.getName()), component.getGenericType(),
                        path.isEmpty() ? component.getName() : path + "." + component.getName());
                if (wrong != null) {
                    return wrong;
                }
            }
        }
        return null; // JSON-P objects, maps and other types are JSON-B's alone
    }

    private static Class<?> raw(Type type) {
        if (type instanceof Class<?> c) {
            return c;
        }
        if (type instanceof ParameterizedType p && p.getRawType() instanceof Class<?> c) {
            return c;
        }
        if (type instanceof GenericArrayType) {
            return null;
        }
        return null;
    }

}
