package io.fincopilot.answers.control;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.net.http.HttpRequest;
import java.util.Optional;

/**
 * Anthropic's Messages API: {@code POST {base}/v1/messages} with {@code x-api-key} and
 * {@code anthropic-version}, the instructions as {@code system}, the answer in the text blocks of
 * {@code content}; streamed as named events ({@code message_start} with the input tokens,
 * {@code content_block_delta} text, {@code message_delta} with the output tokens,
 * {@code message_stop}, or {@code error}).
 */
final class AnthropicChat extends RemoteChat {

    static final String VERSION = "2023-06-01";

    AnthropicChat(ChatEndpoint endpoint) {
        super(endpoint);
    }

    @Override
    protected URI uri() {
        return at("v1/messages");
    }

    @Override
    protected void headers(HttpRequest.Builder request) {
        request.header("anthropic-version", VERSION);
        if (endpoint.apiKey() != null) {
            request.header("x-api-key", endpoint.apiKey());
        }
    }

    @Override
    protected ObjectNode body(ChatPrompt prompt, boolean stream) {
        ObjectNode body = JSON.createObjectNode().put("model", endpoint.model()).put("max_tokens", endpoint.maxTokens())
                .put("temperature", 0).put("system", prompt.system()).put("stream", stream);
        body.putArray("messages").add(JSON.createObjectNode().put("role", "user").put("content", prompt.user()));
        return body;
    }

    @Override
    protected ModelReply reply(JsonNode answer) {
        JsonNode content = answer.path("content");
        if (!content.isArray()) {
            throw notProtocol("content");
        }
        StringBuilder text = new StringBuilder();
        content.forEach(block -> {
            if ("text".equals(block.path("type").asText())) {
                text.append(block.path("text").asText());
            }
        });
        JsonNode usage = answer.path("usage");
        return new ModelReply(text.toString(), answer.path("model").asText(endpoint.model()), intOr0(usage.get("input_tokens")),
                intOr0(usage.get("output_tokens")));
    }

    @Override
    protected Optional<String> errorMessage(JsonNode error) {
        JsonNode message = error.path("error").path("message");
        return message.isTextual() ? Optional.of(error.path("error").path("type").asText("error") + ": " + message.asText())
                : Optional.empty();
    }

    @Override
    protected boolean event(String type, JsonNode data, StreamedReply reply) {
        String kind = type != null ? type : data.path("type").asText();
        switch (kind) {
            case "message_start" -> {
                JsonNode message = data.path("message");
                reply.model = message.path("model").asText(null);
                reply.tokensIn = intOr0(message.path("usage").get("input_tokens"));
            }
            case "content_block_delta" -> {
                JsonNode delta = data.path("delta");
                if ("text_delta".equals(delta.path("type").asText())) {
                    reply.text(delta.path("text").asText());
                }
            }
            case "message_delta" -> reply.tokensOut = intOr0(data.path("usage").get("output_tokens"));
            case "message_stop" -> {
                return true;
            }
            case "error" -> throw new ProviderFailure.Unavailable(name() + " reported an error in its stream",
                    errorMessage(data).map(RemoteChat::clip).orElse(null), null);
            default -> {
                // ping, content_block_start, content_block_stop: nothing to read
            }
        }
        return false;
    }
}
