package io.fincopilot.answers;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A local stand-in for the remote answer providers we cannot reach from here, speaking their wire
 * protocols over plain sockets: OpenAI's chat completions ({@code POST /v1/chat/completions}) and
 * Anthropic's Messages API ({@code POST /v1/messages}), whole or streamed as server-sent events,
 * with their error bodies. What it does next is scripted ({@link #then}): answer, fail with a
 * status (and Retry-After), answer slowly, send a body that is not the protocol, reset the
 * connection, or cut a stream in the middle. It records every request it was sent.
 */
public final class FakeChatServer implements AutoCloseable {

    /** One scripted reply. */
    public sealed interface Behavior {
    }

    public record Answer(String text) implements Behavior {
    }

    public record Status(int status, String retryAfter, String message) implements Behavior {
    }

    public record Slow(Duration delay, String text) implements Behavior {
    }

    public record Garbage() implements Behavior {
    }

    public record Reset() implements Behavior {
    }

    /** Streams {@code text} and then closes the connection without the stream's end. */
    public record CutStream(String text) implements Behavior {
    }

    /** A request as it arrived. */
    public record Request(String method, String path, Map<String, String> headers, JsonNode body, Instant at) {
        public boolean anthropic() {
            return path.endsWith("/messages");
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    private final ServerSocket socket;
    private final ExecutorService connections = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "fake-chat-server");
        t.setDaemon(true);
        return t;
    });
    private final ConcurrentLinkedDeque<Behavior> script = new ConcurrentLinkedDeque<>();
    private final List<Request> requests = Collections.synchronizedList(new ArrayList<>());
    private volatile String defaultText = "Revenue was $4,210 million in 2023 [1].";

    public FakeChatServer(int port) throws IOException {
        socket = new ServerSocket(port, 50, InetAddress.getLoopbackAddress());
        socket.setReuseAddress(true);
        connections.submit(this::accept);
    }

    public int port() {
        return socket.getLocalPort();
    }

    /** What the next requests get, in order; once the script is used up, {@link #answerByDefault}'s text. */
    public FakeChatServer then(Behavior... behaviors) {
        script.addAll(List.of(behaviors));
        return this;
    }

    public FakeChatServer answerByDefault(String text) {
        defaultText = text;
        return this;
    }

    /** Forgets the script and the requests seen. */
    public void reset() {
        script.clear();
        requests.clear();
    }

    public List<Request> requests() {
        synchronized (requests) {
            return List.copyOf(requests);
        }
    }

    @Override
    public void close() throws IOException {
        socket.close();
        connections.shutdownNow();
    }

    private void accept() {
        while (!socket.isClosed()) {
            try {
                Socket connection = socket.accept();
                connections.submit(() -> serve(connection));
            } catch (IOException e) {
                return;
            }
        }
    }

    private void serve(Socket connection) {
        try (connection) {
            Request request = read(connection.getInputStream());
            if (request == null) {
                return;
            }
            requests.add(request);
            Behavior next = script.poll();
            reply(connection, request, next == null ? new Answer(defaultText) : next);
        } catch (IOException | InterruptedException e) {
            // the client went away, or the server is closing
        }
    }

    private void reply(Socket connection, Request request, Behavior behavior) throws IOException, InterruptedException {
        OutputStream out = connection.getOutputStream();
        boolean stream = request.body() != null && request.body().path("stream").asBoolean(false);
        if (behavior instanceof Answer a) {
            answer(out, request, stream, a.text(), false);
        } else if (behavior instanceof Slow s) {
            Thread.sleep(s.delay().toMillis());
            answer(out, request, stream, s.text(), false);
        } else if (behavior instanceof CutStream c) {
            answer(out, request, true, c.text(), true);
        } else if (behavior instanceof Status s) {
            String body = request.anthropic()
                    ? "{\"type\":\"error\",\"error\":{\"type\":\"" + (s.status() == 429 ? "rate_limit_error" : "api_error")
                            + "\",\"message\":" + JSON.writeValueAsString(s.message()) + "}}"
                    : "{\"error\":{\"message\":" + JSON.writeValueAsString(s.message()) + ",\"type\":\"server_error\",\"code\":null}}";
            Map<String, String> headers = new LinkedHashMap<>();
            headers.put("Content-Type", "application/json");
            if (s.retryAfter() != null) {
                headers.put("Retry-After", s.retryAfter());
            }
            whole(out, s.status(), headers, body);
        } else if (behavior instanceof Garbage) {
            whole(out, 200, Map.of("Content-Type", "application/json"), "{\"choices\":[{\"message\":{\"content\":\"Rev");
        } else if (behavior instanceof Reset) {
            connection.setSoLinger(true, 0);
            connection.close();
        }
    }

    private void answer(OutputStream out, Request request, boolean stream, String text, boolean cut) throws IOException,
            InterruptedException {
        int in = request.body() == null ? 0 : request.body().toString().length() / 4;
        int words = text.split("\\s+").length;
        if (!stream) {
            ObjectNode body = JSON.createObjectNode();
            if (request.anthropic()) {
                body.put("id", "msg_fake").put("type", "message").put("role", "assistant").put("model", "fake-claude");
                body.putArray("content").addObject().put("type", "text").put("text", text);
                body.put("stop_reason", "end_turn");
                body.putObject("usage").put("input_tokens", in).put("output_tokens", words);
            } else {
                body.put("id", "chatcmpl-fake").put("object", "chat.completion").put("model", "fake-gpt");
                ObjectNode choice = body.putArray("choices").addObject().put("index", 0).put("finish_reason", "stop");
                choice.putObject("message").put("role", "assistant").put("content", text);
                body.putObject("usage").put("prompt_tokens", in).put("completion_tokens", words).put("total_tokens", in + words);
            }
            whole(out, 200, Map.of("Content-Type", "application/json"), body.toString());
            return;
        }
        out.write(("HTTP/1.1 200 OK\r\nContent-Type: text/event-stream\r\nCache-Control: no-cache\r\nConnection: close\r\n\r\n")
                .getBytes(StandardCharsets.UTF_8));
        List<String> pieces = pieces(text);
        if (request.anthropic()) {
            event(out, "message_start", "{\"type\":\"message_start\",\"message\":{\"id\":\"msg_fake\",\"type\":\"message\","
                    + "\"role\":\"assistant\",\"model\":\"fake-claude\",\"content\":[],\"usage\":{\"input_tokens\":" + in
                    + ",\"output_tokens\":1}}}");
            event(out, "content_block_start", "{\"type\":\"content_block_start\",\"index\":0,\"content_block\":{\"type\":\"text\",\"text\":\"\"}}");
            event(out, "ping", "{\"type\": \"ping\"}");
            for (String piece : pieces) {
                event(out, "content_block_delta", "{\"type\":\"content_block_delta\",\"index\":0,\"delta\":{\"type\":\"text_delta\",\"text\":"
                        + JSON.writeValueAsString(piece) + "}}");
                Thread.sleep(5);
            }
            if (cut) {
                return;
            }
            event(out, "content_block_stop", "{\"type\":\"content_block_stop\",\"index\":0}");
            event(out, "message_delta", "{\"type\":\"message_delta\",\"delta\":{\"stop_reason\":\"end_turn\",\"stop_sequence\":null},"
                    + "\"usage\":{\"output_tokens\":" + words + "}}");
            event(out, "message_stop", "{\"type\":\"message_stop\"}");
        } else {
            String head = "{\"id\":\"chatcmpl-fake\",\"object\":\"chat.completion.chunk\",\"model\":\"fake-gpt\",\"choices\":[{\"index\":0,";
            event(out, null, head + "\"delta\":{\"role\":\"assistant\",\"content\":\"\"},\"finish_reason\":null}]}");
            for (String piece : pieces) {
                event(out, null, head + "\"delta\":{\"content\":" + JSON.writeValueAsString(piece) + "},\"finish_reason\":null}]}");
                Thread.sleep(5);
            }
            if (cut) {
                return;
            }
            event(out, null, head + "\"delta\":{},\"finish_reason\":\"stop\"}]}");
            event(out, null, "{\"id\":\"chatcmpl-fake\",\"object\":\"chat.completion.chunk\",\"model\":\"fake-gpt\",\"choices\":[],"
                    + "\"usage\":{\"prompt_tokens\":" + in + ",\"completion_tokens\":" + words + ",\"total_tokens\":" + (in + words) + "}}");
            event(out, null, "[DONE]");
        }
    }

    private static List<String> pieces(String text) {
        List<String> pieces = new ArrayList<>();
        for (int i = 0; i < text.length(); i += 7) {
            pieces.add(text.substring(i, Math.min(text.length(), i + 7)));
        }
        return pieces;
    }

    private static void event(OutputStream out, String name, String data) throws IOException {
        out.write(((name == null ? "" : "event: " + name + "\n") + "data: " + data + "\n\n").getBytes(StandardCharsets.UTF_8));
        out.flush();
    }

    private static void whole(OutputStream out, int status, Map<String, String> headers, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        StringBuilder head = new StringBuilder("HTTP/1.1 ").append(status).append(' ').append(reason(status)).append("\r\n");
        headers.forEach((k, v) -> head.append(k).append(": ").append(v).append("\r\n"));
        head.append("Content-Length: ").append(bytes.length).append("\r\nConnection: close\r\n\r\n");
        out.write(head.toString().getBytes(StandardCharsets.UTF_8));
        out.write(bytes);
        out.flush();
    }

    private static String reason(int status) {
        return switch (status) {
            case 200 -> "OK";
            case 400 -> "Bad Request";
            case 401 -> "Unauthorized";
            case 429 -> "Too Many Requests";
            case 500 -> "Internal Server Error";
            case 503 -> "Service Unavailable";
            default -> "Status";
        };
    }

    private static Request read(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        int last = 0; // the last four bytes read
        while (last != 0x0d0a0d0a) {
            int b = in.read();
            if (b < 0) {
                return null;
            }
            head.write(b);
            last = (last << 8) | b;
        }
        String[] lines = head.toString(StandardCharsets.UTF_8).split("\r\n");
        String[] start = lines[0].split(" ");
        Map<String, String> headers = new LinkedHashMap<>();
        for (int i = 1; i < lines.length; i++) {
            int colon = lines[i].indexOf(':');
            if (colon > 0) {
                headers.put(lines[i].substring(0, colon).strip().toLowerCase(Locale.ROOT), lines[i].substring(colon + 1).strip());
            }
        }
        int length = Integer.parseInt(headers.getOrDefault("content-length", "0"));
        byte[] body = in.readNBytes(length);
        JsonNode json;
        try {
            json = length == 0 ? null : JSON.readTree(body);
        } catch (IOException e) {
            json = null;
        }
        return new Request(start[0], start.length > 1 ? start[1] : "", headers, json, Instant.now());
    }

    /** Runs a fake on a port of one's choosing until the process is stopped (for trying a stack by hand). */
    public static void main(String[] args) throws Exception {
        try (FakeChatServer server = new FakeChatServer(Integer.parseInt(args[0]))) {
            System.out.println("fake chat server on " + server.port());
            Thread.currentThread().join();
        } catch (SocketException e) {
            System.err.println(e.getMessage());
        }
    }
}
