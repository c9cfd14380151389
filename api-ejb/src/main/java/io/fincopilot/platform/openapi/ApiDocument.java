package io.fincopilot.platform.openapi;

import io.fincopilot.platform.problem.ProblemDocument;
import java.util.Comparator;
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
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Paths;
import org.eclipse.microprofile.openapi.models.security.SecurityScheme;

/**
 * Finishes the document Payara builds from each WAR's annotations (named by {@code mp.openapi.filter};
 * Payara runs it once per WAR, then merges the WARs' documents into the one at /openapi). Each WAR
 * registers its API at start ({@link #register}); the filter recognises the WAR by the context root
 * in the server URLs Payara put in its document. It types every parameter and body from the resource
 * method's Java signature ({@link ResourceOperations}, {@link JavaSchemas}), gives every error the problem document schema and
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
            "403", "The caller lacks the permission, or its organization is suspended or closed",
            "503", "A service the platform depends on (PostgreSQL, S3, Keycloak) is away; nothing was changed; "
                    + "Retry-After says when to try again");

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
        ResourceOperations operations = new ResourceOperations(api.classes(), api.commonProblems(), schemas);
        Paths paths = OASFactory.createPaths();
        document.getPaths().getPathItems().forEach((path, item) -> {
            item.getOperations().values().forEach(operations::describe);
            paths.addPathItem(contextRoot + path, item);
        });
        document.paths(paths);
        document.components(OASFactory.createComponents().schemas(schemas.components())
                .securitySchemes(securitySchemes()));
        if (document.getTags() != null) {
            // Sorted, and once each: two resources may share a tag (Privacy: exports and erasures).
            java.util.Set<String> seen = new java.util.HashSet<>();
            document.tags(document.getTags().stream().sorted(Comparator.comparing(t -> t.getName()))
                    .filter(t -> seen.add(t.getName())).toList());
        }
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
