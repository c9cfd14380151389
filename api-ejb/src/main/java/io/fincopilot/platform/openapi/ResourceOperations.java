package io.fincopilot.platform.openapi;

import io.fincopilot.platform.problem.Problem;
import io.fincopilot.platform.problem.ProblemDocument;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.CookieParam;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.MatrixParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.models.media.Content;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.media.Schema.SchemaType;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;
import org.eclipse.microprofile.openapi.models.parameters.RequestBody;
import org.eclipse.microprofile.openapi.models.responses.APIResponses;

/**
 * Describes each operation Payara found from its resource method, looked up by operationId: the
 * parameters and bodies typed from the Java signature, every error a problem document, and the
 * errors any call of the API can meet added where the method does not name them.
 */
final class ResourceOperations {

    private static final String TOO_LARGE = "The JSON body is larger than 256 KiB";

    private final Map<String, Method> methods;
    private final Map<String, String> commonProblems;
    private final JavaSchemas schemas;

    ResourceOperations(Set<Class<?>> classes, Map<String, String> commonProblems, JavaSchemas schemas) {
        this.methods = resourceMethods(classes);
        this.commonProblems = commonProblems;
        this.schemas = schemas;
    }

    void describe(org.eclipse.microprofile.openapi.models.Operation operation) {
        Method method = methods.get(operation.getOperationId());
        if (method == null) {
            throw new IllegalStateException("no resource method has the operationId " + operation.getOperationId());
        }
        describe(operation, method);
    }

    private void describe(org.eclipse.microprofile.openapi.models.Operation operation, Method method) {
        if (Boolean.FALSE.equals(operation.getDeprecated())) {
            operation.setDeprecated(null);
        }
        java.lang.reflect.Parameter[] parameters = method.getParameters();
        for (java.lang.reflect.Parameter parameter : parameters) {
            Annotation[] annotations = parameter.getAnnotations();
            PathParam path = parameter.getAnnotation(PathParam.class);
            QueryParam query = parameter.getAnnotation(QueryParam.class);
            HeaderParam header = parameter.getAnnotation(HeaderParam.class);
            if (path != null || query != null || header != null) {
                String name = path != null ? path.value() : query != null ? query.value() : header.value();
                Parameter.In in = path != null ? Parameter.In.PATH : query != null ? Parameter.In.QUERY : Parameter.In.HEADER;
                Parameter documented = parameter(operation, name, in);
                documented.schema(schemas.of(parameter.getAnnotatedType(), annotations));
                documented.required(in == Parameter.In.PATH ? Boolean.TRUE : null);
                documented.deprecated(null).allowEmptyValue(null).allowReserved(null);
            } else if (isEntity(parameter)) {
                operation.requestBody(OASFactory.createRequestBody()
                        .required(parameter.isAnnotationPresent(NotNull.class) ? Boolean.TRUE : null)
                        .content(content(mediaType(method, Consumes.class),
                                schemas.of(parameter.getAnnotatedType(), annotations))));
            }
        }
        org.eclipse.microprofile.openapi.annotations.parameters.RequestBody streamed =
                method.getAnnotation(org.eclipse.microprofile.openapi.annotations.parameters.RequestBody.class);
        if (streamed != null && operation.getRequestBody() == null) {
            operation.requestBody(streamedBody(streamed));
        }
        APIResponses responses = operation.getResponses();
        responses.removeAPIResponse(APIResponses.DEFAULT);
        responses.getAPIResponses().forEach((code, response) -> {
            if (code.startsWith("2") && !code.equals("204")) {
                response.content(content(mediaType(method, Produces.class), success(method, code)));
            } else if (code.compareTo("400") >= 0) {
                response.content(problem());
            }
        });
        commonProblems.forEach((code, description) -> addProblem(responses, code, description));
        if (operation.getRequestBody() != null) {
            addProblem(responses, "413", TOO_LARGE);
        }
        if (responses.hasAPIResponse("429")) {
            responses.getAPIResponse("429").addHeader("Retry-After", OASFactory.createHeader()
                    .description("Seconds until the rate-limit window ends")
                    .schema(OASFactory.createSchema().type(SchemaType.INTEGER).format("int32")));
        }
        if (responses.hasAPIResponse("503")) {
            responses.getAPIResponse("503").addHeader("Retry-After", OASFactory.createHeader()
                    .description("Seconds to wait before trying again")
                    .schema(OASFactory.createSchema().type(SchemaType.INTEGER).format("int32")));
        }
        responses.setAPIResponses(new TreeMap<>(responses.getAPIResponses()));
    }

    /** The schema of a successful answer: the return type, or for a {@link Response} the implementation its {@code @APIResponse} names. */
    private Schema success(Method method, String code) {
        if (isDownload(mediaType(method, Produces.class))) {
            return OASFactory.createSchema().type(SchemaType.STRING).format("binary"); // CSV exports, originals, PDFs
        }
        if (method.getReturnType() != Response.class) {
            return schemas.of(method.getAnnotatedReturnType());
        }
        for (APIResponse declared : method.getAnnotationsByType(APIResponse.class)) {
            if (declared.responseCode().equals(code) && declared.content().length > 0
                    && declared.content()[0].schema().implementation() != Void.class) {
                return schemas.of(declared.content()[0].schema().implementation());
            }
        }
        throw new IllegalStateException(method + " answers a Response: its @APIResponse " + code
                + " must name the body's class as content = @Content(schema = @Schema(implementation = ...))");
    }

    private static void addProblem(APIResponses responses, String code, String description) {
        if (!responses.hasAPIResponse(code)) {
            responses.addAPIResponse(code, OASFactory.createAPIResponse().description(description).content(problem()));
        }
    }

    private static Content problem() {
        return content(Problem.MEDIA_TYPE, JavaSchemas.reference(JavaSchemas.componentName(ProblemDocument.class)));
    }

    private static Content content(String mediaType, Schema schema) {
        return OASFactory.createContent().addMediaType(mediaType, OASFactory.createMediaType().schema(schema));
    }

    private static Parameter parameter(org.eclipse.microprofile.openapi.models.Operation operation, String name,
            Parameter.In in) {
        if (operation.getParameters() == null) {
            operation.parameters(new ArrayList<>());
        }
        return operation.getParameters().stream().filter(p -> name.equals(p.getName()) && in == p.getIn()).findFirst()
                .orElseGet(() -> {
                    Parameter added = OASFactory.createParameter().name(name).in(in);
                    operation.addParameter(added);
                    return added;
                });
    }

    private static boolean isEntity(java.lang.reflect.Parameter parameter) {
        return Arrays.stream(parameter.getAnnotations()).map(Annotation::annotationType).noneMatch(type ->
                type == Context.class || type == PathParam.class || type == QueryParam.class || type == HeaderParam.class
                        || type == CookieParam.class || type == FormParam.class || type == MatrixParam.class
                        || type == BeanParam.class);
    }

    private static String mediaType(Method method, Class<? extends Annotation> kind) {
        Annotation onMethod = method.getAnnotation(kind);
        Annotation declared = onMethod != null ? onMethod : method.getDeclaringClass().getAnnotation(kind);
        String[] types = declared instanceof Produces p ? p.value() : declared instanceof Consumes c ? c.value() : null;
        return types == null || types.length == 0 ? MediaType.APPLICATION_JSON : types[0];
    }

    /**
     * A body the method reads itself from the request (an upload streamed part by part), declared
     * by its {@code @RequestBody}: one entry per media type, a record's schema or plain bytes.
     */
    private RequestBody streamedBody(org.eclipse.microprofile.openapi.annotations.parameters.RequestBody declared) {
        Content content = OASFactory.createContent();
        for (org.eclipse.microprofile.openapi.annotations.media.Content c : declared.content()) {
            Schema schema = c.schema().implementation() != Void.class ? schemas.of(c.schema().implementation())
                    : OASFactory.createSchema().type(SchemaType.STRING).format("binary");
            content.addMediaType(c.mediaType(), OASFactory.createMediaType().schema(schema));
        }
        return OASFactory.createRequestBody().required(declared.required() ? Boolean.TRUE : null)
                .description(declared.description().isEmpty() ? null : declared.description()).content(content);
    }

    /** Text, or whatever the stored original is: bytes, not a JSON body. */
    static boolean isDownload(String mediaType) {
        return mediaType.startsWith("text/") || mediaType.equals(MediaType.WILDCARD)
                || mediaType.equals(MediaType.APPLICATION_OCTET_STREAM) || mediaType.equals("application/pdf")
                || mediaType.equals("application/zip");
    }

    private static Map<String, Method> resourceMethods(Set<Class<?>> classes) {
        Map<String, Method> methods = new HashMap<>();
        for (Class<?> type : classes) {
            if (!type.isAnnotationPresent(Path.class)) {
                continue;
            }
            for (Method method : type.getDeclaredMethods()) {
                Operation operation = method.getAnnotation(Operation.class);
                if (operation != null && methods.put(operation.operationId(), method) != null) {
                    throw new IllegalStateException("the operationId " + operation.operationId() + " is used twice");
                }
            }
        }
        return methods;
    }
}
