package io.fincopilot.platform.problem;

import io.fincopilot.platform.Causes;
import io.fincopilot.platform.PlatformMetrics;
import io.fincopilot.platform.RequestId;
import io.fincopilot.platform.StructuredLog;
import java.util.Map;
import java.util.Optional;
import io.fincopilot.platform.outage.Outages;
import io.fincopilot.audit.boundary.AuditTrail;
import io.fincopilot.audit.entity.Act;
import io.fincopilot.audit.entity.AuditEvent;
import io.fincopilot.security.Allowed;
import io.fincopilot.security.CallerContext;
import io.fincopilot.tenancy.entity.TenantId;
import jakarta.ejb.AccessLocalException;
import jakarta.ejb.EJBAccessException;
import jakarta.enterprise.inject.spi.CDI;
import jakarta.ws.rs.container.ResourceInfo;
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
import java.sql.SQLException;
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
            mapper.resource = null;
            return mapper.toResponse(thrown);
        }
    }

    private static final Logger LOG = Logger.getLogger(ProblemMapper.class.getName());

    @Context
    UriInfo uri;

    @Context
    SecurityContext security;

    @Context
    ResourceInfo resource;

    @Override
    public Response toResponse(Throwable thrown) {
        Problem problem = problemFor(unwrap(thrown));
        Response.ResponseBuilder response = Response.status(problem.status())
                .type(Problem.MEDIA_TYPE + ";charset=UTF-8")
                .entity(problem.toJson(uri == null ? null : uri.getRequestUri().getPath(), RequestId.current()).toString());
        Outages.retryAfter(problem).ifPresent(seconds -> response.header("Retry-After", seconds));
        return response.build();
    }

    private Problem problemFor(Throwable t) {
        if (t instanceof ProblemException p) {
            return p.problem();
        }
        if (t instanceof NotAuthorizedException || t instanceof ForbiddenException || t instanceof EJBAccessException
                || t instanceof AccessLocalException) {
            if (!authenticated()) {
                return Problem.of(401, "unauthenticated", "Unauthorized", "a valid API key or access token is required");
            }
            String needed = requiredPermissions();
            recordDenial(needed);
            return Problem.of(403, "forbidden", "Forbidden", "this operation needs " + needed
                    + ", which your role or the API key's scopes do not grant");
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
        if (sqlState(t).startsWith("22")) {
            // A data exception (a value PostgreSQL cannot store): the boundary should have refused it.
            StructuredLog.log(LOG, Level.WARNING, "a value reached the database unchecked", Map.of(), t);
            return Problem.of(400, "bad-request", "Bad request", "a value in the request is out of range or not storable");
        }
        if (t instanceof WebApplicationException wae) {
            int status = wae.getResponse().getStatus();
            if (status < 500) {
                return Problem.of(status, "http-" + status, wae.getResponse().getStatusInfo().getReasonPhrase(),
                        wae.getMessage());
            }
        }
        Optional<Problem> outage = Outages.problem(t);
        if (outage.isPresent()) {
            StructuredLog.log(LOG, Level.WARNING, "a dependency is unavailable",
                    Map.of("problem", outage.get().type(), "cause", Causes.root(t)), null);
            Outages.dependency(t).ifPresent(CDI.current().select(PlatformMetrics.class).get()::outage);
            return outage.get();
        }
        StructuredLog.log(LOG, Level.SEVERE, "unexpected failure", Map.of("exception", t.getClass().getName()), t);
        return Problem.of(500, "internal", "Internal error",
                "the request failed unexpectedly; quote the request id when reporting it");
    }

    private String requiredPermissions() {
        Allowed allowed = resource == null || resource.getResourceMethod() == null ? null
                : resource.getResourceMethod().getAnnotation(Allowed.class);
        return allowed == null ? "another role" : "one of " + String.join(", ", allowed.value());
    }

    /** A refused attempt is a security event: it goes on the caller's audit chain in a transaction of its own. */
    private void recordDenial(String needed) {
        try {
            CallerContext callers = CDI.current().select(CallerContext.class).get();
            callers.caller().ifPresent(caller -> CDI.current().select(AuditTrail.class).get().recordSeparately(
                    caller.tenantId().map(TenantId::value).orElse(AuditEvent.PLATFORM_CHAIN),
                    new Act(caller.actor(), caller.kind().name().toLowerCase(), "authorization.denied",
                            uri == null ? null : uri.getRequestUri().getPath(), callers.sourceIp(), Act.Outcome.DENIED,
                            Map.of("needed", needed))));
        } catch (RuntimeException e) {
            StructuredLog.log(LOG, Level.WARNING, "could not audit a refused request", Map.of(), e);
        }
    }

    private boolean authenticated() {
        return security != null && security.getUserPrincipal() != null;
    }

    /** The field as the client wrote it: {@code name}, {@code tags[0]}; never the method or parameter. */
    static String field(ConstraintViolation<?> v) {
        StringBuilder field = new StringBuilder();
        for (jakarta.validation.Path.Node node : v.getPropertyPath()) {
            if (node.getKind() == jakarta.validation.ElementKind.PROPERTY) {
                field.append(field.length() == 0 ? "" : ".").append(node.getName());
            } else if (node.getKind() == jakarta.validation.ElementKind.CONTAINER_ELEMENT && node.getIndex() != null) {
                field.append('[').append(node.getIndex()).append(']');
            }
        }
        return field.length() == 0 ? v.getPropertyPath().toString() : field.toString();
    }

    /** Reading a request body that is not JSON of the expected shape fails with these, often wrapped. */
    private static boolean causedBy(Throwable t, Class<? extends Throwable> type) {
        return Causes.of(t).anyMatch(type::isInstance);
    }

    private static String sqlState(Throwable t) {
        return Causes.of(t).filter(c -> c instanceof SQLException sql && sql.getSQLState() != null)
                .map(c -> ((SQLException) c).getSQLState()).findFirst().orElse("");
    }

    private static Throwable unwrap(Throwable t) {
        Throwable current = t;
        while (current instanceof EJBException && current.getCause() != null) {
            current = current.getCause();
        }
        return current;
    }
}
