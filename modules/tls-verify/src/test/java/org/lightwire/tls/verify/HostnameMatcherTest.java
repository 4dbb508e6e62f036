package org.lightwire.tls.verify;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Collection;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * RFC 6125 / RFC 2818 host name matching against hostile names, as {@link HostnameMatcher}
 * applies it; the cases of both backends' former copies, each kept.
 */
class HostnameMatcherTest {

    private static List<?> dns(String name) {
        return List.of(2, name);
    }

    private static List<?> ip(String address) {
        return List.of(7, address);
    }

    private static Collection<List<?>> names(List<?>... n) {
        return List.of(n);
    }

    /** An iPAddress entry of these octets, written as X509Certificate#getSubjectAlternativeNames writes it. */
    private static List<?> ip(int... octets) {
        StringBuilder b = new StringBuilder();
        if (octets.length == 4) {
            for (int o : octets) {
                b.append(b.length() == 0 ? "" : ".").append(o);
            }
        } else {
            for (int i = 0; i < octets.length; i += 2) {
                b.append(i == 0 ? "" : ":").append(Integer.toHexString(octets[i] << 8 | octets[i + 1]));
            }
        }
        return ip(b.toString());
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

    @Test
    void exactNamesIgnoreCaseAndOneTrailingDot() {
        assertTrue(HostnameMatcher.matches(names(dns("www.example.com")), "WWW.EXAMPLE.com"));
        assertTrue(HostnameMatcher.matches(names(dns("www.example.com.")), "www.example.com"));
        assertTrue(HostnameMatcher.matches(names(dns("www.example.com")), "www.example.com."));
        assertFalse(HostnameMatcher.matches(names(dns("www.example.com")), "www.example.com.."));
        assertFalse(HostnameMatcher.matches(names(dns("example.com")), "www.example.com"));
    }

    @Test
    void wildcardIsOneWholeLeftmostLabel() {
        Collection<List<?>> w = names(dns("*.example.com"));
        assertTrue(HostnameMatcher.matches(w, "a.example.com"));
        assertFalse(HostnameMatcher.matches(w, "example.com"));
        assertFalse(HostnameMatcher.matches(w, ".example.com"));
        assertFalse(HostnameMatcher.matches(w, "a.b.example.com"));
        assertFalse(HostnameMatcher.matches(names(dns("f*.example.com")), "foo.example.com"), "partial wildcards are not honoured");
        assertFalse(HostnameMatcher.matches(names(dns("www.*.com")), "www.example.com"));
        assertFalse(HostnameMatcher.matches(names(dns("*.com")), "example.com"), "wildcard right above a top-level label");
        assertFalse(HostnameMatcher.matches(names(dns("*")), "localhost"));
        assertFalse(HostnameMatcher.matches(names(dns("*.*.example.com")), "a.b.example.com"));
    }

    @Test
    void ipLiteralsMatchOnlyAddressEntries() {
        Collection<List<?>> n = names(dns("127.0.0.1"), ip(127, 0, 0, 2), ip(0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1));
        assertFalse(HostnameMatcher.matches(n, "127.0.0.1"), "a dNSName holding an address does not count");
        assertTrue(HostnameMatcher.matches(n, "127.0.0.2"));
        assertTrue(HostnameMatcher.matches(n, "::1"));
        assertTrue(HostnameMatcher.matches(n, "[0:0:0:0:0:0:0:1]"));
        assertFalse(HostnameMatcher.matches(n, "127.0.0.3"));
    }

    @Test
    void emptyLabelsNeverMatchInAnEntry() {
        assertFalse(HostnameMatcher.matches(names(dns("*.example.com")), "www..example.com"));
        assertFalse(HostnameMatcher.matches(names(dns("www..example.com")), "www..example.com"), "not a host name, even spelled alike");
        assertFalse(HostnameMatcher.matches(names(dns("*..example.com")), "a.example.com"));
        assertFalse(HostnameMatcher.matches(names(dns(".example.com")), "example.com"));
        assertFalse(HostnameMatcher.matches(names(dns(".")), "."));
    }

    @Test
    void aWildcardEntryNeverSpansLabels() {
        assertFalse(HostnameMatcher.matches(names(dns("*.com")), "evil.com.example.com"));
        assertFalse(HostnameMatcher.matches(names(dns("*.example.com")), "a.b.example.com"));
        assertFalse(HostnameMatcher.matches(names(dns("*w.example.com")), "www.example.com"));
        assertTrue(HostnameMatcher.matches(names(dns("*.EXAMPLE.com")), "A.Example.Com."));
    }

    @Test
    void internationalisedHostsCompareAsALabelsWithEntries() {
        assertTrue(HostnameMatcher.matches(names(dns("xn--bcher-kva.example")), "bücher.example"));
        assertTrue(HostnameMatcher.matches(names(dns("xn--bcher-kva.example")), "BÜCHER.example"));
        assertTrue(HostnameMatcher.matches(names(dns("*.example.com")), "bücher.example.com"));
        assertFalse(HostnameMatcher.matches(names(dns("xn--bcher-kva.example")), "bucher.example"));
        assertFalse(HostnameMatcher.matches(names(dns("xn--*.example")), "xn--bcher-kva.example"), "no partial wildcard into an A-label");
    }

    @Test
    void addressLookalikesAreNotNames() {
        assertFalse(HostnameMatcher.matches(names(dns("127.1")), "127.1"), "an all-digit last label is no host name");
        assertFalse(HostnameMatcher.matches(names(dns("*.0.0.1")), "127.0.0.1"));
        assertFalse(HostnameMatcher.matches(names(ip(127, 0, 0, 1)), "localhost"));
        assertFalse(HostnameMatcher.matches(names(ip(127, 0, 0, 1)), "::ffff:127.0.0.1"), "an IPv4-mapped IPv6 address is another address");
        assertTrue(HostnameMatcher.matches(names(ip(0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0xff, 0xff, 127, 0, 0, 1)), "::ffff:127.0.0.1"));
    }

    @Test
    void nothingMatchesNothing() {
        assertFalse(HostnameMatcher.matches(null, "a"));
        assertFalse(HostnameMatcher.matches(names(dns("a")), ""));
        assertFalse(HostnameMatcher.matches(names(dns("")), "a"));
    }
}
