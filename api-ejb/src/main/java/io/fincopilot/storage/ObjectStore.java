package io.fincopilot.storage;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import io.fincopilot.platform.outage.Dependency;
import io.fincopilot.platform.outage.DependencyUnavailable;
import io.fincopilot.platform.outage.Guarded;
import jakarta.inject.Inject;
import java.net.URI;
import java.time.Duration;
import java.util.function.Function;
import org.eclipse.microprofile.faulttolerance.exceptions.CircuitBreakerOpenException;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3ClientBuilder;

/**
 * The application's one S3 client (thread-safe, pooled), configured from {@link StorageSettings}.
 * Every use goes through {@link #call}, behind the storage circuit; only the readiness check reads
 * the client directly, so it sees S3 as it is.
 */
@ApplicationScoped
public class ObjectStore {

    @Inject
    StorageSettings settings;

    @Inject
    Guarded guarded;

    private S3Client client;

    @PostConstruct
    void open() {
        S3ClientBuilder builder = S3Client.builder()
                .region(Region.of(settings.region()))
                .credentialsProvider(credentials())
                .forcePathStyle(settings.pathStyle())
                .httpClientBuilder(ApacheHttpClient.builder()
                        .connectionTimeout(Duration.ofSeconds(5))
                        .socketTimeout(Duration.ofSeconds(60))
                        // A download holds its connection while the client reads it: more than the SDK's 50.
                        .maxConnections(200)
                        .connectionAcquisitionTimeout(Duration.ofSeconds(10)));
        settings.endpoint().map(URI::create).ifPresent(builder::endpointOverride);
        client = builder.build();
    }

    @PreDestroy
    void close() {
        client.close();
    }

    /** For the readiness check alone: S3 as it is, without the circuit. */
    public S3Client client() {
        return client;
    }

    /**
     * Runs an S3 call behind the storage circuit: S3 unreachable, failing on its side or its circuit
     * open is a {@link DependencyUnavailable} (a 503); S3 refusing the request itself (a 404, a 403)
     * is its own exception, as before.
     */
    public <T> T call(Function<S3Client, T> action) {
        try {
            return guarded.storage(() -> action.apply(client));
        } catch (CircuitBreakerOpenException e) {
            throw new DependencyUnavailable(Dependency.STORAGE, e);
        }
    }

    public String bucket() {
        return settings.bucket();
    }

    private AwsCredentialsProvider credentials() {
        if (settings.accessKey().isPresent() && settings.secretKey().isPresent()) {
            return StaticCredentialsProvider.create(
                    AwsBasicCredentials.create(settings.accessKey().get(), settings.secretKey().get()));
        }
        return DefaultCredentialsProvider.builder().build();
    }
}
