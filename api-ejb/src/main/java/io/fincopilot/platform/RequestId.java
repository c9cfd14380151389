package io.fincopilot.platform;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.UUID;
import java.util.regex.Pattern;

/** The id that ties a request's response, problem documents and log lines together. */
public final class RequestId {

    public static final String HEADER = "X-Request-Id";
    private static final Pattern ACCEPTABLE = Pattern.compile("[A-Za-z0-9._-]{8,64}");
    private static final ThreadLocal<String> CURRENT = new ThreadLocal<>();

    private RequestId() {
    }

    /**
     * Starts (or rejoins) the request's id: kept from an upstream {@code X-Request-Id} when
     * well-formed, otherwise new; echoed on the response. Authentication runs before the servlet
     * filters, so whichever comes first begins it.
     */
    public static String begin(HttpServletRequest req, HttpServletResponse res) {
        Object existing = req.getAttribute(HEADER);
        if (existing instanceof String id) {
            CURRENT.set(id);
            return id;
        }
        String incoming = req.getHeader(HEADER);
        String id = incoming != null && ACCEPTABLE.matcher(incoming).matches() ? incoming : UUID.randomUUID().toString();
        req.setAttribute(HEADER, id);
        res.setHeader(HEADER, id);
        CURRENT.set(id);
        return id;
    }

    public static String current() {
        return CURRENT.get();
    }

    static void end() {
        CURRENT.remove();
    }
}
