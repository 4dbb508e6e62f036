package org.lightwire.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** {@link Header}: a configured response header can never split or corrupt a response. */
class HeaderTest {

    @ParameterizedTest
    @ValueSource(strings = {"X-Frame-Options", "content-security-policy", "x", "!#$%&'*+-.^_`|~09AZaz"})
    void everyTokenIsAName(String name) {
        assertEquals(name, new Header(name, "v").name());
    }

    @ParameterizedTest
    @ValueSource(strings = {"X A", "X-A:", "X\tA", "(x)", "\"x\"", "x/y", "x@y", "x=y", "ä", "x\u007f"})
    void nameThatIsNotATokenIsRefused(String name) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new Header(name, "v"));
        assertTrue(e.getMessage().contains("is not an HTTP token"), e.getMessage());
    }

    @Test
    void emptyNameIsRefused() {
        assertEquals("header name must not be empty",
                assertThrows(IllegalArgumentException.class, () -> new Header("", "v")).getMessage());
    }

    @ParameterizedTest
    @ValueSource(strings = {"a\r\nSet-Cookie: x", "a\nb", "a\rb", "a\0b", "\n"})
    void valueWithCrLfOrNulIsRefused(String value) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new Header("X-A", value));
        assertTrue(e.getMessage().startsWith("header 'X-A': value must not contain CR, LF or NUL"), e.getMessage());
    }

    @Test
    void controlCharactersInARefusedNameAreEscapedInTheMessage() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new Header("a\r\nb", "v"));
        assertEquals("header name 'a\\x0d\\x0ab' is not an HTTP token (character 2 is not allowed)", e.getMessage());
    }

    @Test
    void valueMayBeEmptyOrHoldSpacesQuotesAndTabs() {
        assertEquals("", new Header("X-A", "").value());
        assertEquals("default-src 'none'; \t img-src 'self' data:", new Header("CSP", "default-src 'none'; \t img-src 'self' data:").value());
    }

    @Test
    void nullPartsAreRefused() {
        assertThrows(NullPointerException.class, () -> new Header(null, "v"));
        assertThrows(NullPointerException.class, () -> new Header("X", null));
    }
}
