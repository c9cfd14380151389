package io.fincopilot.bench;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import io.fincopilot.keys.control.KeySecret;
import io.fincopilot.security.AccessTokenVerifier;
import io.fincopilot.st.Stack;
import io.fincopilot.st.Tenants;
import java.net.URI;
import java.net.http.HttpRequest;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * Figures, not assertions: how fast a key is checked in-process, and how GET /api/v1/me answers
 * over HTTP with an API key, with a Keycloak token, against /health/live, on the running stack.
 * Run on demand with ./fincopilot bench; the results go in docs/performance.md.
 */
class KeyVerificationBench {

    private static final int IN_PROCESS = 200_000;
    private static final int HTTP_REQUESTS = 1_500;
    private static final int WARM_UP = 500;
    private static final int ROUNDS = 3;
    private static final int THREADS = 4;

    @Test
    void inProcess() throws Exception {
        KeySecret key = KeySecret.generate();
        String token = key.token();
        String stored = key.hash();
        for (int i = 0; i < 20_000; i++) {
            KeySecret.parse(token).orElseThrow().matches(stored);
        }
        long start = System.nanoTime();
        int matched = 0;
        for (int i = 0; i < IN_PROCESS; i++) {
            matched += KeySecret.parse(token).orElseThrow().matches(stored) ? 1 : 0;
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        print("in-process API key parse + SHA-256 + constant-time compare", IN_PROCESS, seconds,
                String.format("%.2f us/op (%d matched)", seconds * 1e6 / IN_PROCESS, matched));

        RSAKey realm = new RSAKeyGenerator(2048).keyID("k").generate();
        AccessTokenVerifier verifier = new AccessTokenVerifier("http://issuer", "fincopilot-api", "tenant_id",
                new ImmutableJWKSet<>(new JWKSet(realm.toPublicJWK())));
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).type(JOSEObjectType.JWT).keyID("k").build(),
                new JWTClaimsSet.Builder().issuer("http://issuer").subject("s").audience("fincopilot-api")
                        .issueTime(new Date()).expirationTime(new Date(System.currentTimeMillis() + 3_600_000))
                        .claim("typ", "Bearer").claim("realm_access", Map.of("roles", List.of("analyst"))).build());
        jwt.sign(new RSASSASigner(realm));
        String serialized = jwt.serialize();
        int tokens = 20_000;
        for (int i = 0; i < 2_000; i++) {
            verifier.verify(serialized);
        }
        start = System.nanoTime();
        for (int i = 0; i < tokens; i++) {
            verifier.verify(serialized);
        }
        seconds = (System.nanoTime() - start) / 1e9;
        print("in-process Keycloak access token verification (RS256, claims)", tokens, seconds,
                String.format("%.2f us/op", seconds * 1e6 / tokens));
    }

    @Test
    void overHttp() throws Exception {
        Stack stack = Stack.get();
        // Enterprise plan, 6000 requests a minute each: the key's and the token's tenants stay under it.
        String key = Tenants.key(Tenants.create("bench-key", "enterprise").adminToken(), "ask");
        String token = Tenants.create("bench-token", "enterprise").adminToken();
        Map<String, Supplier<HttpRequest.Builder>> endpoints = new LinkedHashMap<>();
        endpoints.put("GET /health/live", () -> HttpRequest.newBuilder(URI.create(stack.url("/health/live"))));
        endpoints.put("GET /api/v1/me with an API key", () -> HttpRequest.newBuilder(URI.create(stack.url("/api/v1/me")))
                .header("X-API-Key", key));
        endpoints.put("GET /api/v1/me with a Keycloak token", () -> HttpRequest.newBuilder(URI.create(stack.url("/api/v1/me")))
                .header("Authorization", "Bearer " + token));
        // Every endpoint warms up before any is measured, so that none is measured while the JIT still works for it.
        for (Supplier<HttpRequest.Builder> request : endpoints.values()) {
            for (int i = 0; i < WARM_UP; i++) {
                stack.send(request.get());
            }
        }
        // Rounds in turn, so that a noisy second on this shared machine falls on every endpoint alike.
        Map<String, Measured> measured = new LinkedHashMap<>();
        for (int round = 0; round < ROUNDS; round++) {
            for (Map.Entry<String, Supplier<HttpRequest.Builder>> endpoint : endpoints.entrySet()) {
                measured.computeIfAbsent(endpoint.getKey(), n -> new Measured()).add(measure(stack, endpoint.getValue()));
            }
        }
        measured.forEach((name, m) -> m.print(name));
    }

    /** The rounds of one endpoint together: requests, time, latencies and failures. */
    private static final class Measured {
        private final List<Long> latencies = new ArrayList<>();
        private double seconds;
        private int failed;

        void add(Measured round) {
            latencies.addAll(round.latencies);
            seconds += round.seconds;
            failed += round.failed;
        }

        void print(String name) {
            List<Long> sorted = new ArrayList<>(latencies);
            Collections.sort(sorted);
            KeyVerificationBench.print(name + " (" + THREADS + " clients)", sorted.size(), seconds, String.format(
                    "p50 %.1f ms, p95 %.1f ms, p99 %.1f ms, non-200: %d", pct(sorted, 50), pct(sorted, 95), pct(sorted, 99),
                    failed));
        }
    }

    private static Measured measure(Stack stack, Supplier<HttpRequest.Builder> request) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        List<Long> latencies = Collections.synchronizedList(new ArrayList<>());
        List<Future<Integer>> statuses = new ArrayList<>();
        long start = System.nanoTime();
        for (int i = 0; i < HTTP_REQUESTS; i++) {
            statuses.add(pool.submit(() -> {
                long t = System.nanoTime();
                int status = stack.send(request.get()).statusCode();
                latencies.add(System.nanoTime() - t);
                return status;
            }));
        }
        Measured round = new Measured();
        for (Future<Integer> status : statuses) {
            round.failed += status.get() == 200 ? 0 : 1;
        }
        round.seconds = (System.nanoTime() - start) / 1e9;
        pool.shutdown();
        round.latencies.addAll(latencies);
        return round;
    }

    private static double pct(List<Long> sorted, int p) {
        return sorted.get(Math.min(sorted.size() - 1, sorted.size() * p / 100)) / 1e6;
    }

    private static void print(String name, int operations, double seconds, String detail) {
        System.out.printf("BENCH %-62s %8.0f ops/s  %s%n", name, operations / seconds, detail);
    }
}
