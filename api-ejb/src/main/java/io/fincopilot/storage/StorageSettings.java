package io.fincopilot.storage;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** Where documents are stored: an S3 bucket, on AWS or on an S3-compatible server. */
@ApplicationScoped
public class StorageSettings {

    @Inject
    @ConfigProperty(name = "fincopilot.s3.bucket", defaultValue = "fincopilot-documents")
    String bucket;

    @Inject
    @ConfigProperty(name = "fincopilot.s3.region", defaultValue = "us-east-1")
    String region;

    /** Set for an S3-compatible server; absent on AWS. */
    @Inject
    @ConfigProperty(name = "fincopilot.s3.endpoint")
    Optional<String> endpoint;

    @Inject
    @ConfigProperty(name = "fincopilot.s3.path-style", defaultValue = "false")
    boolean pathStyle;

    /** Static credentials for an S3-compatible server; on AWS the default provider chain (task role) is used. */
    @Inject
    @ConfigProperty(name = "fincopilot.s3.access-key")
    Optional<String> accessKey;

    @Inject
    @ConfigProperty(name = "fincopilot.s3.secret-key")
    Optional<String> secretKey;

    public String bucket() {
        return bucket;
    }

    public String region() {
        return region;
    }

    public Optional<String> endpoint() {
        return endpoint.filter(s -> !s.isBlank());
    }

    public boolean pathStyle() {
        return pathStyle;
    }

    public Optional<String> accessKey() {
        return accessKey.filter(s -> !s.isBlank());
    }

    public Optional<String> secretKey() {
        return secretKey.filter(s -> !s.isBlank());
    }
}
