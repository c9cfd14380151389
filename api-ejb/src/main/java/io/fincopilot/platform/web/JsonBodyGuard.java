package io.fincopilot.platform.web;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import io.fincopilot.platform.problem.Problem;
import io.fincopilot.platform.problem.ProblemException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.ext.Provider;
import jakarta.ws.rs.ext.ReaderInterceptor;
import jakarta.ws.rs.ext.ReaderInterceptorContext;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Reads every JSON request body before JSON-B does: at most {@code fincopilot.api.max-json-bytes}
 * (413 beyond), then checks it with Jackson's streaming parser, which fails at once on truncated
 * or malformed input (Payara's JSON-P parser spins for ever on some truncated bodies). Strings
 * may not hold a NUL character, which PostgreSQL refuses. Only then are the bytes handed on.
 */
@Provider
public class JsonBodyGuard implements ReaderInterceptor {

    private static final JsonFactory JSON = JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(64).build())
            .build();

    /** How much of an oversized body is read and dropped before the 413; a larger rest is cut off. */
    private static final long DRAIN_BYTES = 8L * 1024 * 1024;

    private final int maxBytes = ConfigProvider.getConfig()
            .getOptionalValue("fincopilot.api.max-json-bytes", Integer.class).orElse(262_144);

    @Override
    public Object aroundReadFrom(ReaderInterceptorContext context) throws IOException {
        if (!isJson(context.getMediaType())) {
            return context.proceed();
        }
        byte[] body;
        try {
            body = readAtMost(context.getInputStream(), maxBytes);
        } catch (IOException e) {
            // The client stopped sending before its declared length (the container's read timed out).
            throw new ProblemException(Problem.of(408, "body-incomplete", "Request body incomplete",
                    "the body ended or stalled before the length the request declared"));
        }
        check(body);
        checkShape(body, context.getGenericType());
        context.setInputStream(new ByteArrayInputStream(body));
        return context.proceed();
    }

    static boolean isJson(MediaType type) {
        return type != null && ("json".equalsIgnoreCase(type.getSubtype())
                || type.getSubtype().toLowerCase().endsWith("+json"));
    }

    static byte[] readAtMost(InputStream in, int max) throws IOException {
        byte[] body = in.readNBytes(max + 1);
        if (body.length > max) {
            // Read (and drop) a bounded rest, so that a client still sending can finish and read the 413.
            drain(in, DRAIN_BYTES);
            throw new ProblemException(Problem.of(413, "body-too-large", "Request body too large",
                    "a JSON body may have at most " + max + " bytes"));
        }
        return body;
    }

    private static void drain(InputStream in, long limit) throws IOException {
        byte[] sink = new byte[8192];
        long total = 0;
        int n;
        while (total < limit && (n = in.read(sink, 0, (int) Math.min(sink.length, limit - total))) > 0) {
            total += n;
        }
    }

    /** Walks every token: a truncated, malformed, too deep or NUL-bearing body is refused here. */
    static void check(byte[] body) {
        if (body.length == 0) {
            return;
        }
        try (JsonParser parser = JSON.createParser(body)) {
            JsonToken token;
            while ((token = parser.nextToken()) != null) {
                if ((token == JsonToken.VALUE_STRING || token == JsonToken.FIELD_NAME)
                        && parser.getText().indexOf('\0') >= 0) {
                    throw malformed("text may not contain the NUL character (\\u0000)");
                }
            }
        } catch (StreamConstraintsException e) {
            throw malformed("the body nests deeper than allowed");
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            throw malformed("the body is not valid JSON: " + plain(e.getOriginalMessage())
                    + (at == null ? "" : " (line " + at.getLineNr() + ", column " + at.getColumnNr() + ")"));
        } catch (IOException e) {
            throw malformed("the body could not be read");
        }
    }

    /** Values of the wrong JSON type for the record read (a text for a boolean, a fraction for a count) are a 400. */
    static void checkShape(byte[] body, java.lang.reflect.Type target) {
        if (body.length == 0 || !(target instanceof Class<?> type) || !type.isRecord()) {
            return;
        }
        String wrong;
        try {
            wrong = JsonShape.mismatch(SHAPES.readTree(body), target, "");
        } catch (IOException e) {
            throw malformed("the body could not be read");
        }
        if (wrong != null) {
            throw new ProblemException(Problem.of(400, "malformed-body", "Malformed request body",
                    "a value has the wrong type: " + wrong));
        }
    }

    private static final com.fasterxml.jackson.databind.ObjectMapper SHAPES = new com.fasterxml.jackson.databind.ObjectMapper(JSON);

    private static ProblemException malformed(String detail) {
        return new ProblemException(Problem.of(400, "malformed-body", "Malformed request body", detail));
    }

    /** Jackson's message without its source excerpt and marker positions. */
    private static String plain(String message) {
        if (message == null) {
            return "unreadable";
        }
        String text = message.split("\n", 2)[0];
        int cut = text.indexOf(" (start marker");
        return cut < 0 ? text : text.substring(0, cut);
    }
}
