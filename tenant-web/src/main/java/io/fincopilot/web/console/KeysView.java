package io.fincopilot.web.console;

import io.fincopilot.keys.boundary.ApiKeys;
import io.fincopilot.platform.console.ConsoleActions;
import io.fincopilot.keys.boundary.NewKey;
import io.fincopilot.keys.entity.ApiKey;
import io.fincopilot.security.CallerContext;
import io.fincopilot.security.Permission;
import jakarta.annotation.PostConstruct;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.validation.Validator;
import java.io.Serializable;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.UUID;

/** The tenant console's API keys page: create (secret shown once), list, revoke. */
@Named
@ViewScoped
public class KeysView implements Serializable {

    @Inject
    transient ApiKeys apiKeys;

    @Inject
    transient CallerContext callers;

    @Inject
    transient Validator validator;

    private List<ApiKey> keys;
    private String name;
    private List<String> scopes = new ArrayList<>(List.of(Permission.DOCUMENTS_READ_NAME, Permission.ASK_NAME));
    private LocalDate expiresOn;
    private String ipAllowList;
    private Integer rateLimit;
    private String newSecret;

    @PostConstruct
    void load() {
        ConsoleActions.require(callers.require(), Permission.KEYS_MANAGE);
        keys = apiKeys.all(callers.tenant());
    }

    public void create() {
        newSecret = null;
        List<String> ips = ipAllowList == null ? List.of()
                : Arrays.stream(ipAllowList.split("[\\s,]+")).filter(s -> !s.isBlank()).toList();
        Instant expires = expiresOn == null ? null : expiresOn.plusDays(1).atStartOfDay().toInstant(ZoneOffset.UTC);
        NewKey request = new NewKey(name, new LinkedHashSet<>(scopes), expires, ips, rateLimit);
        if (!ConsoleActions.valid(validator, request, "The key was not created")) {
            return;
        }
        ApiKeys.CreatedKey created = ConsoleActions.run(() ->
                apiKeys.create(callers.tenant(), callers.require(), callers.sourceIp(), request));
        if (created != null) {
            newSecret = created.secret();
            name = null;
            ConsoleActions.info("Key created", "copy it now: it will not be shown again");
            keys = apiKeys.all(callers.tenant());
        }
    }

    public void revoke(UUID id) {
        newSecret = null;
        ApiKey revoked = ConsoleActions.run(() -> apiKeys.revoke(callers.tenant(), id, callers.require(), callers.sourceIp()));
        if (revoked != null) {
            ConsoleActions.info("Key revoked", revoked.name() + " (" + revoked.prefix() + ") no longer works");
            keys = apiKeys.all(callers.tenant());
        }
    }

    public List<String> getAvailableScopes() {
        return Permission.keyScopes().stream().map(Permission::scope).toList();
    }

    public String scopesOf(ApiKey key) {
        return String.join(" ", key.scopes());
    }

    public String statusOf(ApiKey key) {
        return key.status(Instant.now(Clock.systemUTC())).name().toLowerCase();
    }

    public List<ApiKey> getKeys() {
        return keys;
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public List<String> getScopes() {
        return scopes;
    }

    public void setScopes(List<String> scopes) {
        this.scopes = scopes;
    }

    public LocalDate getExpiresOn() {
        return expiresOn;
    }

    public void setExpiresOn(LocalDate expiresOn) {
        this.expiresOn = expiresOn;
    }

    public String getIpAllowList() {
        return ipAllowList;
    }

    public void setIpAllowList(String ipAllowList) {
        this.ipAllowList = ipAllowList;
    }

    public Integer getRateLimit() {
        return rateLimit;
    }

    public void setRateLimit(Integer rateLimit) {
        this.rateLimit = rateLimit;
    }

    public String getNewSecret() {
        return newSecret;
    }
}
