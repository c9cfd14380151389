package io.fincopilot.audit.control;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The keys that seal audit links and sign digests: HMAC-SHA256 secrets the database never sees,
 * each under an id stored beside what it sealed, so a new key can take over while events and
 * digests sealed with an older one still verify. {@link #LEGACY} names the plain SHA-256 links of
 * events written before keys existed.
 */
public final class ChainKeys {

    public static final String LEGACY = "sha256-legacy";
    private static final int MIN_KEY_BYTES = 32;

    private final Map<String, SecretKeySpec> keys;
    private final String active;

    private ChainKeys(Map<String, SecretKeySpec> keys, String active) {
        this.keys = keys;
        this.active = active;
    }

    /** Parses {@code kid1:base64,kid2:base64}; the active id must be one of them. */
    public static ChainKeys parse(String spec, String active) {
        Map<String, SecretKeySpec> keys = new LinkedHashMap<>();
        for (String entry : spec == null ? new String[0] : spec.split(",")) {
            if (entry.isBlank()) {
                continue;
            }
            int colon = entry.indexOf(':');
            if (colon < 1) {
                throw new IllegalArgumentException("an audit key must be written id:base64-secret");
            }
            String id = entry.substring(0, colon).trim();
            if (LEGACY.equals(id) || !id.matches("[A-Za-z0-9._-]{1,40}")) {
                throw new IllegalArgumentException("'" + id + "' cannot name an audit key");
            }
            byte[] secret = Base64.getDecoder().decode(entry.substring(colon + 1).trim());
            if (secret.length < MIN_KEY_BYTES) {
                throw new IllegalArgumentException("audit key " + id + " is shorter than " + MIN_KEY_BYTES + " bytes");
            }
            keys.put(id, new SecretKeySpec(secret, "HmacSHA256"));
        }
        if (active == null || !keys.containsKey(active.trim())) {
            throw new IllegalArgumentException("the active audit key '" + active + "' is not among the configured keys "
                    + keys.keySet());
        }
        return new ChainKeys(Map.copyOf(keys), active.trim());
    }

    public String activeId() {
        return active;
    }

    public Set<String> ids() {
        return keys.keySet();
    }

    /** Whether a link sealed under this id can be checked here (the legacy id always can). */
    public boolean holds(String id) {
        return LEGACY.equals(id) || keys.containsKey(id);
    }

    /** An event's link: the hex HMAC (or, for the legacy id, SHA-256) of its predecessor's link and its canonical form. */
    public String link(String id, String previous, String canonical) {
        byte[] prev = previous.getBytes(StandardCharsets.US_ASCII);
        byte[] body = canonical.getBytes(StandardCharsets.UTF_8);
        try {
            if (LEGACY.equals(id)) {
                MessageDigest sha = MessageDigest.getInstance("SHA-256");
                sha.update(prev);
                return HexFormat.of().formatHex(sha.digest(body));
            }
            Mac mac = mac(id);
            mac.update(prev);
            return HexFormat.of().formatHex(mac.doFinal(body));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("SHA-256 and HmacSHA256 are part of every JRE", e);
        }
    }

    /** A signature (base64 HMAC-SHA256) over data, under the given key id. */
    public String sign(String id, byte[] data) {
        if (LEGACY.equals(id)) {
            throw new IllegalArgumentException("the legacy id signs nothing");
        }
        return Base64.getEncoder().encodeToString(mac(id).doFinal(data));
    }

    /** Whether the signature is this key's over the data; false for an id not held here. */
    public boolean verify(String id, byte[] data, String signature) {
        if (id == null || signature == null || !keys.containsKey(id)) {
            return false;
        }
        byte[] expected = mac(id).doFinal(data);
        try {
            return MessageDigest.isEqual(expected, Base64.getDecoder().decode(signature));
        } catch (IllegalArgumentException notBase64) {
            return false;
        }
    }

    private Mac mac(String id) {
        SecretKeySpec key = keys.get(id);
        if (key == null) {
            throw new IllegalArgumentException("no audit key " + id);
        }
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return mac;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JRE", e);
        }
    }

    @Override
    public String toString() {
        return "ChainKeys" + keys.keySet() + " active " + active; // never the secrets
    }
}
