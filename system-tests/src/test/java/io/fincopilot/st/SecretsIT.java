package io.fincopilot.st;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Secrets stay secret: the files that hold them are readable by their owner only, and no password,
 * client secret or API key appears in any log of the stack or on any process's command line.
 */
class SecretsIT {

    private static final Stack STACK = Stack.get();
    private static final Path STATE = Path.of(System.getProperty("fincopilot.secrets", "../.fincopilot-test/secrets.env"))
            .toAbsolutePath().getParent();

    @Test
    void theFilesHoldingSecretsAreTheOwnersAlone() throws IOException {
        for (String file : List.of("secrets.env", "demo.env")) {
            Set<PosixFilePermission> mode = Files.getPosixFilePermissions(STATE.resolve(file));
            assertEquals(Set.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE), mode, file);
        }
    }

    @Test
    void noSecretAppearsInAnyLogOrOnAnyCommandLine() throws IOException {
        Map<String, String> secrets = secrets();
        // A key sent where it must not be (in the URL) is refused; it must not be logged either.
        String key = Tenants.key(Tenants.create("secrets").adminToken(), "ask");
        assertEquals(400, STACK.get("/api/v1/me;" + key, null).statusCode());
        secrets.put("a key sent in the URL", key.substring(key.lastIndexOf('_') + 1));

        List<Path> logs = new ArrayList<>();
        for (Path folder : List.of(STATE.resolve("logs"), STATE.resolve("payara-domains/fincopilot/logs"))) {
            try (Stream<Path> files = Files.walk(folder)) {
                files.filter(Files::isRegularFile).forEach(logs::add);
            }
        }
        logs.add(STATE.resolve("logs/postgres.log").toRealPath());
        assertTrue(logs.size() >= 5, "the stack's logs were found: " + logs);
        List<String> leaks = new ArrayList<>();
        for (Path log : logs) {
            String text = Files.readString(log, StandardCharsets.ISO_8859_1);
            secrets.forEach((name, value) -> {
                if (text.contains(value)) {
                    leaks.add(name + " in " + STATE.relativize(log));
                }
            });
        }
        try (Stream<Path> processes = Files.list(Path.of("/proc"))) {
            processes.filter(p -> p.getFileName().toString().matches("\\d+")).forEach(p -> {
                String commandLine = commandLine(p);
                secrets.forEach((name, value) -> {
                    if (commandLine.contains(value)) {
                        leaks.add(name + " on the command line of process " + p.getFileName() + ": "
                                + commandLine.substring(0, Math.min(80, commandLine.length())));
                    }
                });
            });
        }
        assertEquals(List.of(), leaks);
    }

    private static Map<String, String> secrets() throws IOException {
        Map<String, String> secrets = new LinkedHashMap<>();
        for (String file : List.of("secrets.env", "demo.env")) {
            Properties properties = new Properties();
            try (var reader = Files.newBufferedReader(STATE.resolve(file))) {
                properties.load(reader);
            }
            properties.forEach((name, value) -> {
                String n = name.toString();
                if (n.equals("AUDIT_HMAC_KEYS")) { // id:base64,...: the ids are on every event, the keys are secret
                    for (String entry : value.toString().split(",")) {
                        secrets.put(n + " (" + entry.substring(0, entry.indexOf(':')) + ")", entry.substring(entry.indexOf(':') + 1));
                    }
                } else if ((n.contains("PASSWORD") || n.contains("SECRET") || n.endsWith("_KEY")) && !n.endsWith("ACTIVE_KEY")
                        && value.toString().length() >= 12) {
                    secrets.put(n, value.toString());
                }
            });
        }
        assertTrue(secrets.containsKey("DEMO_API_KEY") && secrets.containsKey("PG_APP_PASSWORD")
                && secrets.containsKey("PG_OWNER_PASSWORD") && secrets.keySet().stream().anyMatch(k -> k.startsWith("AUDIT_HMAC_KEYS")),
                secrets.keySet().toString());
        return secrets;
    }

    private static String commandLine(Path process) {
        try {
            return new String(Files.readAllBytes(process.resolve("cmdline")), StandardCharsets.UTF_8).replace('\0', ' ');
        } catch (IOException | UncheckedIOException e) {
            return ""; // the process ended meanwhile
        }
    }
}
