package io.fincopilot.tenancy.entity;

import jakarta.persistence.EntityManager;
import java.util.Objects;

/**
 * Binds an entity manager to one tenant. EclipseLink then adds {@code tenant_id = ?} to every
 * query, find, insert and update of a {@code @Multitenant} entity; an entity manager that was
 * never bound fails on first use instead of reading across tenants.
 */
public final class TenantPartition {

    /** The EclipseLink context property the {@code tenant_id} discriminator reads. */
    public static final String CONTEXT_PROPERTY = "eclipselink.tenant-id";

    private TenantPartition() {
    }

    public static EntityManager bind(EntityManager em, TenantId tenant) {
        Objects.requireNonNull(tenant, "tenant");
        em.setProperty(CONTEXT_PROPERTY, tenant.value().toString());
        return em;
    }
}
