package io.fincopilot.platform;

import jakarta.json.Json;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.logging.Logger;

/**
 * Gives every request an id (kept from {@code X-Request-Id} when well-formed), echoes it in the
 * response, and writes one JSON access line per request. Registered in each WAR's web.xml.
 */
public class RequestLogFilter extends HttpFilter {

    private static final Logger ACCESS = Logger.getLogger("io.fincopilot.access");

    @Override
    protected void doFilter(HttpServletRequest req, HttpServletResponse res, FilterChain chain)
            throws IOException, ServletException {
        String id = RequestId.begin(req, res);
        long start = System.nanoTime();
        try {
            chain.doFilter(req, res);
        } finally {
            ACCESS.info(() -> Json.createObjectBuilder()
                    .add("requestId", id)
                    .add("method", req.getMethod())
                    .add("path", req.getRequestURI())
                    .add("status", res.getStatus())
                    .add("durationMs", (System.nanoTime() - start) / 1_000_000)
                    .add("user", req.getRemoteUser() == null ? "-" : req.getRemoteUser())
                    .build().toString());
            RequestId.end();
        }
    }
}
