package io.fincopilot.platform;

import jakarta.enterprise.inject.spi.CDI;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.container.DynamicFeature;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.FeatureContext;
import jakarta.ws.rs.ext.Provider;
import java.time.Duration;

/**
 * Request rate and latency per API operation, as a MicroProfile timer ({@code fincopilot_requests}
 * in /metrics) tagged with the operation and the status class. Registered in each Application; each
 * resource method gets its own filter with its operation's name, so nothing is looked up per request.
 */
@Provider
public class RequestMetrics implements DynamicFeature {

    private static final String STARTED = RequestMetrics.class.getName() + ".started";

    @Override
    public void configure(ResourceInfo resource, FeatureContext context) {
        context.register(new Timing(resource.getResourceClass().getSimpleName() + "." + resource.getResourceMethod().getName()));
    }

    static final class Timing implements ContainerRequestFilter, ContainerResponseFilter {

        private final String operation;
        private volatile PlatformMetrics metrics;

        Timing(String operation) {
            this.operation = operation;
        }

        @Override
        public void filter(ContainerRequestContext request) {
            request.setProperty(STARTED, System.nanoTime());
        }

        @Override
        public void filter(ContainerRequestContext request, ContainerResponseContext response) {
            if (!(request.getProperty(STARTED) instanceof Long start)) {
                return;
            }
            if (metrics == null) {
                metrics = CDI.current().select(PlatformMetrics.class).get();
            }
            metrics.request(operation, response.getStatus(), Duration.ofNanos(System.nanoTime() - start));
        }
    }
}
