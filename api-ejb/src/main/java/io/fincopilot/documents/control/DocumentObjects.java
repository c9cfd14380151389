package io.fincopilot.documents.control;

import io.fincopilot.storage.ObjectStore;
import io.fincopilot.tenancy.entity.TenantId;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;
import software.amazon.awssdk.core.ResponseInputStream;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.model.Delete;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;
import software.amazon.awssdk.services.s3.model.ObjectIdentifier;
import software.amazon.awssdk.services.s3.model.PutObjectRequest;
import software.amazon.awssdk.services.s3.model.PutObjectResponse;
import software.amazon.awssdk.services.s3.model.ServerSideEncryption;

/**
 * The originals of documents in the versioned documents bucket, one object per version under
 * {@code tenants/<tenant>/documents/<id>/<version>}. Every put asks for server-side encryption and
 * carries the SHA-256 that was computed while the upload streamed in.
 */
@ApplicationScoped
public class DocumentObjects {

    static final String ROOT = "tenants/";

    /** An object of a document version, as listed from the bucket. */
    public record Stored(String key, TenantId tenant, UUID document, int version, Instant lastModified) {
    }

    @Inject
    ObjectStore store;

    public static String key(TenantId tenant, UUID document, int version) {
        return prefix(tenant, document) + version;
    }

    static String prefix(TenantId tenant, UUID document) {
        return ROOT + tenant.value() + "/documents/" + document + "/";
    }

    /** Stores the file; answers the S3 version id (null where the bucket is not versioned). */
    public String put(String key, Path file, String mediaType, String sha256) {
        PutObjectResponse put = store.call(s3 -> s3.putObject(PutObjectRequest.builder().bucket(store.bucket()).key(key)
                .contentType(mediaType).serverSideEncryption(ServerSideEncryption.AES256)
                .metadata(Map.of("sha256", sha256)).build(), RequestBody.fromFile(file)));
        return put.versionId();
    }

    /** The stored bytes of one version (the given S3 version when known); the caller closes the stream. */
    public ResponseInputStream<GetObjectResponse> open(String key, String objectVersion) {
        return store.call(s3 -> s3.getObject(b -> {
            b.bucket(store.bucket()).key(key);
            if (objectVersion != null && !"null".equals(objectVersion)) {
                b.versionId(objectVersion);
            }
        }));
    }

    /** Every version and delete marker of every object of the document: nothing of it is left in S3. */
    public int deleteDocument(TenantId tenant, UUID document) {
        return deleteUnder(prefix(tenant, document));
    }

    /** What is stored under some prefixes: object versions and delete markers. */
    public record Count(int versions, int deleteMarkers) {
    }

    /** Where an organization's objects live: its originals, and its privacy exports. */
    public static List<String> organizationPrefixes(TenantId tenant) {
        return List.of(ROOT + tenant.value() + "/", "exports/" + tenant.value() + "/");
    }

    /** Every version and delete marker of every object of the organization (decision 76); answers how many went. */
    public int deleteOrganization(TenantId tenant) {
        return organizationPrefixes(tenant).stream().mapToInt(this::deleteUnder).sum();
    }

    /** What is left of the organization in the bucket, as S3's list of object versions shows it. */
    public Count countOrganization(TenantId tenant) {
        int[] count = new int[2];
        for (String prefix : organizationPrefixes(tenant)) {
            store.call(s3 -> {
                s3.listObjectVersionsPaginator(b -> b.bucket(store.bucket()).prefix(prefix)).forEach(page -> {
                    count[0] += page.versions().size();
                    count[1] += page.deleteMarkers().size();
                });
                return null;
            });
        }
        return new Count(count[0], count[1]);
    }

    /** Every version and delete marker of exactly one key (one document version's object; not ".../2" for ".../20"). */
    public int deleteObject(String key) {
        return deleteUnder(key, key::equals);
    }

    private int deleteUnder(String prefix) {
        return deleteUnder(prefix, k -> true);
    }

    private int deleteUnder(String prefix, java.util.function.Predicate<String> keyWanted) {
        List<ObjectIdentifier> doomed = new ArrayList<>();
        store.call(s3 -> {
            s3.listObjectVersionsPaginator(b -> b.bucket(store.bucket()).prefix(prefix)).forEach(page -> {
                page.versions().stream().filter(v -> keyWanted.test(v.key()))
                        .forEach(v -> doomed.add(ObjectIdentifier.builder().key(v.key()).versionId(v.versionId()).build()));
                page.deleteMarkers().stream().filter(m -> keyWanted.test(m.key()))
                        .forEach(m -> doomed.add(ObjectIdentifier.builder().key(m.key()).versionId(m.versionId()).build()));
            });
            return null;
        });
        for (int from = 0; from < doomed.size(); from += 1000) {
            List<ObjectIdentifier> batch = doomed.subList(from, Math.min(doomed.size(), from + 1000));
            var result = store.call(s3 -> s3.deleteObjects(b -> b.bucket(store.bucket())
                    .delete(Delete.builder().objects(batch).quiet(true).build())));
            if (result.hasErrors() && !result.errors().isEmpty()) {
                throw new IllegalStateException("S3 refused to delete " + result.errors().size() + " object versions under "
                        + prefix + ", e.g. " + result.errors().get(0).key() + ": " + result.errors().get(0).message());
            }
        }
        return doomed.size();
    }

    /**
     * Every document object key in the bucket, for the reaper, in batches of at most {@code batch}:
     * current and noncurrent versions and delete markers alike (a partial delete can leave any of
     * them), each key once, with its newest date.
     */
    public void forEachStored(int batch, Consumer<List<Stored>> action) {
        Map<String, Instant> keys = new java.util.LinkedHashMap<>();
        store.call(s3 -> {
            s3.listObjectVersionsPaginator(b -> b.bucket(store.bucket()).prefix(ROOT)).forEach(page -> {
                page.versions().forEach(v -> keys.merge(v.key(), v.lastModified(), (a, b) -> a.isAfter(b) ? a : b));
                page.deleteMarkers().forEach(m -> keys.merge(m.key(), m.lastModified(), (a, b) -> a.isAfter(b) ? a : b));
            });
            return null;
        });
        List<Stored> stored = new ArrayList<>(batch);
        keys.forEach((key, lastModified) -> {
            String[] parts = key.split("/");
            if (parts.length == 5 && parts[2].equals("documents")) {
                try {
                    stored.add(new Stored(key, TenantId.parse(parts[1]), UUID.fromString(parts[3]),
                            Integer.parseInt(parts[4]), lastModified));
                } catch (IllegalArgumentException e) {
                    // not one of ours: left alone
                }
            }
            if (stored.size() == batch) {
                action.accept(List.copyOf(stored));
                stored.clear();
            }
        });
        if (!stored.isEmpty()) {
            action.accept(List.copyOf(stored));
        }
    }
}
