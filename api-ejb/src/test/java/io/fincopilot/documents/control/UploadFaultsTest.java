package io.fincopilot.documents.control;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.fincopilot.documents.control.UploadFaults.Step;
import org.junit.jupiter.api.Test;

class UploadFaultsTest {

    @Test
    void withoutTheSwitchAFaultHeaderDoesNothing() {
        for (Step step : Step.values()) {
            assertDoesNotThrow(() -> UploadFaults.fail(false, step, "after-put:crash"));
            assertDoesNotThrow(() -> UploadFaults.fail(false, step, step.name()));
        }
    }

    @Test
    void withTheSwitchTheNamedStepFailsOrCrashes() {
        assertThrows(IllegalStateException.class, () -> UploadFaults.fail(true, Step.AFTER_PUT, "after-put"));
        assertThrows(UploadFaults.SimulatedCrash.class, () -> UploadFaults.fail(true, Step.AFTER_PUT, "After-Put:crash"));
        assertDoesNotThrow(() -> UploadFaults.fail(true, Step.AFTER_RESERVE, "after-put"));
        assertDoesNotThrow(() -> UploadFaults.fail(true, Step.AFTER_RESERVE, null));
    }
}
