package org.lightwire.jose;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Base64;
import java.util.Random;
import org.lightwire.jose.internal.Base64Url;
import org.junit.jupiter.api.Test;

/** Strict base64url (RFC 7515 section 2, RFC 4648 section 5): round trips and every refusal. */
class Base64UrlTest {

    @Test
    void roundTripsEveryLengthAndMatchesTheJdk() {
        Random r = new Random(7);
        for (int n = 0; n < 70; n++) {
            byte[] b = new byte[n];
            r.nextBytes(b);
            String s = Base64Url.encode(b);
            assertEquals(Base64.getUrlEncoder().withoutPadding().encodeToString(b), s);
            assertEquals(s.length(), Base64Url.encodedLength(n));
            assertArrayEquals(b, Base64Url.decode(s, "t"));
            assertArrayEquals(b, Base64Url.decode("xx" + s + "yy", 2, 2 + s.length(), "t"));
        }
    }

    @Test
    void refusesPaddingForeignCharactersImpossibleLengthsAndSetUnusedBits() {
        for (String bad : new String[] {"AA==", "AAA=", "A+/A", "AA AA", "AAAAA", "A", "AB", "AAB", "AA\u00e9A", "AA.A"}) {
            assertThrows(MalformedJoseException.class, () -> Base64Url.decode(bad, "t"), bad);
        }
        assertArrayEquals(new byte[] {0}, Base64Url.decode("AA", "t"));
        assertArrayEquals(new byte[] {0, 0}, Base64Url.decode("AAA", "t"));
        assertArrayEquals(new byte[0], Base64Url.decode("", "t"));
    }
}
