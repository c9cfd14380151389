package io.fincopilot.platform;

import io.fincopilot.keys.control.KeySecret;
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

    /** Our static pages, Swagger UI and the API's answers: scripts and styles from here only. */
    static final String PAGE_POLICY = "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
            + "img-src 'self' data:; object-src 'none'; base-uri 'self'; frame-ancestors 'self'; form-action 'self'";

    private static boolean rendersFaces(HttpServletRequest req) {
        String path = req.getRequestURI().substring(req.getContextPath().length());
        return path.endsWith(".xhtml") || path.equals("/") && req.getContextPath().equals("/admin")
                || path.equals("/console/") || path.equals("/console");
    }

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
        if (req.isSecure()) {
            res.setHeader("Strict-Transport-Security", "max-age=31536000; includeSubDomains");
        }
        if (!rendersFaces(req)) {
            // Faces pages get PrimeFaces' own policy, with a nonce per response (primefaces.CSP in web.xml).
            res.setHeader("Content-Security-Policy", PAGE_POLICY);
        }
        res.setHeader("Referrer-Policy", "no-referrer");
        long start = System.nanoTime();
        try {
            chain.doFilter(req, res);
        } finally {
            Map<String, Object> fields = new LinkedHashMap<>();
            fields.put("method", req.getMethod());
            fields.put("path", KeySecret.redact(req.getRequestURI()));
            fields.put("status", res.getStatus());
            fields.put("durationMs", (System.nanoTime() - start) / 1_000_000);
            fields.put("user", req.getRemoteUser() == null ? "-" : req.getRemoteUser());
            StructuredLog.log(ACCESS, Level.INFO, "request", fields, null);
            RequestId.end();
        }
    }
}
