package io.fincopilot.st;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The contract clients generate from: the /openapi the platform serves passes the validation OpenAPI
 * Generator applies (swagger-parser's), describes every operation so that a generated client is typed,
 * and is the document committed as docs/openapi.yaml, from which the build generates the client the
 * other system tests use. So the code, the served document and the tests' client cannot drift apart.
 */
class ApiContractIT {

    private static final Stack STACK = Stack.get();
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final Path COMMITTED = Path.of(System.getProperty("fincopilot.contract", "../docs/openapi.yaml"));
    /** The Keycloak address of the committed contract: the default of fincopilot.keycloak.url. */
    private static final String COMMITTED_KEYCLOAK = "http://localhost:8180";

    private static String served;
    private static JsonNode document;

    @BeforeAll
    static void fetch() throws IOException {
        HttpResponse<String> response = STACK.get("/openapi", null);
        assertEquals(200, response.statusCode(), response.body());
        served = response.body();
        document = YAML.readTree(served);
    }

    @Test
    void theServedDocumentPassesOpenApiGeneratorsValidation() {
        ParseOptions options = new ParseOptions();
        options.setResolve(true);
        SwaggerParseResult result = new OpenAPIV3Parser().readContents(served, null, options);
        assertEquals(List.of(), result.getMessages());
        assertTrue(result.getOpenAPI().getPaths().size() >= 18, "both APIs are described");
    }

    @Test
    void keycloakIsNamedByItsAbsoluteDiscoveryUrlFromConfiguration() {
        String url = document.at("/components/securitySchemes/keycloak/openIdConnectUrl").asText();
        assertEquals(STACK.env("KEYCLOAK_URL") + "/realms/" + STACK.env("KEYCLOAK_REALM")
                + "/.well-known/openid-configuration", url);
        HttpResponse<String> discovery = STACK.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(url)));
        assertEquals(200, discovery.statusCode(), discovery.body());
        assertTrue(Stack.json(discovery).asJsonObject().getString("issuer").startsWith(STACK.env("KEYCLOAK_URL")));
    }

    @Test
    void everyOperationIsDescribedForAGeneratedClient() {
        List<String> wrong = new ArrayList<>();
        document.get("paths").fields().forEachRemaining(path -> path.getValue().fields().forEachRemaining(method -> {
            String name = method.getKey().toUpperCase() + " " + path.getKey();
            JsonNode operation = method.getValue();
            if (!operation.hasNonNull("operationId") || !operation.has("tags")) {
                wrong.add(name + ": no operationId or tag");
            }
            JsonNode responses = operation.get("responses");
            if (responses.has("default") || !responses.fieldNames().next().startsWith("2")) {
                wrong.add(name + ": no success answer of its own, or a default one");
            }
            responses.fields().forEachRemaining(r -> {
                if (r.getKey().compareTo("400") >= 0
                        && !r.getValue().at("/content/application~1problem+json/schema/$ref").asText().endsWith("/Problem")) {
                    wrong.add(name + " " + r.getKey() + ": not a problem document");
                }
            });
            for (JsonNode parameter : iterable(operation.get("parameters"))) {
                // An id is a uuid; a code (a plan's) is a string of a declared pattern.
                if (parameter.get("in").asText().equals("path") && !parameter.at("/schema/format").asText().equals("uuid")
                        && parameter.at("/schema/pattern").asText().isEmpty()) {
                    wrong.add(name + ": path parameter " + parameter.get("name") + " is neither a uuid nor of a pattern");
                }
            }
        }));
        // An untyped body is an object without properties: a generated client can only say Object.
        document.at("/components/schemas").fields().forEachRemaining(schema -> untyped(schema.getKey(), schema.getValue(), wrong));
        document.get("paths").findValues("schema").forEach(schema -> untyped("an operation", schema, wrong));
        assertEquals(List.of(), wrong);
    }

    @Test
    void theServedDocumentIsTheCommittedContract() throws IOException {
        String normalized = served.replace(STACK.env("KEYCLOAK_URL") + "/realms/", COMMITTED_KEYCLOAK + "/realms/");
        JsonNode actual = sorted(YAML.readTree(normalized));
        JsonNode committed = sorted(YAML.readTree(Files.readString(COMMITTED)));
        if (!actual.equals(committed)) {
            Path copy = Path.of("target/openapi-served.yaml");
            Files.writeString(copy, normalized);
            List<String> differences = new ArrayList<>();
            differences(committed, actual, "", differences);
            throw new AssertionError("/openapi differs from " + COMMITTED + " at " + differences.subList(0,
                    Math.min(10, differences.size())) + ". If the change is meant, review it and copy " + copy.toAbsolutePath()
                    + " over " + COMMITTED + ": the build generates the tests' client from that file.");
        }
    }

    private static void untyped(String where, JsonNode schema, List<String> wrong) {
        if ("object".equals(schema.path("type").asText()) && !schema.has("properties")
                && !schema.path("additionalProperties").asBoolean(false)) {
            wrong.add(where + ": an object schema without properties");
        }
    }

    /** The top-level tags in name order: Payara merges the WARs' documents in no promised order. */
    private static JsonNode sorted(JsonNode document) {
        ArrayNode tags = (ArrayNode) document.get("tags");
        List<JsonNode> byName = new ArrayList<>(StreamSupport.stream(tags.spliterator(), false).toList());
        byName.sort(Comparator.comparing(t -> t.get("name").asText()));
        ((ObjectNode) document).set("tags", YAML.createArrayNode().addAll(byName));
        return document;
    }

    private static void differences(JsonNode expected, JsonNode actual, String at, List<String> found) {
        if (expected.equals(actual)) {
            return;
        }
        if (expected.isObject() && actual.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = expected.fields(); it.hasNext();) {
                Map.Entry<String, JsonNode> field = it.next();
                String here = at + "/" + field.getKey().replace("~", "~0").replace("/", "~1");
                if (!actual.has(field.getKey())) {
                    found.add(here + " (only committed)");
                } else {
                    differences(field.getValue(), actual.get(field.getKey()), here, found);
                }
            }
            actual.fieldNames().forEachRemaining(name -> {
                if (!expected.has(name)) {
                    found.add(at + "/" + name.replace("~", "~0").replace("/", "~1") + " (only served)");
                }
            });
        } else {
            found.add(at.isEmpty() ? "/" : at);
        }
    }

    private static Iterable<JsonNode> iterable(JsonNode node) {
        return node == null ? List.of() : node;
    }
}
