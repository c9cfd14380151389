package io.fincopilot.platform;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Gives every request an id (kept from {@code X-Request-Id} when well-formed), echoes it in the
 * response, sets the headers every answer needs, and writes one access line per request (JSON
 * fields in the server log). Registered in each WAR's web.xml.
 */
public class RequestLogFilter extends HttpFilter {

    private static final Logger ACCESS = Logger.getLogger("io.fincopilot.access");

    @Override
    protected void doFilter(HttpServletRequest req, HttpServletResponse res, FilterChain chain)
            throws IOException, ServletException {
        String id = RequestId.begin(req, res);
        // Answers may carry secrets (a new key, a one-time password) and tenant data: never cache or sniff them.
        String uri = req.getRequestURI();
        if (!uri.contains("/jakarta.faces.resource/") && !uri.contains("/webjars/")) {
            res.setHeader("Cache-Control", "no-store");
        }
        res.setHeader("X-Content-Type-Options", "nosniff");
        res.setHeader("Referrer-Policy", "no-referrer");
        long start = System.nanoTime();
        try {
            chain.doFilter(req, res);
        } finally {
            Map<String, Object> fields = new LinkedHashMap<>();
            fields.put("method", req.getMethod());
            fields.put("path", req.getRequestURI());
            fields.put("status", res.getStatus());
            fields.put("durationMs", (System.nanoTime() - start) / 1_000_000);
            fields.put("user", req.getRemoteUser() == null ? "-" : req.getRemoteUser());
            StructuredLog.log(ACCESS, Level.INFO, "request", fields, null);
            RequestId.end();
        }
    }
}
