package io.fincopilot.platform.outage;

import io.fincopilot.platform.Causes;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.WebApplicationException;
import java.io.IOException;
import java.time.temporal.ChronoUnit;
import java.util.function.Supplier;
import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.s3.model.S3Exception;

/**
 * The calls to S3 and to Keycloak's admin API, each behind one MicroProfile Fault Tolerance
 * circuit (decision 77): after half of at least four calls failed because the service could not be
 * reached or failed on its side, the circuit opens and calls are refused at once for the delay
 * (the {@code ft_circuitbreaker_*} metrics of {@code /metrics} show it), then one call is let
 * through to try. A refusal of the request itself (a 404, a 409) is not a failure of the service
 * and counts for nothing. The SDKs retry on their own; these circuits stop a dead service from
 * holding every request thread for its connection time-outs. Callers go through
 * {@code ObjectStore.call} and {@code KeycloakDirectory}, which turn an open circuit into
 * {@link DependencyUnavailable}.
 */
@ApplicationScoped
public class Guarded {

    @CircuitBreaker(requestVolumeThreshold = 4, failureRatio = 0.5, delay = 10, delayUnit = ChronoUnit.SECONDS,
            failOn = DependencyUnavailable.class)
    public <T> T storage(Supplier<T> call) {
        try {
            return call.get();
        } catch (SdkClientException e) {
            // S3 not reached (refused, reset, timed out); waiting for one of our own pooled connections is not S3's failure.
            if (failedConnection(e) && !waitedForPool(e)) {
                throw new DependencyUnavailable(Dependency.STORAGE, e);
            }
            throw e;
        } catch (S3Exception e) {
            // 5xx: S3 failed; 403: it refuses our credentials (expired, revoked): the store is unusable either way.
            if (e.statusCode() >= 500 || e.statusCode() == 403) {
                throw new DependencyUnavailable(Dependency.STORAGE, e);
            }
            throw e;
        }
    }

    // No @Timeout: Payara's interrupts the thread and answers "timed out" even for a call that then
    // succeeded (an account made, reported as not made); the client's own time-outs bound each call.
    @CircuitBreaker(requestVolumeThreshold = 4, failureRatio = 0.5, delay = 15, delayUnit = ChronoUnit.SECONDS,
            failOn = DependencyUnavailable.class)
    public <T> T identity(Supplier<T> call) {
        try {
            return call.get();
        } catch (ProcessingException e) {
            // Also thrown for an answer that could not be read: only a failed connection is an outage.
            if (failedConnection(e)) {
                throw new DependencyUnavailable(Dependency.IDENTITY, e);
            }
            throw e;
        } catch (WebApplicationException e) {
            if (e.getResponse().getStatus() >= 500) {
                throw new DependencyUnavailable(Dependency.IDENTITY, e);
            }
            throw e;
        }
    }

    static boolean waitedForPool(Throwable failure) {
        return Causes.of(failure).anyMatch(c -> c.getClass().getSimpleName().equals("ConnectionPoolTimeoutException"));
    }

    /** An I/O failure of the connection (refused, reset, timed out), not of reading JSON. */
    static boolean failedConnection(Throwable failure) {
        return Causes.of(failure).anyMatch(c -> c instanceof IOException && !c.getClass().getName().startsWith("com.fasterxml.jackson."));
    }
}
