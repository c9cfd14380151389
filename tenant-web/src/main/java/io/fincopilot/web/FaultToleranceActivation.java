package io.fincopilot.web;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.faulttolerance.Timeout;

/**
 * Turns MicroProfile Fault Tolerance on for the whole application (decision 59). Payara enables it
 * only for an application whose WAR holds a class with a fault tolerance annotation (its sniffer
 * reads {@code .war} archives alone); once enabled, its CDI extension guards every bean of the
 * EAR, among them {@code RemoteModels} in the EJB module, which is where the annotations that
 * matter are. Nothing calls this class; ProvidersIT fails (no retry, no timeout, no circuit) if it
 * is removed.
 */
@ApplicationScoped
public class FaultToleranceActivation {

    @Timeout(1000)
    public void activate() {
        // the annotation is the point
    }
}
