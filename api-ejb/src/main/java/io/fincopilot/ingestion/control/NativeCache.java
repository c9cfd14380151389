package io.fincopilot.ingestion.control;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Where DJL unpacks the tokenizer's native library, and that it never downloads anything. DJL reads
 * both settings once, when its classes first load, from the environment first and system
 * properties second, so this must run before the first tokenizer or model is made. The properties
 * are JVM-wide: in an application server every application shares them.
 */
public final class NativeCache {

    private NativeCache() {
    }

    /** Sets {@code DJL_CACHE_DIR} (unless the environment sets it) and {@code ai.djl.offline=true}. */
    public static synchronized Path use(Path directory) {
        try {
            Files.createDirectories(directory);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (System.getenv("DJL_CACHE_DIR") == null) {
            System.setProperty("DJL_CACHE_DIR", directory.toAbsolutePath().toString());
        }
        System.setProperty("ai.djl.offline", "true");
        return directory;
    }
}
