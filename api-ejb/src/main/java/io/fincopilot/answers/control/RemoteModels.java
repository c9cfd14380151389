package io.fincopilot.answers.control;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.temporal.ChronoUnit;
import org.eclipse.microprofile.faulttolerance.Bulkhead;
import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.faulttolerance.Timeout;
import org.eclipse.microprofile.faulttolerance.exceptions.TimeoutException;

/**
 * Remote models behind MicroProfile Fault Tolerance (decision 59), one method per provider so that
 * each has its own circuit and bulkhead. Per attempt: a timeout; a retry with backoff when the
 * provider may recover (429, 5xx, a lost connection, a garbled body), never on any other 4xx nor
 * once streamed text reached the caller; a circuit that opens when most recent calls failed, so a
 * dead provider costs nobody a wait (a garbled body or a missing first byte is not retried, but
 * counts); a bulkhead so that a slow provider holds at most so many
 * request threads; retries end after a minute whatever. Every value can be changed through MicroProfile Config
 * ({@code io.fincopilot.answers.control.RemoteModels/openAi/Timeout/value} and so on; the
 * circuit's delay is in milliseconds, because Payara reads a configured delay as milliseconds
 * whatever the annotation's unit). Payara guards this EJB module's beans only because a WAR holds
 * a fault tolerance annotation too ({@code FaultToleranceActivation}). Callers catch what is
 * thrown and fall back to the extractive answer.
 */
@ApplicationScoped
public class RemoteModels {

    @Timeout(value = 30, unit = ChronoUnit.SECONDS)
    @Retry(maxRetries = 2, delay = 500, jitter = 250, maxDuration = 60_000, retryOn = ProviderFailure.Unavailable.class,
            abortOn = {ProviderFailure.Refused.class, ProviderFailure.Unusable.class})
    @CircuitBreaker(requestVolumeThreshold = 8, failureRatio = 0.75, delay = 30_000, delayUnit = ChronoUnit.MILLIS,
            failOn = {ProviderFailure.Unavailable.class, ProviderFailure.Unusable.class, TimeoutException.class},
            skipOn = ProviderFailure.Refused.class)
    @Bulkhead(16)
    public ModelReply openAi(RemoteChat chat, ChatPrompt prompt, TextSink sink) {
        return chat.complete(prompt, sink);
    }

    @Timeout(value = 30, unit = ChronoUnit.SECONDS)
    @Retry(maxRetries = 2, delay = 500, jitter = 250, maxDuration = 60_000, retryOn = ProviderFailure.Unavailable.class,
            abortOn = {ProviderFailure.Refused.class, ProviderFailure.Unusable.class})
    @CircuitBreaker(requestVolumeThreshold = 8, failureRatio = 0.75, delay = 30_000, delayUnit = ChronoUnit.MILLIS,
            failOn = {ProviderFailure.Unavailable.class, ProviderFailure.Unusable.class, TimeoutException.class},
            skipOn = ProviderFailure.Refused.class)
    @Bulkhead(16)
    public ModelReply anthropic(RemoteChat chat, ChatPrompt prompt, TextSink sink) {
        return chat.complete(prompt, sink);
    }
}
