package io.fincopilot.platform;

import jakarta.enterprise.inject.spi.CDI;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.ext.Provider;
import java.time.Duration;

/**
 * Request rate and latency per API operation, as a MicroProfile timer ({@code fincopilot_requests}
 * in /metrics) tagged with the operation and the status class. Registered in each Application.
 */
@Provider
public class RequestMetrics implements ContainerRequestFilter, ContainerResponseFilter {

    private static final String STARTED = RequestMetrics.class.getName() + ".started";

    // Not a CDI bean: each JAX-RS application gets its own instance, bound to its own ResourceInfo.
    @Context
    ResourceInfo resource;

    private volatile PlatformMetrics metrics;

    @Override
    public void filter(ContainerRequestContext request) {
        request.setProperty(STARTED, System.nanoTime());
    }

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        Object started = request.getProperty(STARTED);
        if (!(started instanceof Long start)) {
            return;
        }
        String operation = resource == null || resource.getResourceMethod() == null ? "unmatched"
                : resource.getResourceClass().getSimpleName() + "." + resource.getResourceMethod().getName();
        if (metrics == null) {
            metrics = CDI.current().select(PlatformMetrics.class).get();
        }
        metrics.request(operation, response.getStatus(), Duration.ofNanos(System.nanoTime() - start));
    }
}
