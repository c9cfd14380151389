package io.fincopilot.tenancy.control;

import io.fincopilot.tenancy.entity.TenantId;
import java.util.Set;

/**
 * Something an instance keeps in memory per organization (vectors, listings, answers). An erased
 * organization's share is dropped on every instance by the sweep that looks for organizations that no
 * longer exist (decision 76).
 */
public interface TenantMemory {

    /** The organizations this holds anything of. */
    Set<TenantId> held();

    /** Drops everything of the organization. */
    void forget(TenantId tenant);
}
