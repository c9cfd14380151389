package io.fincopilot.security;

import java.util.Arrays;
import java.util.Optional;

/** The realm roles FinCopilot knows. Anything else in a token is ignored. */
public enum Role {
    PLATFORM_ADMIN("platform-admin", false),
    BILLING("billing", false),
    SUPPORT("support", false),
    TENANT_ADMIN("tenant-admin", true),
    ANALYST("analyst", true),
    VIEWER("viewer", true);

    public static final String PLATFORM_ADMIN_NAME = "platform-admin";
    public static final String BILLING_NAME = "billing";
    public static final String SUPPORT_NAME = "support";
    public static final String TENANT_ADMIN_NAME = "tenant-admin";
    public static final String ANALYST_NAME = "analyst";
    public static final String VIEWER_NAME = "viewer";

    private final String claim;
    private final boolean tenantRole;

    Role(String claim, boolean tenantRole) {
        this.claim = claim;
        this.tenantRole = tenantRole;
    }

    /** The role's name in tokens and in {@code @RolesAllowed}. */
    public String claim() {
        return claim;
    }

    /** Whether the role belongs to a tenant's people (as opposed to platform staff). */
    public boolean tenantRole() {
        return tenantRole;
    }

    public static Optional<Role> fromClaim(String claim) {
        return Arrays.stream(values()).filter(r -> r.claim.equals(claim)).findFirst();
    }
}
