package io.fincopilot.audit.control;

import io.fincopilot.audit.entity.AuditDigest;
import io.fincopilot.storage.ObjectStore;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.core.ResponseBytes;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Request;
import software.amazon.awssdk.services.s3.model.PutObjectRequest;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * Audit digests in the object store. The signature (HMAC-SHA256 over the object key and the exact
 * bytes) travels in the object's metadata, as CloudTrail's does, so the body is never re-encoded.
 */
@ApplicationScoped
public class DigestStore {

    static final String KEY_ID = "fincopilot-key-id";
    static final String SIGNATURE = "fincopilot-signature";

    @Inject
    ObjectStore store;

    @Inject
    AuditSettings settings;

    public void put(AuditDigest digest) {
        ChainKeys keys = settings.keys();
        byte[] body = digest.toJson();
        String key = digest.key();
        String signature = keys.sign(keys.activeId(), signed(key, body));
        store.call(s3 -> s3.putObject(PutObjectRequest.builder().bucket(settings.digestBucket()).key(key)
                .contentType("application/json")
                .metadata(Map.of(KEY_ID, keys.activeId(), SIGNATURE, signature))
                .build(), RequestBody.fromBytes(body)));
    }

    /** The newest digest and whether it can be trusted; none before the first is written. */
    public DigestEvidence latest() {
        Optional<String> key = newestKey(AuditDigest.keyFor(Instant.now().minus(Duration.ofDays(2))))
                .or(() -> newestKey(null));
        return key.map(this::read).orElseGet(DigestEvidence::none);
    }

    DigestEvidence read(String key) {
        ResponseBytes<GetObjectResponse> object = store.call(s3 -> s3.getObjectAsBytes(b -> b.bucket(settings.digestBucket()).key(key)));
        byte[] body = object.asByteArray();
        Map<String, String> metadata = object.response().metadata();
        if (!settings.keys().verify(metadata.get(KEY_ID), signed(key, body), metadata.get(SIGNATURE))) {
            return DigestEvidence.untrusted(key, "digest " + key + " is not signed by any key this server holds "
                    + "(written or altered by someone without the audit key)");
        }
        return DigestEvidence.of(key, AuditDigest.fromJson(body), sha256(body));
    }

    private Optional<String> newestKey(String startAfter) {
        ListObjectsV2Request.Builder request = ListObjectsV2Request.builder().bucket(settings.digestBucket())
                .prefix(AuditDigest.PREFIX);
        if (startAfter != null) {
            request.startAfter(startAfter);
        }
        return Optional.ofNullable(store.call(s3 -> {
            String newest = null;
            for (S3Object object : s3.listObjectsV2Paginator(request.build()).contents()) {
                if (object.key().endsWith(".json") && (newest == null || object.key().compareTo(newest) > 0)) {
                    newest = object.key();
                }
            }
            return newest;
        }));
    }

    static byte[] signed(String key, byte[] body) {
        byte[] name = (key + "\n").getBytes(StandardCharsets.UTF_8);
        byte[] data = new byte[name.length + body.length];
        System.arraycopy(name, 0, data, 0, name.length);
        System.arraycopy(body, 0, data, name.length, body.length);
        return data;
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JRE", e);
        }
    }
}
