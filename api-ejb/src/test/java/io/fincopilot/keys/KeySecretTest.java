package io.fincopilot.keys;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fincopilot.keys.control.IpAllowList;
import io.fincopilot.keys.control.KeySecret;
import java.util.List;
import org.junit.jupiter.api.Test;

class KeySecretTest {

    @Test
    void aGeneratedKeyParsesBackAndMatchesOnlyItsOwnHash() {
        KeySecret key = KeySecret.generate();
        assertTrue(key.token().startsWith("fc_live_" + key.prefix() + "_"));
        KeySecret parsed = KeySecret.parse(key.token()).orElseThrow();
        assertEquals(key, parsed);
        assertTrue(parsed.matches(key.hash()));
        assertFalse(KeySecret.generate().matches(key.hash()));
        assertEquals(64, key.hash().length());
        assertFalse(key.toString().contains(key.secret()), "the secret never reaches a log through toString");
    }

    @Test
    void keysAreUnique() {
        assertNotEquals(KeySecret.generate().token(), KeySecret.generate().token());
    }

    @Test
    void onlyTheExactShapeIsAKey() {
        String good = KeySecret.generate().token();
        assertTrue(KeySecret.parse(good).isPresent());
        assertTrue(KeySecret.parse(good.substring(0, good.length() - 1)).isEmpty());
        assertTrue(KeySecret.parse(good + "x").isEmpty());
        assertTrue(KeySecret.parse(good.replace("fc_live_", "fc_test_")).isEmpty());
        assertTrue(KeySecret.parse("").isEmpty());
        assertTrue(KeySecret.parse(null).isEmpty());
    }

    @Test
    void allowListsMatchAddressesAndRanges() {
        IpAllowList list = IpAllowList.parse(List.of("203.0.113.7", "10.0.0.0/8", "2001:db8::/32"));
        assertTrue(list.allows("203.0.113.7"));
        assertFalse(list.allows("203.0.113.8"));
        assertTrue(list.allows("10.200.3.4"));
        assertFalse(list.allows("11.0.0.1"));
        assertTrue(list.allows("2001:db8:1::5"));
        assertFalse(list.allows("2001:db9::1"));
        assertFalse(list.allows("not-an-ip"));
        assertTrue(IpAllowList.parse(List.of()).allows("192.0.2.1"), "an empty list allows any address");
    }

    @Test
    void malformedEntriesAreRefusedWithoutLookingUpNames() {
        assertThrows(IllegalArgumentException.class, () -> IpAllowList.validate("example.com"));
        assertThrows(IllegalArgumentException.class, () -> IpAllowList.validate("10.0.0.0/33"));
        assertThrows(IllegalArgumentException.class, () -> IpAllowList.validate("10.0.0.0/x"));
        assertThrows(IllegalArgumentException.class, () -> IpAllowList.validate("300.1.1.1"));
    }

    @Test
    void aKeyAnywhereInAUrlIsFoundAndRedacted() {
        String key = KeySecret.generate().token();
        assertTrue(KeySecret.looksLikeKey("/api/v1/me;" + key));
        assertTrue(KeySecret.looksLikeKey("/api/v1/me;FC%5Flive%5fabc"));
        assertFalse(KeySecret.looksLikeKey("/api/v1/me"));
        String redacted = KeySecret.redact("/api/v1/me;" + key + "/x?y=" + key);
        assertFalse(redacted.contains(key.substring(8)), redacted);
        assertEquals("/api/v1/me;fc_live_[redacted]/x?y=fc_live_[redacted]", redacted);
    }
}
