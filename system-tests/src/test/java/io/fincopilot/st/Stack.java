package io.fincopilot.st;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonStructure;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Collectors;

/**
 * The running stack the tests talk to, as ./fincopilot described it in demo.env, with the few
 * HTTP calls every test needs. Nothing here reaches inside the platform.
 */
public final class Stack {

    private static Stack instance;

    private final Map<String, String> env = new HashMap<>();
    private Properties secrets;
    private final HttpClient http = HttpClient.newBuilder()
            .connectTimeout(Duration.ofSeconds(5))
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();

    private Stack(Path file) {
        Properties properties = new Properties();
        try (var reader = Files.newBufferedReader(file)) {
            properties.load(reader);
        } catch (IOException e) {
            throw new UncheckedIOException("no stack description at " + file + ": run ./fincopilot test", e);
        }
        properties.forEach((k, v) -> env.put(k.toString(), v.toString()));
    }

    public static synchronized Stack get() {
        if (instance == null) {
            instance = new Stack(Path.of(System.getProperty("fincopilot.env", "../.fincopilot-test/demo.env")));
        }
        return instance;
    }

    public String env(String name) {
        String value = env.get(name);
        if (value == null) {
            throw new IllegalStateException(name + " is missing from demo.env");
        }
        return value;
    }

    /** A secret of the test stack (database and Keycloak admin passwords), for set-up and tampering only. */
    public String secret(String name) {
        if (secrets == null) {
            Properties properties = new Properties();
            Path file = Path.of(System.getProperty("fincopilot.secrets", "../.fincopilot-test/secrets.env"));
            try (var reader = Files.newBufferedReader(file)) {
                properties.load(reader);
            } catch (IOException e) {
                throw new UncheckedIOException("no stack secrets at " + file, e);
            }
            secrets = properties;
        }
        return secrets.getProperty(name);
    }

    public String url(String path) {
        return env("FINCOPILOT_URL") + path;
    }

    /**
     * Each tenant-web instance's own address: the micro shape's instances behind the balancer, or
     * the one Payara Server of the EAR shape (a demo.env of an older launcher says nothing: the URL).
     */
    public List<String> instances() {
        String urls = env.get("INSTANCE_URLS");
        return urls == null || urls.isBlank() ? List.of(env("FINCOPILOT_URL")) : List.of(urls.split(","));
    }

    public String tokenEndpoint() {
        return env("KEYCLOAK_URL") + "/realms/" + env("KEYCLOAK_REALM") + "/protocol/openid-connect/token";
    }

    /** The token response of a password grant on the CLI client. */
    public JsonObject passwordGrant(String username, String password, String scope) {
        Map<String, String> form = new HashMap<>(Map.of("grant_type", "password", "client_id",
                env("KEYCLOAK_CLI_CLIENT"), "username", username, "password", password));
        if (scope != null) {
            form.put("scope", scope);
        }
        return tokenRequest(form);
    }

    /** The status Keycloak answers a password grant with (200, or 401 for a refused login). */
    public int passwordGrantStatus(String username, String password) {
        String body = "grant_type=password&client_id=" + env("KEYCLOAK_CLI_CLIENT") + "&username="
                + URLEncoder.encode(username, StandardCharsets.UTF_8) + "&password="
                + URLEncoder.encode(password, StandardCharsets.UTF_8);
        return send(HttpRequest.newBuilder(URI.create(tokenEndpoint()))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body))).statusCode();
    }

    public String accessToken(String username) {
        return passwordGrant(username, env("DEMO_PASSWORD"), null).getString("access_token");
    }

    public String clientCredentialsToken() {
        return tokenRequest(Map.of("grant_type", "client_credentials", "client_id", env("KEYCLOAK_API_CLIENT"),
                "client_secret", env("KEYCLOAK_API_CLIENT_SECRET"))).getString("access_token");
    }

    private JsonObject tokenRequest(Map<String, String> form) {
        String body = form.entrySet().stream()
                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        HttpResponse<String> response = send(HttpRequest.newBuilder(URI.create(tokenEndpoint()))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
        if (response.statusCode() != 200) {
            throw new IllegalStateException("Keycloak refused a token: " + response.body());
        }
        return json(response).asJsonObject();
    }

    public HttpResponse<String> get(String path, String bearer) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url(path))).GET();
        if (bearer != null) {
            request.header("Authorization", "Bearer " + bearer);
        }
        return send(request);
    }

    public HttpResponse<String> request(String method, String path, Map<String, String> headers, String json) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url(path)))
                .method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
        if (json != null) {
            request.header("Content-Type", "application/json");
        }
        headers.forEach(request::header);
        return send(request);
    }

    /** Calls the API with a credential: an access token or an API key, both as a bearer. */
    public HttpResponse<String> call(String method, String path, String bearer, String json) {
        return request(method, path, bearer == null ? Map.of() : Map.of("Authorization", "Bearer " + bearer), json);
    }

    public HttpResponse<String> postJson(String path, String bearer, String json) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url(path)))
                .header("Content-Type", "application/json")
                .POST(json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
        if (bearer != null) {
            request.header("Authorization", "Bearer " + bearer);
        }
        return send(request);
    }

    public HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return http.send(request.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public static JsonStructure json(HttpResponse<String> response) {
        return json(response.body());
    }

    public static JsonStructure json(String body) {
        try (var reader = Json.createReader(new StringReader(body))) {
            return reader.read();
        }
    }
}
