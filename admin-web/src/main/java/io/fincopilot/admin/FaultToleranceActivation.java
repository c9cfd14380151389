package io.fincopilot.admin;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.faulttolerance.Timeout;

/**
 * Turns MicroProfile Fault Tolerance on for admin-web when it runs alone on Payara Micro, as
 * tenant-web's class of the same name does for the EAR (decision 59): Payara enables it only for a
 * WAR that holds a class with a fault tolerance annotation, and the circuits that matter here are
 * Keycloak's and S3's ({@code Guarded}, decision 77). Nothing calls this class.
 */
@ApplicationScoped
public class FaultToleranceActivation {

    @Timeout(1000)
    public void activate() {
        // the annotation is the point
    }
}
