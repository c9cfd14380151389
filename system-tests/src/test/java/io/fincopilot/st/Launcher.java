package io.fincopilot.st;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The stack's own launcher, for the tests and drills that stop, start or kill one of its processes
 * ({@code ./fincopilot stop|start|kill <component>}); by default the test stack's
 * ({@code launcher/test-stack}).
 */
final class Launcher {

    private static final Path LAUNCHER = Path.of(System.getProperty("fincopilot.launcher", "../launcher/test-stack"));

    private Launcher() {
    }

    /** Runs the launcher with these arguments and asserts that it succeeded. */
    static void run(String... arguments) {
        List<String> command = new ArrayList<>(List.of(LAUNCHER.toString()));
        command.addAll(List.of(arguments));
        String shown = "./fincopilot " + String.join(" ", arguments);
        try {
            Path log = Files.createTempFile("launcher-", ".log");
            Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
            if (!process.waitFor(5, TimeUnit.MINUTES)) {
                process.destroyForcibly();
                fail(shown + " did not finish: " + Files.readString(log));
            }
            assertEquals(0, process.exitValue(), shown + ": " + Files.readString(log));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
