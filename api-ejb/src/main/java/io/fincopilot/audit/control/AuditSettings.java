package io.fincopilot.audit.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The audit trail's keys and digests. The keys come from the environment (locally the launcher's
 * secrets.env, in production a secrets manager), never from the database or the repository.
 */
@ApplicationScoped
public class AuditSettings {

    /** {@code kid1:base64,kid2:base64}: every key whose events and digests must still verify. */
    @Inject
    @ConfigProperty(name = "fincopilot.audit.hmac-keys", defaultValue = "")
    String hmacKeys;

    /** The id of the key that seals new events and signs new digests. */
    @Inject
    @ConfigProperty(name = "fincopilot.audit.hmac-active-key", defaultValue = "")
    String activeKey;

    @Inject
    @ConfigProperty(name = "fincopilot.audit.digest-interval", defaultValue = "PT15M")
    String digestInterval;

    /** How often each instance verifies every chain by itself (the alert on a broken chain needs a verification). */
    @Inject
    @ConfigProperty(name = "fincopilot.audit.verify-interval", defaultValue = "PT6H")
    String verifyInterval;

    /** A bucket of its own: tenant erasure must be able to delete documents, nothing may delete digests. */
    @Inject
    @ConfigProperty(name = "fincopilot.audit.digest-bucket", defaultValue = "fincopilot-audit-digests")
    String digestBucket;

    private volatile ChainKeys keys;

    public ChainKeys keys() {
        if (keys == null) {
            try {
                keys = ChainKeys.parse(hmacKeys, activeKey);
            } catch (IllegalArgumentException e) {
                throw new IllegalStateException("the audit trail's keys are not usable (set fincopilot.audit.hmac-keys "
                        + "and fincopilot.audit.hmac-active-key, e.g. FINCOPILOT_AUDIT_HMAC_KEYS): " + e.getMessage(), e);
            }
        }
        return keys;
    }

    public Duration digestInterval() {
        return Duration.parse(digestInterval);
    }

    public Duration verifyInterval() {
        return Duration.parse(verifyInterval);
    }

    public String digestBucket() {
        return digestBucket;
    }
}
