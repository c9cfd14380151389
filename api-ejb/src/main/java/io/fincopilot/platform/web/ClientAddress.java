package io.fincopilot.platform.web;

import io.fincopilot.keys.control.IpAllowList;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The address a request came from, for API keys' allow-lists and the audit trail. Behind a load
 * balancer the connection comes from the balancer; only a proxy named in
 * {@code fincopilot.http.trusted-proxies} (addresses or CIDR blocks, comma separated; none by default)
 * may say who its client was, in {@code X-Forwarded-For}. The header is read from the right: the
 * first address that is not a trusted proxy is the client, so a client cannot name itself by
 * sending the header (decision 68).
 */
@ApplicationScoped
public class ClientAddress {

    private final IpAllowList trusted;

    /** For CDI's proxy. */
    protected ClientAddress() {
        this.trusted = null;
    }

    @Inject
    public ClientAddress(@ConfigProperty(name = "fincopilot.http.trusted-proxies") Optional<String> trustedProxies) {
        List<String> entries = trustedProxies.map(t -> Arrays.stream(t.split(",")).map(String::strip)
                .filter(e -> !e.isEmpty()).toList()).orElse(List.of());
        this.trusted = entries.isEmpty() ? null : IpAllowList.parse(entries);
    }

    public String of(HttpServletRequest request) {
        return resolve(request.getRemoteAddr(), Collections.list(request.getHeaders("X-Forwarded-For")));
    }

    /** The client of a connection from {@code remote} that carried these X-Forwarded-For headers. */
    String resolve(String remote, List<String> forwardedFor) {
        if (trusted == null || !trusted.allows(remote)) {
            return remote;
        }
        List<String> hops = new ArrayList<>();
        forwardedFor.forEach(h -> Arrays.stream(h.split(",")).map(String::strip).filter(a -> !a.isEmpty()).forEach(hops::add));
        String client = remote;
        for (int i = hops.size() - 1; i >= 0; i--) {
            String hop = hops.get(i);
            if (!IpAllowList.isAddress(hop)) {
                return client; // a malformed hop: nothing to its left can be believed
            }
            client = hop;
            if (!trusted.allows(hop)) {
                return hop;
            }
        }
        return client;
    }
}
