package io.fincopilot.platform.web;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fincopilot.platform.problem.ProblemException;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class JsonBodyGuardTest {

    private static final String VALID = "{\"name\":\"ci\",\"scopes\":[\"ask\",\"documents:read\"],"
            + "\"ipAllowList\":[\"10.0.0.0/8\"],\"nested\":{\"a\":{\"b\":[1,2.5,true,null]}}}";

    @Test
    void everyTruncatedPrefixOfAValidBodyIsRefusedAtOnce() {
        assertDoesNotThrow(() -> JsonBodyGuard.check(bytes(VALID)));
        // The prefixes that spin Payara's own parser for ever must each come back, as a 400.
        assertTimeoutPreemptively(Duration.ofSeconds(10), () -> {
            for (int length = 1; length < VALID.length(); length++) {
                String prefix = VALID.substring(0, length);
                ProblemException refused = assertThrows(ProblemException.class,
                        () -> JsonBodyGuard.check(bytes(prefix)), prefix);
                assertEquals(400, refused.problem().status());
            }
        });
    }

    @Test
    void theReportedHangsAreMalformedBodies() {
        for (String body : new String[] {"{\"a\":[", "{\"a\":{\"a\":", "{\"a\"", "[", "{\"a\":1}}", "nul"}) {
            assertEquals(400, assertThrows(ProblemException.class, () -> JsonBodyGuard.check(bytes(body))).problem().status());
        }
    }

    @Test
    void aNulCharacterInAnyStringIsRefused() {
        ProblemException refused = assertThrows(ProblemException.class,
                () -> JsonBodyGuard.check(bytes("{\"name\":\"a\\u0000b\"}")));
        assertTrue(refused.problem().detail().contains("NUL"), refused.problem().detail());
        assertThrows(ProblemException.class, () -> JsonBodyGuard.check(bytes("{\"a\\u0000\":1}")));
    }

    @Test
    void deepNestingIsRefused() {
        String deep = "[".repeat(200) + "]".repeat(200);
        assertEquals(400, assertThrows(ProblemException.class, () -> JsonBodyGuard.check(bytes(deep))).problem().status());
    }

    @Test
    void aBodyOverTheLimitIsRefusedWith413WithoutReadingItAll() throws Exception {
        assertEquals(10, JsonBodyGuard.readAtMost(new ByteArrayInputStream(new byte[10]), 10).length);
        ProblemException refused = assertThrows(ProblemException.class,
                () -> JsonBodyGuard.readAtMost(new ByteArrayInputStream(new byte[11]), 10));
        assertEquals(413, refused.problem().status());
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
