package io.fincopilot.answers.control;

import io.fincopilot.tenancy.entity.TenantId;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.URI;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.sql.DataSource;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The answer providers this platform has (decision 59): {@code extractive} always; an
 * OpenAI-compatible server when {@code fincopilot.answers.openai.base-url} is set; Anthropic when
 * its key (or a base URL of its own) is. The platform's choice is
 * {@code fincopilot.answers.provider}; an organization's own choice, set by the platform's
 * admins, overrides it, and is read from PostgreSQL on every question so that every instance
 * follows a change at once.
 */
@ApplicationScoped
public class AnswerProviders {

    public static final String EXTRACTIVE = "extractive";
    public static final String OPENAI = "openai";
    public static final String ANTHROPIC = "anthropic";
    public static final List<String> NAMES = List.of(EXTRACTIVE, OPENAI, ANTHROPIC);

    /** An organization's provider, and why it is not the one it chose (null when it is). */
    public record Choice(String provider, String unavailable) {
    }

    @Inject
    @ConfigProperty(name = "fincopilot.answers.provider", defaultValue = EXTRACTIVE)
    String platformProvider;

    @Inject
    @ConfigProperty(name = "fincopilot.answers.openai.base-url")
    Optional<String> openAiBaseUrl;

    @Inject
    @ConfigProperty(name = "fincopilot.answers.openai.model", defaultValue = "gpt-4o-mini")
    String openAiModel;

    @Inject
    @ConfigProperty(name = "fincopilot.answers.openai.api-key")
    Optional<String> openAiKey;

    @Inject
    @ConfigProperty(name = "fincopilot.answers.anthropic.base-url")
    Optional<String> anthropicBaseUrl;

    @Inject
    @ConfigProperty(name = "fincopilot.answers.anthropic.model", defaultValue = "claude-3-5-haiku-latest")
    String anthropicModel;

    @Inject
    @ConfigProperty(name = "fincopilot.answers.anthropic.api-key")
    Optional<String> anthropicKey;

    @Inject
    @ConfigProperty(name = "fincopilot.answers.max-tokens", defaultValue = "800")
    int maxTokens;

    @Inject
    @ConfigProperty(name = "fincopilot.answers.first-byte-timeout", defaultValue = "PT20S")
    Duration firstByte;

    @Resource(lookup = "jdbc/fincopilot")
    DataSource dataSource;

    private final Map<String, RemoteChat> remote = new LinkedHashMap<>();

    @PostConstruct
    void configure() {
        openAiBaseUrl.filter(u -> !u.isBlank()).ifPresent(url -> add(OPENAI, url, openAiModel, openAiKey));
        if (anthropicKey.filter(k -> !k.isBlank()).isPresent() || anthropicBaseUrl.filter(u -> !u.isBlank()).isPresent()) {
            add(ANTHROPIC, anthropicBaseUrl.filter(u -> !u.isBlank()).orElse("https://api.anthropic.com"), anthropicModel, anthropicKey);
        }
    }

    /** A provider whose base URL is not an http(s) URL is left out, and said so in the log: the others still answer. */
    private void add(String provider, String url, String model, Optional<String> key) {
        try {
            URI base = URI.create(url.strip());
            if (!("http".equals(base.getScheme()) || "https".equals(base.getScheme())) || base.getHost() == null) {
                throw new IllegalArgumentException("not an http(s) URL");
            }
            remote.put(provider, RemoteChat.of(new ChatEndpoint(provider, base, model, blankToNull(key), maxTokens, firstByte)));
        } catch (IllegalArgumentException e) {
            java.util.logging.Logger.getLogger(AnswerProviders.class.getName()).severe(() -> "the " + provider
                    + " answer provider is not available: its base URL is not usable (" + e.getMessage() + ")");
        }
    }

    /** The providers an organization may be set to. */
    public List<String> available() {
        return NAMES.stream().filter(n -> EXTRACTIVE.equals(n) || remote.containsKey(n)).toList();
    }

    public Optional<RemoteChat> remote(String provider) {
        return Optional.ofNullable(remote.get(provider));
    }

    /** The provider the organization's questions go to now. */
    public Choice of(TenantId tenant) {
        String chosen = Optional.ofNullable(ownChoice(tenant)).orElse(platformProvider.strip());
        if (EXTRACTIVE.equals(chosen) || remote.containsKey(chosen)) {
            return new Choice(chosen, null);
        }
        return new Choice(EXTRACTIVE, "the provider '" + chosen + "' is not configured on this platform");
    }

    private String ownChoice(TenantId tenant) {
        try (Connection db = dataSource.getConnection();
                PreparedStatement read = db.prepareStatement("select answer_provider from organizations where id = ?")) {
            read.setObject(1, tenant.value());
            try (ResultSet rs = read.executeQuery()) {
                return rs.next() ? rs.getString(1) : null;
            }
        } catch (SQLException e) {
            throw new IllegalStateException("the organization's answer provider could not be read", e);
        }
    }

    private static String blankToNull(Optional<String> value) {
        return value.map(String::strip).filter(v -> !v.isEmpty()).orElse(null);
    }
}
