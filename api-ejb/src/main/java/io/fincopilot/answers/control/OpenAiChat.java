package io.fincopilot.answers.control;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.net.http.HttpRequest;
import java.util.Optional;

/**
 * OpenAI's chat completions, as OpenAI, Groq, vLLM, Ollama and llama.cpp's server speak them:
 * {@code POST {base}/chat/completions}, a bearer key, the answer in
 * {@code choices[0].message.content}; streamed as {@code data:} chunks of {@code choices[0].delta}
 * ending in {@code data: [DONE]}, with the usage in the last chunk when asked for it.
 */
final class OpenAiChat extends RemoteChat {

    OpenAiChat(ChatEndpoint endpoint) {
        super(endpoint);
    }

    @Override
    protected URI uri() {
        return at("chat/completions");
    }

    @Override
    protected void headers(HttpRequest.Builder request) {
        if (endpoint.apiKey() != null) {
            request.header("Authorization", "Bearer " + endpoint.apiKey());
        }
    }

    @Override
    protected ObjectNode body(ChatPrompt prompt, boolean stream) {
        ObjectNode body = JSON.createObjectNode().put("model", endpoint.model()).put("temperature", 0)
                .put("max_tokens", endpoint.maxTokens()).put("stream", stream);
        body.putArray("messages").add(JSON.createObjectNode().put("role", "system").put("content", prompt.system()))
                .add(JSON.createObjectNode().put("role", "user").put("content", prompt.user()));
        if (stream) {
            body.putObject("stream_options").put("include_usage", true);
        }
        return body;
    }

    @Override
    protected ModelReply reply(JsonNode answer) {
        JsonNode content = answer.path("choices").path(0).path("message").path("content");
        if (!content.isTextual()) {
            throw notProtocol("choices[0].message.content");
        }
        JsonNode usage = answer.path("usage");
        return new ModelReply(content.asText(), answer.path("model").asText(endpoint.model()), intOr0(usage.get("prompt_tokens")),
                intOr0(usage.get("completion_tokens")));
    }

    @Override
    protected Optional<String> errorMessage(JsonNode error) {
        JsonNode message = error.path("error").path("message");
        return message.isTextual() ? Optional.of(message.asText()) : Optional.empty();
    }

    @Override
    protected boolean event(String type, JsonNode data, StreamedReply reply) {
        if (data.has("error")) {
            throw new ProviderFailure.Unavailable(name() + " reported an error in its stream",
                    errorMessage(data).map(RemoteChat::clip).orElse(null), null);
        }
        if (data.hasNonNull("model")) {
            reply.model = data.get("model").asText();
        }
        JsonNode delta = data.path("choices").path(0).path("delta").path("content");
        if (delta.isTextual()) {
            reply.text(delta.asText());
        }
        JsonNode usage = data.path("usage");
        if (usage.isObject()) {
            reply.tokensIn = intOr0(usage.get("prompt_tokens"));
            reply.tokensOut = intOr0(usage.get("completion_tokens"));
        }
        return false;
    }
}
