package io.fincopilot.audit.control;

import io.fincopilot.audit.entity.AuditDigest;
import java.util.Optional;
import java.util.UUID;

/**
 * What the object store says about the chains: the latest digest, if its signature holds, or the
 * reason it cannot be trusted (a digest that does not verify is itself evidence of tampering).
 */
public record DigestEvidence(String key, AuditDigest digest, String sha256, String problem) {

    public static DigestEvidence none() {
        return new DigestEvidence(null, null, null, null);
    }

    public static DigestEvidence of(String key, AuditDigest digest, String sha256) {
        return new DigestEvidence(key, digest, sha256, null);
    }

    public static DigestEvidence untrusted(String key, String problem) {
        return new DigestEvidence(key, null, null, problem);
    }

    public Optional<AuditDigest.Head> head(UUID tenant) {
        return digest == null ? Optional.empty() : digest.chain(tenant);
    }
}
