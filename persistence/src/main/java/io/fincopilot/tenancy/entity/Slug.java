package io.fincopilot.tenancy.entity;

import java.io.Serializable;
import java.util.regex.Pattern;

/** The short, URL-safe, unique name of an organization: lower-case letters, digits and dashes. */
public record Slug(String value) implements Serializable {

    public static final String SHAPE_REGEX = "[a-z0-9](?:[a-z0-9-]{0,38}[a-z0-9])?";
    public static final String SHAPE_MESSAGE =
            "must be 1-40 lower-case letters, digits or dashes, not starting or ending with a dash";
    private static final Pattern SHAPE = Pattern.compile(SHAPE_REGEX);

    public Slug {
        if (value == null || !SHAPE.matcher(value).matches()) {
            throw new IllegalArgumentException("slug " + SHAPE_MESSAGE);
        }
    }

    @Override
    public String toString() {
        return value;
    }
}
