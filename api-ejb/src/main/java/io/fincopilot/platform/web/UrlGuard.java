package io.fincopilot.platform.web;

import io.fincopilot.platform.problem.ProblemException;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.ext.Provider;
import java.util.List;

/**
 * Refuses a URL whose path or query parameters hold a NUL character before any resource sees it:
 * PostgreSQL refuses byte 0 in text, and a client's typo must be a 400, not a failed statement.
 */
@Provider
@PreMatching
public class UrlGuard implements ContainerRequestFilter {

    @Override
    public void filter(ContainerRequestContext request) {
        if (request.getUriInfo().getPath(true).indexOf('\0') >= 0 || holdsNul(request.getUriInfo().getQueryParameters(true))) {
            throw ProblemException.badRequest("the URL may not contain the NUL character (%00)");
        }
    }

    private static boolean holdsNul(MultivaluedMap<String, String> parameters) {
        for (var entry : parameters.entrySet()) {
            if (entry.getKey().indexOf('\0') >= 0) {
                return true;
            }
            for (String value : entry.getValue() == null ? List.<String>of() : entry.getValue()) {
                if (value != null && value.indexOf('\0') >= 0) {
                    return true;
                }
            }
        }
        return false;
    }
}
