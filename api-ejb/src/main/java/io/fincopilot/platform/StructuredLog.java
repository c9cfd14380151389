package io.fincopilot.platform;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/**
 * Log lines with fields. Payara's JSON log formatter turns a {@link Map} parameter into top-level
 * JSON fields, so every line written here carries the request id as a field of its own.
 */
public final class StructuredLog {

    private StructuredLog() {
    }

    public static void log(Logger logger, Level level, String message, Map<String, ?> fields, Throwable thrown) {
        if (!logger.isLoggable(level)) {
            return;
        }
        Map<String, Object> all = new LinkedHashMap<>();
        String requestId = RequestId.current();
        if (requestId != null) {
            all.put("requestId", requestId);
        }
        all.putAll(fields);
        LogRecord record = new LogRecord(level, message);
        record.setLoggerName(logger.getName());
        // Named here, the source is not inferred by walking the stack, which cost every request a few percent.
        record.setSourceClassName(logger.getName());
        record.setParameters(new Object[] {all});
        record.setThrown(thrown);
        logger.log(record);
    }
}
