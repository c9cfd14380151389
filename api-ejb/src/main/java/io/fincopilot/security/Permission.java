package io.fincopilot.security;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

/**
 * What a caller may do on the tenant API. People get permissions from their role, API keys from
 * their scopes; resources name the permission they need in {@code @RolesAllowed}, so one check
 * serves both. Only the scopes may be granted to API keys: keys cannot manage keys or people.
 */
public enum Permission {
    DOCUMENTS_READ(Permission.DOCUMENTS_READ_NAME, true),
    DOCUMENTS_WRITE(Permission.DOCUMENTS_WRITE_NAME, true),
    ASK(Permission.ASK_NAME, true),
    USAGE_READ(Permission.USAGE_READ_NAME, true),
    AUDIT_READ(Permission.AUDIT_READ_NAME, true),
    KEYS_MANAGE(Permission.KEYS_MANAGE_NAME, false),
    PEOPLE_MANAGE(Permission.PEOPLE_MANAGE_NAME, false),
    PRIVACY_MANAGE(Permission.PRIVACY_MANAGE_NAME, false);

    public static final String DOCUMENTS_READ_NAME = "documents:read";
    public static final String DOCUMENTS_WRITE_NAME = "documents:write";
    public static final String ASK_NAME = "ask";
    public static final String USAGE_READ_NAME = "usage:read";
    public static final String AUDIT_READ_NAME = "audit:read";
    public static final String KEYS_MANAGE_NAME = "keys:manage";
    public static final String PEOPLE_MANAGE_NAME = "people:manage";
    /** Exporting (and later erasing) the organization's data: tenant admins only, never keys. */
    public static final String PRIVACY_MANAGE_NAME = "privacy:manage";
    /** Every verified caller is in this group; resources open to any caller require it. */
    public static final String AUTHENTICATED = "authenticated";

    private final String scope;
    private final boolean grantableToKeys;

    Permission(String scope, boolean grantableToKeys) {
        this.scope = scope;
        this.grantableToKeys = grantableToKeys;
    }

    public String scope() {
        return scope;
    }

    public boolean grantableToKeys() {
        return grantableToKeys;
    }

    public static Optional<Permission> fromScope(String scope) {
        return Arrays.stream(values()).filter(p -> p.scope.equals(scope)).findFirst();
    }

    public static Set<Permission> keyScopes() {
        EnumSet<Permission> scopes = EnumSet.noneOf(Permission.class);
        Arrays.stream(values()).filter(Permission::grantableToKeys).forEach(scopes::add);
        return scopes;
    }

    /** The permissions a tenant role carries. */
    public static Set<Permission> of(Role role) {
        return switch (role) {
            case TENANT_ADMIN -> EnumSet.allOf(Permission.class);
            case ANALYST -> EnumSet.of(DOCUMENTS_READ, DOCUMENTS_WRITE, ASK, USAGE_READ);
            case VIEWER -> EnumSet.of(DOCUMENTS_READ, ASK);
            case PLATFORM_ADMIN, BILLING, SUPPORT -> EnumSet.noneOf(Permission.class);
        };
    }
}
