package io.fincopilot.documents.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Locale;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Failures injected between the steps of an upload, for the test that proves the protocol keeps
 * its promises (decision 48). Off unless the server runs with {@code fincopilot.test.faults=true},
 * which only the test stack sets; then a request's {@code X-Fincopilot-Fault: <step>[:crash]} fails
 * there. A plain failure lets the upload undo itself; {@code crash} stops it dead, as a killed
 * process would, and leaves the clean-up to the reaper.
 */
@ApplicationScoped
public class UploadFaults {

    /** The points between an upload's steps. */
    public enum Step { BEFORE_RESERVE, AFTER_RESERVE, AFTER_PUT, AFTER_CONFIRM }

    /** Stands for the process dying: an Error, so no compensation (which catches exceptions) runs. */
    public static final class SimulatedCrash extends Error {
        SimulatedCrash(Step step) {
            super("simulated crash " + step.name().toLowerCase(Locale.ROOT).replace('_', '-'));
        }
    }

    @Inject
    @ConfigProperty(name = "fincopilot.test.faults", defaultValue = "false")
    boolean enabled;

    public void at(Step step, String requested) {
        fail(enabled, step, requested);
    }

    static void fail(boolean enabled, Step step, String requested) {
        if (!enabled || requested == null) {
            return;
        }
        String[] parts = requested.trim().toLowerCase(Locale.ROOT).split(":");
        if (!parts[0].equals(step.name().toLowerCase(Locale.ROOT).replace('_', '-'))) {
            return;
        }
        if (parts.length > 1 && parts[1].equals("crash")) {
            throw new SimulatedCrash(step);
        }
        throw new IllegalStateException("injected failure " + parts[0]);
    }
}
