package io.fincopilot.answers.control;

import java.net.URI;
import java.time.Duration;

/**
 * Where a remote model answers: the provider's kind, its base URL (OpenAI-compatible ones end in
 * {@code /v1}: OpenAI, Groq, vLLM, Ollama, llama.cpp's server; Anthropic's is its host), the model,
 * the key ({@code null} for a local server that wants none), the answer's length cap and how long
 * to wait for the first byte.
 */
public record ChatEndpoint(String provider, URI baseUrl, String model, String apiKey, int maxTokens, Duration firstByte) {

    @Override
    public String toString() { // never the key
        return provider + " " + model + " at " + baseUrl;
    }
}
