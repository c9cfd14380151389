package io.fincopilot.answers.control;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/**
 * One remote chat model's wire protocol (decision 59): the request, the answer read whole or as
 * server-sent events, and every way it can go wrong mapped to a {@link ProviderFailure} with a
 * reason fit for the caller. Bodies are read with Jackson, which fails on a truncated or garbled
 * body instead of waiting for more. A 429 or 503's {@code Retry-After} is honoured by every later
 * call: none is sent before it has passed, and one that would have to wait longer than
 * {@link #MAX_WAIT} falls back at once.
 */
public abstract class RemoteChat {

    static final ObjectMapper JSON = new ObjectMapper();
    /** The longest a call waits for a provider's Retry-After before giving up on it. */
    static final Duration MAX_WAIT = Duration.ofSeconds(5);
    static final int MAX_BODY = 1 << 20;
    static final int MAX_ERROR_BODY = 8 << 10;
    static final int MAX_ANSWER_CHARS = 64 << 10;

    protected final ChatEndpoint endpoint;
    private final HttpClient http;
    private volatile Instant notBefore = Instant.MIN;

    protected RemoteChat(ChatEndpoint endpoint) {
        this.endpoint = endpoint;
        this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5))
                .followRedirects(HttpClient.Redirect.NEVER).build();
    }

    public static RemoteChat of(ChatEndpoint endpoint) {
        return switch (endpoint.provider()) {
            case AnswerProviders.OPENAI -> new OpenAiChat(endpoint);
            case AnswerProviders.ANTHROPIC -> new AnthropicChat(endpoint);
            default -> throw new IllegalArgumentException("no remote provider " + endpoint.provider());
        };
    }

    public ChatEndpoint endpoint() {
        return endpoint;
    }

    /**
     * Asks the model. With a sink the answer is streamed: its text goes to the sink as it comes;
     * once any has gone, a failure is {@link ProviderFailure.Unusable} (not to be retried).
     */
    public ModelReply complete(ChatPrompt prompt, TextSink sink) {
        awaitRetryAfter();
        HttpRequest.Builder request = HttpRequest.newBuilder(uri()).timeout(endpoint.firstByte())
                .header("Content-Type", "application/json").header("Accept", sink == null ? "application/json" : "text/event-stream")
                .POST(HttpRequest.BodyPublishers.ofString(body(prompt, sink != null).toString(), StandardCharsets.UTF_8));
        headers(request);
        HttpResponse<InputStream> response;
        try {
            response = http.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
        } catch (HttpTimeoutException e) {
            throw new ProviderFailure.Unusable(name() + " did not answer within " + endpoint.firstByte().toSeconds() + " s", null, e);
        } catch (IOException e) {
            throw new ProviderFailure.Unavailable(name() + " could not be reached (" + e.getClass().getSimpleName() + ")", null, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ProviderFailure.Unavailable(name() + " was given up on (interrupted)", null, e);
        }
        try (InputStream body = response.body()) {
            int status = response.statusCode();
            if (status != 200) {
                throw failure(status, errorMessage(readLimited(body, MAX_ERROR_BODY)), response.headers().firstValue("Retry-After"));
            }
            return sink == null ? reply(parse(readLimited(body, MAX_BODY))) : stream(body, sink);
        } catch (IOException e) {
            throw new ProviderFailure.Unavailable(name() + "'s answer was cut off (" + e.getClass().getSimpleName() + ")", null, e);
        }
    }

    protected String name() {
        return endpoint.provider();
    }

    protected abstract URI uri();

    /** The endpoint's base URL with {@code path} after it. */
    protected URI at(String path) {
        String base = endpoint.baseUrl().toString();
        return URI.create((base.endsWith("/") ? base : base + "/") + path);
    }

    protected abstract void headers(HttpRequest.Builder request);

    protected abstract ObjectNode body(ChatPrompt prompt, boolean stream);

    /** The whole answer of a call without streaming. */
    protected abstract ModelReply reply(JsonNode answer);

    /** The message of a provider's error body, if it has one. */
    protected abstract Optional<String> errorMessage(JsonNode error);

    /**
     * One server-sent event of a streamed answer; returns true at the end of the stream.
     * @param reply what was read so far, to be added to
     */
    protected abstract boolean event(String type, JsonNode data, StreamedReply reply);

    /** A streamed answer as it is read. */
    protected static final class StreamedReply {
        final StringBuilder text = new StringBuilder();
        String model;
        int tokensIn;
        int tokensOut;
        private final TextSink sink;

        StreamedReply(TextSink sink) {
            this.sink = sink;
        }

        void text(String delta) {
            if (delta != null && !delta.isEmpty() && text.length() < MAX_ANSWER_CHARS) {
                text.append(delta);
                sink.text(delta);
            }
        }
    }

    private ModelReply stream(InputStream body, TextSink sink) throws IOException {
        StreamedReply reply = new StreamedReply(sink);
        BufferedReader lines = new BufferedReader(new InputStreamReader(body, StandardCharsets.UTF_8));
        String type = null;
        StringBuilder data = new StringBuilder();
        try {
            for (String line = line(lines); line != null; line = line(lines)) {
                if (line.isEmpty()) {
                    if (data.length() > 0 && dispatch(type, data.toString(), reply)) {
                        return new ModelReply(reply.text.toString(), reply.model == null ? endpoint.model() : reply.model,
                                reply.tokensIn, reply.tokensOut);
                    }
                    type = null;
                    data.setLength(0);
                } else if (line.startsWith("event:")) {
                    type = line.substring(6).strip();
                } else if (line.startsWith("data:")) {
                    if (data.length() > 0) {
                        data.append('\n');
                    }
                    data.append(line.substring(5).stripLeading());
                    if (data.length() > MAX_BODY) {
                        throw new ProviderFailure.Unusable(name() + " sent an event longer than " + MAX_BODY + " characters");
                    }
                }
            }
        } catch (ProviderFailure e) {
            throw reply.text.length() == 0 ? e : new ProviderFailure.Unusable(e.getMessage() + " (after "
                    + reply.text.length() + " characters had been sent)", e.detail(), e);
        } catch (IOException e) {
            throw broken(reply, name() + "'s answer stream was cut off (" + e.getClass().getSimpleName() + ")", e);
        }
        throw broken(reply, name() + "'s answer stream was cut off before its end", null);
    }

    /** One line of a stream, at most {@link #MAX_BODY} characters: a longer one is not a provider's. */
    private String line(BufferedReader in) throws IOException {
        StringBuilder line = new StringBuilder();
        for (int c = in.read(); c >= 0; c = in.read()) {
            if (c == '\n') {
                int end = line.length();
                return end > 0 && line.charAt(end - 1) == '\r' ? line.substring(0, end - 1) : line.toString();
            }
            if (line.length() == MAX_BODY) {
                throw new ProviderFailure.Unusable(name() + " sent a line longer than " + MAX_BODY + " characters");
            }
            line.append((char) c);
        }
        return line.length() == 0 ? null : line.toString();
    }

    private boolean dispatch(String type, String data, StreamedReply reply) {
        if ("[DONE]".equals(data)) {
            return true;
        }
        JsonNode event;
        try {
            event = JSON.readTree(data);
        } catch (JsonProcessingException e) {
            throw new ProviderFailure.Unusable(name() + " sent an event that is not JSON");
        }
        return event(type, event, reply);
    }

    /** A stream that broke: like a lost connection before any text went out, not to be retried after. */
    private static ProviderFailure broken(StreamedReply reply, String reason, Throwable cause) {
        if (reply.text.length() == 0) {
            return new ProviderFailure.Unavailable(reason, null, cause);
        }
        return new ProviderFailure.Unusable(reason + " (after " + reply.text.length() + " characters had been sent)", null, cause);
    }

    private JsonNode parse(String body) {
        try {
            JsonNode node = JSON.readTree(body);
            if (node == null || !node.isObject()) {
                throw new ProviderFailure.Unusable(name() + " answered with a body that is not its protocol");
            }
            return node;
        } catch (JsonProcessingException e) {
            throw new ProviderFailure.Unusable(name() + " answered with a body that is not JSON");
        }
    }

    /** A missing field of an answer that parsed: the provider does not speak the protocol we expect. */
    protected ProviderFailure notProtocol(String what) {
        return new ProviderFailure.Unusable(name() + " answered without " + what);
    }

    private ProviderFailure failure(int status, Optional<String> message, Optional<String> retryAfter) {
        String reason = name() + " answered " + status;
        String detail = message.map(RemoteChat::clip).orElse(null);
        if (status == 429 || status >= 500) {
            retryAfter.flatMap(RemoteChat::delay).ifPresent(d -> notBefore = Instant.now().plus(d));
            return new ProviderFailure.Unavailable(reason, detail, null);
        }
        return new ProviderFailure.Refused(reason, detail);
    }

    private Optional<String> errorMessage(String body) {
        try {
            JsonNode node = JSON.readTree(body);
            return node == null ? Optional.empty() : errorMessage(node);
        } catch (JsonProcessingException e) {
            return Optional.empty();
        }
    }

    private void awaitRetryAfter() {
        Duration wait = Duration.between(Instant.now(), notBefore);
        if (wait.isNegative() || wait.isZero()) {
            return;
        }
        if (wait.compareTo(MAX_WAIT) > 0) {
            throw new ProviderFailure.Refused(name() + " asked us to wait " + (wait.toSeconds() + 1) + " s before asking again");
        }
        try {
            Thread.sleep(wait.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ProviderFailure.Unavailable(name() + " was given up on while waiting out its Retry-After", null, e);
        }
    }

    /** A Retry-After header: seconds, or an HTTP date; at most ten minutes. */
    static Optional<Duration> delay(String header) {
        String value = header.strip();
        Duration delay;
        try {
            delay = value.chars().allMatch(Character::isDigit) && !value.isEmpty() && value.length() < 7
                    ? Duration.ofSeconds(Long.parseLong(value))
                    : Duration.between(Instant.now(), ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant());
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
        return Optional.of(delay.isNegative() ? Duration.ZERO : delay.compareTo(Duration.ofMinutes(10)) > 0 ? Duration.ofMinutes(10) : delay);
    }

    static String clip(String message) {
        String oneLine = message.replaceAll("\\s+", " ").strip();
        return oneLine.length() <= 200 ? oneLine : oneLine.substring(0, 200) + "...";
    }

    private static String readLimited(InputStream in, int limit) throws IOException {
        byte[] bytes = in.readNBytes(limit);
        return new String(bytes, StandardCharsets.UTF_8);
    }

    static int intOr0(JsonNode node) {
        return node != null && node.canConvertToInt() ? node.asInt() : 0;
    }
}
