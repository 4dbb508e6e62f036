package org.lightwire.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.lightwire.testkit.JsonCheck.MalformedJsonException;

class JsonCheckTest {

    @Test
    void readsEveryKindOfValueKeepingKeyOrder() {
        Map<String, Object> m = JsonCheck.object(
                " {\"z\":1,\"a\":[true,false,null],\"s\":\"x\\\"\\\\\\/\\n\\r\\t\\b\\f\\u00e9\\u2028\",\"n\":-0.5e+2,\"o\":{}}\n");
        assertEquals(List.of("z", "a", "s", "n", "o"), List.copyOf(m.keySet()));
        assertEquals(1.0, m.get("z"));
        assertEquals(Arrays.asList(true, false, null), m.get("a"));
        assertEquals("x\"\\/\n\r\t\b\f\u00e9\u2028", m.get("s"));
        assertEquals(-50.0, m.get("n"));
        assertEquals(Map.of(), m.get("o"));
        assertEquals(List.of(), JsonCheck.parse("[ ]"));
        assertNull(JsonCheck.parse("null"));
        assertEquals(0.0, JsonCheck.parse("0"));
        assertEquals(1e300, JsonCheck.parse("1E300"));
    }

    @Test
    void rejectsWhatABrowserWouldRefuse() {
        for (String bad : List.of("01", "+1", "1.", ".5", "1e", "1e+", "-", "--1", "0x10", "NaN", "Infinity",
                "tru", "nul", "truex", "[1,]", "{\"a\":1,}", "{a:1}", "{'a':1}", "[1 2]", "{\"a\" 1}",
                "\"tab\there\"", "\"nl\nhere\"", "\"\\x\"", "\"\\u12\"", "\"\\u12g4\"", "\"\\u\uff11\uff12\uff13\uff14\"",
                "1 2", "{} x", "\u00a0[]", "[]\u000b")) {
            assertThrows(MalformedJsonException.class, () -> JsonCheck.parse(bad), bad);
        }
    }

    @Test
    void truncatedInputFailsTypedAndNamesWhere() {
        String whole = "{\"a\":[1,\"two\\u0033\",{\"b\":null}]}";
        JsonCheck.parse(whole);
        for (int n = 0; n < whole.length(); n++) {
            String cut = whole.substring(0, n);
            MalformedJsonException e = assertThrows(MalformedJsonException.class, () -> JsonCheck.parse(cut), cut);
            assertTrue(e.offset() >= 0 && e.offset() <= n, cut + " -> " + e.offset());
        }
        MalformedJsonException e = assertThrows(MalformedJsonException.class, () -> JsonCheck.parse("\"abc\\"));
        assertTrue(e.getMessage().contains("unterminated"), e.getMessage());
    }

    @Test
    void hostileNestingAndSizeFailCleanly() {
        String deep = "[".repeat(100_000) + "]".repeat(100_000);
        MalformedJsonException e = assertThrows(MalformedJsonException.class, () -> JsonCheck.parse(deep));
        assertEquals(JsonCheck.MAX_DEPTH, e.offset());
        String ok = "[".repeat(JsonCheck.MAX_DEPTH) + "]".repeat(JsonCheck.MAX_DEPTH);
        JsonCheck.parse(ok);
        String huge = "\"" + "y".repeat(1 << 20) + "\u0001\"";
        e = assertThrows(MalformedJsonException.class, () -> JsonCheck.parse(huge));
        assertEquals((1 << 20) + 1, e.offset());
        assertTrue(e.getMessage().length() < 400, "the message quotes a bounded prefix");
    }

    @Test
    void duplicateKeysAndNonObjectsAreRefused() {
        MalformedJsonException e = assertThrows(MalformedJsonException.class, () -> JsonCheck.parse("{\"k\":1,\"k\":2}"));
        assertTrue(e.getMessage().contains("duplicate key \"k\""), e.getMessage());
        assertThrows(MalformedJsonException.class, () -> JsonCheck.object("[]"));
        assertThrows(MalformedJsonException.class, () -> JsonCheck.object("null"));
    }
}
