package io.fincopilot.tenancy.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ValueObjectsTest {

    @ParameterizedTest
    @ValueSource(strings = {"acme", "a", "acme-bank-2", "0"})
    void acceptsWellFormedSlugs(String text) {
        assertEquals(text, new Slug(text).value());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "-acme", "acme-", "Acme", "acme bank", "acme_bank",
        "a234567890123456789012345678901234567890x"})
    void refusesMalformedSlugs(String text) {
        assertThrows(IllegalArgumentException.class, () -> new Slug(text));
    }

    @Test
    void parsesOnlyCanonicalTenantIds() {
        String canonical = "3f2504e0-4f89-11d3-9a0c-0305e82c3301";
        assertEquals(canonical, TenantId.parse(canonical).toString());
        assertThrows(IllegalArgumentException.class, () -> TenantId.parse("3f2504e0-4f89-11d3-9a0c-305e82c3301"));
        assertThrows(IllegalArgumentException.class, () -> TenantId.parse("not-a-uuid"));
        assertThrows(IllegalArgumentException.class, () -> TenantId.parse(" "));
    }
}
