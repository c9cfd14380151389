package io.fincopilot.platform.health;

import io.fincopilot.storage.ObjectStore;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;
import software.amazon.awssdk.core.exception.SdkException;

/** Ready only when the document bucket exists and can be reached with our credentials. */
@Readiness
@ApplicationScoped
public class StorageReadiness implements HealthCheck {

    @Inject
    ObjectStore store;

    @Override
    public HealthCheckResponse call() {
        try {
            store.client().headBucket(b -> b.bucket(store.bucket()));
            return HealthCheckResponse.named("storage").up().withData("bucket", store.bucket()).build();
        } catch (SdkException e) {
            return HealthCheckResponse.named("storage").down().withData("bucket", store.bucket())
                    .withData("error", String.valueOf(e.getMessage())).build();
        }
    }
}
