package io.fincopilot.answers.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fincopilot.answers.FakeChatServer;
import io.fincopilot.retrieval.entity.Passage;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Both remote protocols against a local server that speaks them, every failure included. */
class RemoteChatTest {

    static FakeChatServer server;

    static final ChatPrompt PROMPT = ChatPrompt.of("What was revenue in 2023?", List.of(new Passage(UUID.randomUUID(),
            UUID.randomUUID(), "Annual report 2023", 1, 12, "Results", null, "Revenue was $4,210 million in 2023.", "TEXT", 0.5)));

    @BeforeAll
    static void start() throws Exception {
        server = new FakeChatServer(0);
    }

    @AfterAll
    static void stop() throws Exception {
        server.close();
    }

    @BeforeEach
    void clean() {
        server.reset();
    }

    static RemoteChat chat(String provider) {
        String base = "http://127.0.0.1:" + server.port() + (AnswerProviders.OPENAI.equals(provider) ? "/v1" : "");
        return RemoteChat.of(new ChatEndpoint(provider, URI.create(base), "the-model", "sk-test-123", 300, Duration.ofSeconds(2)));
    }

    @ParameterizedTest
    @ValueSource(strings = {AnswerProviders.OPENAI, AnswerProviders.ANTHROPIC})
    void answersWhole(String provider) {
        server.answerByDefault("Revenue was $4,210 million [1].");
        ModelReply reply = chat(provider).complete(PROMPT, null);
        assertEquals("Revenue was $4,210 million [1].", reply.text());
        assertTrue(reply.tokensIn() > 0, "tokens in are read");
        assertEquals(5, reply.tokensOut(), "the fake counts words");
        assertTrue(reply.model().startsWith("fake-"), reply.model());
        FakeChatServer.Request sent = server.requests().get(0);
        if (AnswerProviders.OPENAI.equals(provider)) {
            assertEquals("/v1/chat/completions", sent.path());
            assertEquals("Bearer sk-test-123", sent.headers().get("authorization"));
            assertEquals("system", sent.body().path("messages").path(0).path("role").asText());
            assertEquals(ChatPrompt.SYSTEM, sent.body().path("messages").path(0).path("content").asText());
            assertEquals(PROMPT.user(), sent.body().path("messages").path(1).path("content").asText());
        } else {
            assertEquals("/v1/messages", sent.path());
            assertEquals("sk-test-123", sent.headers().get("x-api-key"));
            assertEquals(AnthropicChat.VERSION, sent.headers().get("anthropic-version"));
            assertEquals(ChatPrompt.SYSTEM, sent.body().path("system").asText());
            assertEquals(PROMPT.user(), sent.body().path("messages").path(0).path("content").asText());
        }
        assertEquals("the-model", sent.body().path("model").asText());
        assertEquals(300, sent.body().path("max_tokens").asInt());
        assertFalse(sent.body().path("stream").asBoolean());
    }

    @ParameterizedTest
    @ValueSource(strings = {AnswerProviders.OPENAI, AnswerProviders.ANTHROPIC})
    void streams(String provider) {
        server.answerByDefault("Revenue was $4,210 million in 2023 [1].");
        StringBuilder seen = new StringBuilder();
        int[] pieces = {0};
        ModelReply reply = chat(provider).complete(PROMPT, delta -> {
            seen.append(delta);
            pieces[0]++;
        });
        assertEquals("Revenue was $4,210 million in 2023 [1].", reply.text());
        assertEquals(reply.text(), seen.toString());
        assertTrue(pieces[0] > 3, "the text came in pieces: " + pieces[0]);
        assertEquals(7, reply.tokensOut(), "the usage of the stream's end is read");
        assertTrue(reply.tokensIn() > 0);
        assertTrue(server.requests().get(0).body().path("stream").asBoolean());
    }

    @ParameterizedTest
    @ValueSource(strings = {AnswerProviders.OPENAI, AnswerProviders.ANTHROPIC})
    void serverErrorsMayPassAndOtherClientErrorsWillNot(String provider) {
        server.then(new FakeChatServer.Status(500, null, "upstream exploded"), new FakeChatServer.Status(400, null, "max_tokens too big"),
                new FakeChatServer.Status(401, null, "bad key"));
        ProviderFailure e500 = assertThrows(ProviderFailure.class, () -> chat(provider).complete(PROMPT, null));
        assertInstanceOf(ProviderFailure.Unavailable.class, e500);
        assertEquals(provider + " answered 500", e500.getMessage(), "the provider's own words stay in the log");
        assertTrue(e500.detail().contains("upstream exploded"), e500.detail());
        ProviderFailure e400 = assertThrows(ProviderFailure.class, () -> chat(provider).complete(PROMPT, null));
        assertInstanceOf(ProviderFailure.Refused.class, e400);
        assertTrue(e400.detail().contains("max_tokens too big"), e400.detail());
        assertInstanceOf(ProviderFailure.Refused.class, assertThrows(ProviderFailure.class, () -> chat(provider).complete(PROMPT, null)));
    }

    @ParameterizedTest
    @ValueSource(strings = {AnswerProviders.OPENAI, AnswerProviders.ANTHROPIC})
    void retryAfterIsHonouredByTheNextCall(String provider) {
        RemoteChat chat = chat(provider);
        server.then(new FakeChatServer.Status(429, "1", "slow down"));
        assertInstanceOf(ProviderFailure.Unavailable.class, assertThrows(ProviderFailure.class, () -> chat.complete(PROMPT, null)));
        long start = System.nanoTime();
        chat.complete(PROMPT, null);
        List<FakeChatServer.Request> requests = server.requests();
        assertEquals(2, requests.size());
        assertTrue(Duration.between(requests.get(0).at(), requests.get(1).at()).toMillis() >= 900,
                "the second call waited for Retry-After: " + Duration.between(requests.get(0).at(), requests.get(1).at()));
        assertTrue(System.nanoTime() - start >= 800_000_000L);
    }

    @ParameterizedTest
    @ValueSource(strings = {AnswerProviders.OPENAI, AnswerProviders.ANTHROPIC})
    void aRetryAfterLongerThanAnyoneWaitsFallsBackAtOnce(String provider) {
        RemoteChat chat = chat(provider);
        server.then(new FakeChatServer.Status(503, "120", "maintenance"));
        assertThrows(ProviderFailure.Unavailable.class, () -> chat.complete(PROMPT, null));
        ProviderFailure waiting = assertThrows(ProviderFailure.Refused.class, () -> chat.complete(PROMPT, null));
        assertTrue(waiting.getMessage().contains("wait 120 s"), waiting.getMessage());
        assertEquals(1, server.requests().size(), "nothing was sent while the provider asked us to wait");
    }

    @ParameterizedTest
    @ValueSource(strings = {AnswerProviders.OPENAI, AnswerProviders.ANTHROPIC})
    void aResetMayPassAGarbledOrLateAnswerIsUnusable(String provider) {
        server.then(new FakeChatServer.Garbage(), new FakeChatServer.Reset(), new FakeChatServer.Slow(Duration.ofSeconds(4), "late"));
        ProviderFailure garbage = assertThrows(ProviderFailure.Unusable.class, () -> chat(provider).complete(PROMPT, null));
        assertTrue(garbage.getMessage().contains("not JSON"), garbage.getMessage());
        ProviderFailure reset = assertThrows(ProviderFailure.Unavailable.class, () -> chat(provider).complete(PROMPT, null));
        assertTrue(reset.getMessage().contains(provider), reset.getMessage());
        ProviderFailure slow = assertThrows(ProviderFailure.Unusable.class, () -> chat(provider).complete(PROMPT, null));
        assertTrue(slow.getMessage().contains("did not answer within 2 s"), slow.getMessage());
    }

    @ParameterizedTest
    @ValueSource(strings = {AnswerProviders.OPENAI, AnswerProviders.ANTHROPIC})
    void aStreamCutAfterTextIsBrokenAndBeforeAnyMayPass(String provider) {
        server.then(new FakeChatServer.CutStream("Revenue was $4,2"), new FakeChatServer.CutStream(""));
        StringBuilder seen = new StringBuilder();
        ProviderFailure cut = assertThrows(ProviderFailure.Unusable.class, () -> chat(provider).complete(PROMPT, seen::append));
        assertEquals("Revenue was $4,2", seen.toString());
        assertTrue(cut.getMessage().contains("cut off") && cut.getMessage().contains("16 characters"), cut.getMessage());
        assertThrows(ProviderFailure.Unavailable.class, () -> chat(provider).complete(PROMPT, d -> { }));
    }

    @ParameterizedTest
    @ValueSource(strings = {"5", "Wed, 21 Oct 2099 07:28:00 GMT", "Wed, 21 Oct 2015 07:28:00 GMT", "soon"})
    void readsRetryAfterAsSecondsOrDate(String header) {
        var delay = RemoteChat.delay(header);
        switch (header) {
            case "5" -> assertEquals(Duration.ofSeconds(5), delay.orElseThrow());
            case "soon" -> assertTrue(delay.isEmpty());
            default -> assertTrue(header.contains("2099") ? delay.orElseThrow().equals(Duration.ofMinutes(10))
                    : delay.orElseThrow().isZero(), header + " -> " + delay);
        }
    }
}
