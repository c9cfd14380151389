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
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Paths;
import org.eclipse.microprofile.openapi.models.media.Content;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.media.Schema.SchemaType;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;
import org.eclipse.microprofile.openapi.models.responses.APIResponses;
import org.eclipse.microprofile.openapi.models.security.SecurityScheme;

/**
 * Finishes the document Payara builds from each WAR's annotations (named by {@code mp.openapi.filter};
 * Payara runs it once per WAR, then merges the WARs' documents into the one at /openapi). Each WAR
 * registers its API at start ({@link #register}); the filter recognises the WAR by the context root
 * in the server URLs Payara put in its document. It types every parameter and body from the resource
 * method's Java signature ({@link JavaSchemas}), gives every error the problem document schema and
 * adds the errors any operation can meet, puts the context root in front of the paths (Payara leaves
 * it out, so the two WARs' paths collided), drops Payara's top-level {@code endpoints} member (not
 * OpenAPI; validators refuse it), and points the Keycloak scheme at the realm's absolute discovery
 * URL from configuration. Info, server and security schemes are the same for every WAR, so the merged
 * document does not depend on the order Payara merges in.
 */
public class ApiDocument implements OASFilter {

    public static final String KEYCLOAK = "keycloak";
    public static final String API_KEY = "apiKey";

    /** The errors every operation of an API can meet, before any resource method runs. */
    public static final Map<String, String> AUTHENTICATED_CALL = Map.of(
            "400", "The request is malformed: an API key in the URL, a bad header, query or body",
            "401", "No credential, or one that is not valid (unknown, revoked or expired key; bad token)",
            "403", "The caller lacks the permission, or its organization is suspended or closed");

    private static final String TOO_LARGE = "The JSON body is larger than 256 KiB";

    /** One WAR's API: its JAX-RS Application's classes and the errors every operation of it can meet. */
    private record Api(Set<Class<?>> classes, Map<String, String> commonProblems) {
    }

    private static final Map<String, Api> APIS = new ConcurrentHashMap<>();

    /**
     * Called by each WAR as it starts, before any document is built.
     *
     * @param contextRoot    the WAR's context root ("" for the root)
     * @param classes        the JAX-RS Application's classes; the resources among them are described
     * @param commonProblems status code and description of the errors every operation can meet
     */
    public static void register(String contextRoot, Set<Class<?>> classes, Map<String, String> commonProblems) {
        APIS.put(contextRoot, new Api(Set.copyOf(classes), new TreeMap<>(commonProblems)));
    }

    public static void unregister(String contextRoot) {
        APIS.remove(contextRoot);
    }

    @Override
    public void filterOpenAPI(OpenAPI document) {
        String contextRoot = contextRoot(document);
        Api api = APIS.get(contextRoot);
        if (api == null) {
            throw new IllegalStateException("no API registered for the context root '" + contextRoot + "'");
        }
        forgetPayaraEndpoints(document);
        document.info(OASFactory.createInfo().title("FinCopilot API").version("1").description(
                "Financial document intelligence: documents, questions with cited answers, usage. The tenant API "
                        + "(/api/v1) serves client systems and people of an organization; the staff API (/admin/api/v1) "
                        + "serves platform staff. Every error is an RFC 9457 problem document."));
        document.servers(List.of(OASFactory.createServer().url("/")
                .description("Paths are absolute: the tenant API under /api/v1, the staff API under /admin/api/v1")));
        JavaSchemas schemas = new JavaSchemas();
        schemas.of(ProblemDocument.class);
        Map<String, Method> methods = resourceMethods(api.classes());
        Paths paths = OASFactory.createPaths();
        document.getPaths().getPathItems().forEach((path, item) -> {
            item.getOperations().values().forEach(operation -> {
                Method method = methods.get(operation.getOperationId());
                if (method == null) {
                    throw new IllegalStateException("no resource method has the operationId " + operation.getOperationId());
                }
                describe(operation, method, schemas, api.commonProblems());
            });
            paths.addPathItem(contextRoot + path, item);
        });
        document.paths(paths);
        document.components(OASFactory.createComponents().schemas(schemas.components())
                .securitySchemes(securitySchemes()));
        if (document.getTags() != null) {
            document.tags(document.getTags().stream().sorted(Comparator.comparing(t -> t.getName())).toList());
        }
    }

    private static void describe(org.eclipse.microprofile.openapi.models.Operation operation, Method method,
            JavaSchemas schemas, Map<String, String> commonProblems) {
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
        APIResponses responses = operation.getResponses();
        responses.removeAPIResponse(APIResponses.DEFAULT);
        responses.getAPIResponses().forEach((code, response) -> {
            if (code.startsWith("2") && !code.equals("204")) {
                response.content(content(mediaType(method, Produces.class), success(method, code, schemas)));
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
        responses.setAPIResponses(new TreeMap<>(responses.getAPIResponses()));
    }

    /** The schema of a successful answer: the return type, or for a {@link Response} the implementation its {@code @APIResponse} names. */
    private static Schema success(Method method, String code, JavaSchemas schemas) {
        if (mediaType(method, Produces.class).startsWith("text/")) {
            return OASFactory.createSchema().type(SchemaType.STRING).format("binary"); // a download (CSV exports)
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
     * Payara's default servers are the WAR's URLs (each listener's, with the context root); they are
     * replaced by one relative server, so this must run before, and nothing may set mp.openapi.servers.
     */
    private static String contextRoot(OpenAPI document) {
        List<org.eclipse.microprofile.openapi.models.servers.Server> servers = document.getServers();
        if (servers == null || servers.isEmpty()) {
            throw new IllegalStateException("Payara gave the document no server URL to tell the WAR by");
        }
        String path = java.net.URI.create(servers.get(0).getUrl()).getPath();
        return path == null ? "" : path.replaceAll("/+$", "");
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

    private static Map<String, SecurityScheme> securitySchemes() {
        Config config = ConfigProvider.getConfig(ApiDocument.class.getClassLoader());
        String keycloak = config.getValue("fincopilot.keycloak.url", String.class).replaceAll("/+$", "");
        String realm = config.getOptionalValue("fincopilot.keycloak.realm", String.class).orElse("fincopilot");
        Map<String, SecurityScheme> schemes = new LinkedHashMap<>();
        schemes.put(KEYCLOAK, OASFactory.createSecurityScheme().type(SecurityScheme.Type.OPENIDCONNECT)
                .openIdConnectUrl(keycloak + "/realms/" + realm + "/.well-known/openid-configuration")
                .description("A Keycloak access token as 'Authorization: Bearer <token>'. On the tenant API the scopes an "
                        + "operation names are permissions: people have those of their role (tenant-admin: all; analyst: "
                        + "documents:read, documents:write, ask, usage:read; viewer: documents:read, ask). On the staff API "
                        + "they are staff roles (platform-admin, support, billing)."));
        schemes.put(API_KEY, OASFactory.createSecurityScheme().type(SecurityScheme.Type.APIKEY)
                .in(SecurityScheme.In.HEADER).name("X-API-Key")
                .description("An API key fc_live_<prefix>_<secret>, as X-API-Key or 'Authorization: Bearer <key>'; never in "
                        + "the URL. A key has the scopes it was created with (keys:manage and people:manage are never "
                        + "granted). Tenant API only."));
        return schemes;
    }

    /**
     * Payara adds a top-level {@code endpoints} map (context root to paths) that is no OpenAPI member
     * and only reachable on its own model class; emptied, it is left out of the document.
     */
    private static void forgetPayaraEndpoints(OpenAPI document) {
        try {
            Object endpoints = document.getClass().getMethod("getEndpoints").invoke(document);
            if (endpoints instanceof Map<?, ?> map) {
                map.clear();
            }
        } catch (ReflectiveOperationException notPayara) {
            // another MicroProfile OpenAPI implementation: nothing to remove
        }
    }
}
