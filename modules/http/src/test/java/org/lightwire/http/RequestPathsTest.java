package org.lightwire.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RequestPathsTest {

    private static String ok(String raw) {
        Optional<String> p = RequestPaths.normalize(raw);
        assertTrue(p.isPresent(), raw + " should be accepted");
        return p.get();
    }

    @Test
    void plainPathsStayAsTheyAre() {
        assertEquals("/", ok("/"));
        assertEquals("/a/b.html", ok("/a/b.html"));
        assertEquals("/dir/", ok("/dir/"));
    }

    @Test
    void decodesOnceIncludingUtf8() {
        assertEquals("/a b", ok("/a%20b"));
        assertEquals("/caf\u00e9", ok("/caf%C3%A9"));
        assertEquals("/+", ok("/+"));
    }

    @Test
    void doubleEncodedDotsAreLiteralTextNotDots() {
        assertEquals("/%2e%2e/etc/passwd", ok("/%252e%252e/etc/passwd"));
        assertEquals("/x/%2e%2e", ok("/x/%252e%252e"));
    }

    @Test
    void collapsesRepeatedSlashesAndDotSegments() {
        assertEquals("/a/b", ok("//a///b"));
        assertEquals("/a/b", ok("/a/./b"));
        assertEquals("/b", ok("/a/../b"));
        assertEquals("/a/", ok("/a/b/.."));
        assertEquals("/a/", ok("/a/."));
        assertEquals("/", ok("/a/.."));
        assertEquals("/b", ok("/a/%2e%2e/b"), "an encoded dot-dot is a dot-dot: same resource, normalised alike");
    }

    @Test
    void leadingDoubleSlashCannotBecomeAnotherHost() {
        assertEquals("/evil.example/", ok("//evil.example/"));
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "/..", "/../", "/../etc/passwd", "/a/../../etc/passwd", "/%2e%2e/etc/passwd", "/%2E%2E/", "/.%2e/",
        "/a/%2e%2e/%2e%2e/x",
        "/..%2fetc%2fpasswd", "/%2f", "/a%2Fb", "/a%2f..%2f..%2fb",
        "/..\\etc", "/a\\b", "/a%5cb", "/%5c..%5c",
        "/a%00.html", "/a\u0000b", "/%00", "/a%0d%0aX-Injected:1", "/a%09b", "/a%7f",
        "/%c0%ae%c0%ae/etc/passwd", "/%c0%afetc", "/%e0%80%ae", "/%ff", "/%c3", "/%ed%a0%80",
        "/%", "/%2", "/%zz", "/%2g",
        "etc/passwd", "", "a", "C:\\windows", "*",
        "/a b", "/caf\u00e9", "/a\tb"
    })
    void refusesHostilePaths(String raw) {
        assertEquals(Optional.empty(), RequestPaths.normalize(raw), raw);
    }

    @Test
    void refusesNull() {
        assertEquals(Optional.empty(), RequestPaths.normalize(null));
    }

    @Test
    void veryLongPathsAreHandledWithoutError() {
        String longPath = "/" + "a/".repeat(50_000) + "x.html";
        assertEquals(longPath, ok(longPath));
        String climbing = "/" + "../".repeat(50_000);
        assertEquals(Optional.empty(), RequestPaths.normalize(climbing));
    }

    @Test
    void encodeEscapesWhatIsNotAPathCharacter() {
        assertEquals("/a%20b/caf%C3%A9/%3F%23%25", RequestPaths.encode("/a b/caf\u00e9/?#%"));
        assertEquals("/a-b_c.d~e/", RequestPaths.encode("/a-b_c.d~e/"));
    }
}
