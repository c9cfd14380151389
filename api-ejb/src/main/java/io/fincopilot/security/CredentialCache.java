package io.fincopilot.security;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.fincopilot.tenancy.boundary.Organizations;
import io.fincopilot.tenancy.entity.TenantId;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Function;

/**
 * What admission read from PostgreSQL in the last second: API keys by prefix (with their
 * organization's standing) and organizations' standing. A revocation, suspension or plan change
 * made on another instance is therefore seen within one second; one made here is forgotten at
 * once. Rate-limit counters are never cached: they stay exact in PostgreSQL.
 */
@ApplicationScoped
public class CredentialCache {

    /** How long a read may be reused: the platform promises changes apply everywhere within a second. */
    static final Duration FRESHNESS = Duration.ofMillis(900);

    private final Cache<String, Optional<Admission.StoredKey>> keys = Caffeine.newBuilder()
            .expireAfterWrite(FRESHNESS).maximumSize(100_000).build();
    private final Cache<TenantId, Optional<Organizations.Standing>> standings = Caffeine.newBuilder()
            .expireAfterWrite(FRESHNESS).maximumSize(100_000).build();

    Optional<Admission.StoredKey> key(String prefix, Function<String, Optional<Admission.StoredKey>> read) {
        return keys.get(prefix, read);
    }

    Optional<Organizations.Standing> standing(TenantId tenant, Function<TenantId, Optional<Organizations.Standing>> read) {
        return standings.get(tenant, read);
    }

    /**
     * A key changed in the current transaction (revoked): forgotten now and again when the transaction
     * ends, so that no request reading between the two keeps the old row.
     */
    public void forgetKey(TransactionSynchronizationRegistry transaction, String prefix) {
        forgetNowAndWhenDone(transaction, () -> keys.invalidate(prefix));
    }

    /** An organization changed in the current transaction (suspended, resumed, closed): read again. */
    public void forgetTenant(TransactionSynchronizationRegistry transaction, TenantId tenant) {
        forgetNowAndWhenDone(transaction, () -> {
            standings.invalidate(tenant);
            keys.asMap().values().removeIf(k -> k.isPresent() && k.get().tenant().equals(tenant));
        });
    }

    /** Plans changed in the current transaction (their rate limits): every organization's standing is read again. */
    public void forgetAll(TransactionSynchronizationRegistry transaction) {
        forgetNowAndWhenDone(transaction, () -> {
            standings.invalidateAll();
            keys.invalidateAll();
        });
    }

    private static void forgetNowAndWhenDone(TransactionSynchronizationRegistry transaction, Runnable forget) {
        forget.run();
        transaction.registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {
                // the outcome is not known yet
            }

            @Override
            public void afterCompletion(int status) {
                forget.run();
            }
        });
    }
}
