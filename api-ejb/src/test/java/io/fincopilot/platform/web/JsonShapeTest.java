package io.fincopilot.platform.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class JsonShapeTest {

    record Inner(String name, Integer count) {
    }

    record Body(Boolean flag, int number, BigDecimal amount, String text, List<UUID> ids, Instant at, Inner inner,
            List<Inner> inners) {
    }

    private static String mismatch(String json) throws Exception {
        return JsonShape.mismatch(new ObjectMapper().readTree(json), Body.class, "");
    }

    @Test
    void aBodyOfTheRightTypesFits() throws Exception {
        assertNull(mismatch("{\"flag\":true,\"number\":3,\"amount\":\"1.50\",\"text\":\"x\",\"ids\":[\"" + UUID.randomUUID()
                + "\"],\"at\":\"2026-01-01T00:00:00Z\",\"inner\":{\"name\":\"n\",\"count\":2},\"inners\":[{\"count\":null}],"
                + "\"unknown\":[1,{}]}"));
        assertNull(mismatch("{\"amount\":1.5,\"flag\":null}"), "numbers or strings for decimals; null is Bean Validation's");
    }

    @Test
    void whatJsonbWouldConvertIsNamed() throws Exception {
        assertEquals("flag: true or false", mismatch("{\"flag\":\"yes\"}"));
        assertEquals("number: a whole number", mismatch("{\"number\":1.5}"));
        assertEquals("number: a whole number", mismatch("{\"number\":\"5\"}"));
        assertEquals("text: a string", mismatch("{\"text\":5}"));
        assertEquals("ids[1]: a string", mismatch("{\"ids\":[\"" + UUID.randomUUID() + "\",7]}"));
        assertEquals("inner.count: a whole number", mismatch("{\"inner\":{\"count\":true}}"));
        assertEquals("inners[0]: an object", mismatch("{\"inners\":[3]}"));
        assertEquals("ids: an array", mismatch("{\"ids\":\"x\"}"));
        assertEquals("the body: an object", JsonShape.mismatch(new ObjectMapper().readTree("[1]"), Body.class, ""));
    }
}
