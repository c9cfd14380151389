package io.fincopilot.platform.problem;

import io.fincopilot.platform.RequestId;
import io.fincopilot.platform.StructuredLog;
import java.util.Map;
import jakarta.ejb.EJBAccessException;
import jakarta.ejb.EJBException;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.ValidationException;
import jakarta.json.JsonException;
import jakarta.json.bind.JsonbException;
import jakarta.ws.rs.ForbiddenException;
import jakarta.ws.rs.NotAuthorizedException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The one place where exceptions become RFC 9457 responses. A client's mistake gets a 4xx that
 * says what was wrong; anything unexpected gets a 500 that reveals nothing but the request id.
 */
@Provider
public class ProblemMapper implements ExceptionMapper<Throwable> {

    /**
     * Jersey brings its own mapper for bean validation failures, which would win over a mapper of
     * {@code Throwable}; this one is nearer still and hands them back to the one mapping.
     */
    @Provider
    public static class Validation implements ExceptionMapper<ValidationException> {

        @Context
        UriInfo uri;

        @Context
        SecurityContext security;

        @Override
        public Response toResponse(ValidationException thrown) {
            ProblemMapper mapper = new ProblemMapper();
            mapper.uri = uri;
            mapper.security = security;
            return mapper.toResponse(thrown);
        }
    }

    private static final Logger LOG = Logger.getLogger(ProblemMapper.class.getName());

    @Context
    UriInfo uri;

    @Context
    SecurityContext security;

    @Override
    public Response toResponse(Throwable thrown) {
        Problem problem = problemFor(unwrap(thrown));
        return Response.status(problem.status())
                .type(Problem.MEDIA_TYPE + ";charset=UTF-8")
                .entity(problem.toJson(uri == null ? null : uri.getRequestUri().getPath(), RequestId.current()).toString())
                .build();
    }

    private Problem problemFor(Throwable t) {
        if (t instanceof ProblemException p) {
            return p.problem();
        }
        if (t instanceof NotAuthorizedException || t instanceof ForbiddenException || t instanceof EJBAccessException) {
            return authenticated() ? Problem.of(403, "forbidden", "Forbidden", "your role does not allow this operation")
                    : Problem.of(401, "unauthenticated", "Unauthorized", "a valid API key or access token is required");
        }
        if (t instanceof ConstraintViolationException cve) {
            JsonArrayBuilder errors = Json.createArrayBuilder();
            for (ConstraintViolation<?> v : cve.getConstraintViolations()) {
                errors.add(Json.createObjectBuilder().add("field", field(v)).add("message", v.getMessage()));
            }
            return Problem.of(400, "validation", "Invalid request", "the request has invalid fields")
                    .with("errors", errors.build());
        }
        if (t instanceof ValidationException) {
            return Problem.of(400, "validation", "Invalid request", t.getMessage());
        }
        if (causedBy(t, JsonbException.class) || causedBy(t, JsonException.class)) {
            return Problem.of(400, "malformed-body", "Malformed request body", "the body is not valid JSON of the expected shape");
        }
        if (t instanceof WebApplicationException wae) {
            int status = wae.getResponse().getStatus();
            if (status < 500) {
                return Problem.of(status, "http-" + status, wae.getResponse().getStatusInfo().getReasonPhrase(),
                        wae.getMessage());
            }
        }
        StructuredLog.log(LOG, Level.SEVERE, "unexpected failure", Map.of("exception", t.getClass().getName()), t);
        return Problem.of(500, "internal", "Internal error",
                "the request failed unexpectedly; quote the request id when reporting it");
    }

    private boolean authenticated() {
        return security != null && security.getUserPrincipal() != null;
    }

    private static String field(ConstraintViolation<?> v) {
        String path = v.getPropertyPath().toString();
        int dot = path.lastIndexOf('.');
        return dot < 0 ? path : path.substring(dot + 1);
    }

    /** Reading a request body that is not JSON of the expected shape fails with these, often wrapped. */
    private static boolean causedBy(Throwable t, Class<? extends Throwable> type) {
        for (Throwable c = t; c != null; c = c.getCause() == c ? null : c.getCause()) {
            if (type.isInstance(c)) {
                return true;
            }
        }
        return false;
    }

    private static Throwable unwrap(Throwable t) {
        Throwable current = t;
        while (current instanceof EJBException && current.getCause() != null) {
            current = current.getCause();
        }
        return current;
    }
}
