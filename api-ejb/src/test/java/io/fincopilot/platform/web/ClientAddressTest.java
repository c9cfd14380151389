package io.fincopilot.platform.web;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ClientAddressTest {

    private final ClientAddress behindBalancer = new ClientAddress(Optional.of("127.0.0.1/32, 10.0.0.0/8"));

    @Test
    void withoutTrustedProxiesTheConnectionIsTheClient() {
        ClientAddress direct = new ClientAddress(Optional.empty());
        assertEquals("127.0.0.1", direct.resolve("127.0.0.1", List.of("203.0.113.7")), "a header alone names nobody");
    }

    @Test
    void aTrustedProxyNamesItsClient() {
        assertEquals("203.0.113.7", behindBalancer.resolve("127.0.0.1", List.of("203.0.113.7")));
        assertEquals("203.0.113.7", behindBalancer.resolve("127.0.0.1", List.of("203.0.113.7, 10.1.2.3")),
                "through two trusted hops");
        assertEquals("2001:db8::1", behindBalancer.resolve("127.0.0.1", List.of("2001:db8::1")));
    }

    @Test
    void aClientCannotNameItselfThroughTheProxy() {
        // The client sent "X-Forwarded-For: 198.51.100.1"; the proxy appended the real address.
        assertEquals("203.0.113.7", behindBalancer.resolve("127.0.0.1", List.of("198.51.100.1, 203.0.113.7")));
        assertEquals("203.0.113.7", behindBalancer.resolve("127.0.0.1", List.of("198.51.100.1", "203.0.113.7")),
                "the same over two header lines");
    }

    @Test
    void anUntrustedConnectionIsTheClientWhateverItSays() {
        assertEquals("198.51.100.9", behindBalancer.resolve("198.51.100.9", List.of("10.0.0.1")));
    }

    @Test
    void aMalformedHopStopsTheWalk() {
        assertEquals("127.0.0.1", behindBalancer.resolve("127.0.0.1", List.of("not-an-address")));
        assertEquals("203.0.113.7", behindBalancer.resolve("127.0.0.1", List.of("evil, 203.0.113.7")));
        assertEquals("127.0.0.1", behindBalancer.resolve("127.0.0.1", List.of()), "no header: the proxy itself");
    }
}
