package org.lightwire.crypto.jca;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Collection;
import java.util.List;
import org.junit.jupiter.api.Test;

/** RFC 6125 / RFC 2818 host name matching against hostile names, as {@link HostnameMatcher} applies it. */
class HostnameMatcherTest {

    private static List<?> dns(String name) {
        return List.of(2, name);
    }

    private static List<?> ip(String address) {
        return List.of(7, address);
    }

    private static boolean matches(String host, List<?>... sans) {
        Collection<List<?>> names = List.of(sans);
        return HostnameMatcher.matches(names, host);
    }

    @Test
    void emptyLabelsNeverMatch() {
        assertFalse(matches("www..example.com", dns("*.example.com")));
        assertFalse(matches("www..example.com", dns("www..example.com")), "not a host name, even spelled alike");
        assertFalse(matches(".example.com", dns("*.example.com")));
        assertFalse(matches("a.example.com", dns("*..example.com")));
        assertFalse(matches("example.com", dns(".example.com")));
        assertFalse(matches("", dns("")));
        assertFalse(matches(".", dns(".")));
        assertFalse(matches("example.com..", dns("example.com")), "only one trailing dot is the root");
    }

    @Test
    void aWildcardIsOnlyTheWholeLeftmostLabel() {
        assertTrue(matches("a.example.com", dns("*.example.com")));
        assertFalse(matches("www.example.com", dns("www.*.com")), "wildcard in a non-leftmost label");
        assertFalse(matches("www.example.com", dns("w*.example.com")), "partial label");
        assertFalse(matches("www.example.com", dns("*w.example.com")), "partial label");
        assertFalse(matches("a.b.example.com", dns("*.*.example.com")));
        assertFalse(matches("localhost", dns("*")));
        assertFalse(matches("example.com", dns("*.com")), "directly above a top-level label");
        assertFalse(matches("example.com", dns("*.example.com")), "the wildcard stands for one label, not none");
    }

    @Test
    void aWildcardNeverSpansLabels() {
        assertFalse(matches("a.b.example.com", dns("*.example.com")));
        assertFalse(matches("evil.com.example.com", dns("*.com")));
        assertFalse(matches("a.b.example.com", dns("*.b.example.com.evil")));
    }

    @Test
    void caseAndOneTrailingDotAreIgnored() {
        assertTrue(matches("WWW.Example.COM", dns("www.example.com")));
        assertTrue(matches("www.example.com", dns("WWW.EXAMPLE.COM")));
        assertTrue(matches("www.example.com.", dns("www.example.com")));
        assertTrue(matches("www.example.com", dns("www.example.com.")));
        assertTrue(matches("A.Example.Com.", dns("*.EXAMPLE.com")));
    }

    @Test
    void internationalisedNamesCompareAsALabels() {
        assertTrue(matches("bücher.example", dns("xn--bcher-kva.example")));
        assertTrue(matches("BÜCHER.example", dns("xn--bcher-kva.example")));
        assertTrue(matches("bücher.example.com", dns("*.example.com")));
        assertFalse(matches("bücher.example", dns("bücher.example")), "a certificate's dNSName is ASCII only");
        assertFalse(matches("bucher.example", dns("xn--bcher-kva.example")));
        assertFalse(matches("xn--bcher-kva.example", dns("xn--*.example")), "no partial wildcard into an A-label");
    }

    @Test
    void addressesAndNamesNeverStandInForEachOther() {
        assertFalse(matches("127.0.0.1", dns("127.0.0.1")), "an address in a dNSName does not name it");
        assertFalse(matches("127.0.0.1", dns("*.0.0.1")));
        assertFalse(matches("localhost", ip("127.0.0.1")));
        assertTrue(matches("127.0.0.1", ip("127.0.0.1")));
        assertFalse(matches("127.0.0.2", ip("127.0.0.1")));
        assertTrue(matches("::1", ip("0:0:0:0:0:0:0:1")));
        assertTrue(matches("[::1]", ip("0:0:0:0:0:0:0:1")));
        assertFalse(matches("::2", ip("0:0:0:0:0:0:0:1")));
        assertFalse(matches("127.1", dns("127.1")), "an all-digit last label is no host name");
        assertFalse(matches("256.0.0.1", dns("256.0.0.1")));
        assertFalse(matches("256.0.0.1", ip("0.0.0.1")));
        assertFalse(matches("::ffff:127.0.0.1", ip("127.0.0.1")), "an IPv4-mapped IPv6 address is another address");
        assertTrue(matches("::ffff:127.0.0.1", ip("0:0:0:0:0:ffff:7f00:1")));
    }
}
