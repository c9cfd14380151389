package io.fincopilot.load;

import static io.gatling.javaapi.core.CoreDsl.StringBody;
import static io.gatling.javaapi.core.CoreDsl.constantUsersPerSec;
import static io.gatling.javaapi.core.CoreDsl.csv;
import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.core.CoreDsl.percent;
import static io.gatling.javaapi.core.CoreDsl.rampUsersPerSec;
import static io.gatling.javaapi.core.CoreDsl.randomSwitch;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

import io.gatling.javaapi.core.ChainBuilder;
import io.gatling.javaapi.core.ScenarioBuilder;
import io.gatling.javaapi.core.Simulation;
import io.gatling.javaapi.http.HttpProtocolBuilder;
import java.time.Duration;
import java.util.UUID;

/**
 * The platform under a steady open load from 20 organizations, each with its own API key (the
 * launcher provisions them once per state folder, {@code ./fincopilot load}): a mix of
 * {@code GET /api/v1/me}, the document list, ask (the extractive answerer, over the organization's
 * documents) and small text uploads, arriving at {@code fincopilot.load.rate} requests a second for
 * {@code fincopilot.load.minutes} minutes after a 30-second ramp. Every answer is checked: a
 * non-2xx is an error.
 */
public class PlatformLoad extends Simulation {

    private static final String URL = System.getProperty("fincopilot.url", "http://localhost:8080");
    private static final String TENANTS = System.getProperty("fincopilot.load.tenants");
    private static final double RATE = Double.parseDouble(System.getProperty("fincopilot.load.rate", "30"));
    private static final long MINUTES = Long.getLong("fincopilot.load.minutes", 10);

    private static final String[] QUESTIONS = {
        "What was revenue in 2025?", "What was net income in 2025?", "How much cash did operations provide?",
        "What were total assets at the end of 2025?", "Did gross margin improve from 2024 to 2025?"};

    private final HttpProtocolBuilder protocol = http.baseUrl(URL)
            .acceptHeader("application/json")
            .userAgentHeader("fincopilot-load");

    private static ChainBuilder keyed(io.gatling.javaapi.http.HttpRequestActionBuilder request) {
        return exec(request.header("X-API-Key", "#{key}"));
    }

    private final ScenarioBuilder mix = scenario("20 organizations")
            .feed(csv(TENANTS).circular())
            .exec(session -> session.set("question", QUESTIONS[(int) (Math.random() * QUESTIONS.length)])
                    .set("upload", UUID.randomUUID().toString()))
            .exec(randomSwitch().on(
                    percent(40.0).then(keyed(http("me").get("/api/v1/me").check(status().is(200)))),
                    percent(30.0).then(keyed(http("document list").get("/api/v1/documents?limit=20")
                            .check(status().is(200)))),
                    percent(20.0).then(keyed(http("ask").post("/api/v1/ask").header("Content-Type", "application/json")
                            .body(StringBody("{\"question\":\"#{question}\"}")).check(status().is(200)))),
                    percent(10.0).then(keyed(http("upload").post("/api/v1/documents?fileName=load-#{upload}.txt")
                            .header("Content-Type", "text/plain").header("Idempotency-Key", "#{upload}")
                            .body(StringBody("Load test note #{upload}. Revenue for fiscal 2025 was 412.5 million dollars, "
                                    + "up from 389.1 million in 2024. Net income was 41.2 million. Operating cash flow was "
                                    + "63.0 million and capital expenditure 18.4 million."))
                            .check(status().is(201))))));

    {
        setUp(mix.injectOpen(
                rampUsersPerSec(1).to(RATE).during(Duration.ofSeconds(30)),
                constantUsersPerSec(RATE).during(Duration.ofMinutes(MINUTES))))
                .protocols(protocol);
    }
}
