package org.lightwire.crypto.bc;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.bouncycastle.asn1.DEROctetString;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.junit.jupiter.api.Test;

/** RFC 6125 matching as {@link HostnameRule} applies it. */
class HostnameRuleTest {

    private static GeneralNames names(GeneralName... n) {
        return new GeneralNames(n);
    }

    private static GeneralName dns(String s) {
        return new GeneralName(GeneralName.dNSName, s);
    }

    private static GeneralName ip(int... octets) {
        byte[] b = new byte[octets.length];
        for (int i = 0; i < b.length; i++) {
            b[i] = (byte) octets[i];
        }
        return new GeneralName(GeneralName.iPAddress, new DEROctetString(b));
    }

    @Test
    void exactNamesIgnoreCaseAndOneTrailingDot() {
        assertTrue(HostnameRule.matches(names(dns("www.example.com")), "WWW.EXAMPLE.com"));
        assertTrue(HostnameRule.matches(names(dns("www.example.com.")), "www.example.com"));
        assertTrue(HostnameRule.matches(names(dns("www.example.com")), "www.example.com."));
        assertFalse(HostnameRule.matches(names(dns("www.example.com")), "www.example.com.."));
        assertFalse(HostnameRule.matches(names(dns("example.com")), "www.example.com"));
    }

    @Test
    void wildcardIsOneWholeLeftmostLabel() {
        GeneralNames w = names(dns("*.example.com"));
        assertTrue(HostnameRule.matches(w, "a.example.com"));
        assertFalse(HostnameRule.matches(w, "example.com"));
        assertFalse(HostnameRule.matches(w, ".example.com"));
        assertFalse(HostnameRule.matches(w, "a.b.example.com"));
        assertFalse(HostnameRule.matches(names(dns("f*.example.com")), "foo.example.com"), "partial wildcards are not honoured");
        assertFalse(HostnameRule.matches(names(dns("www.*.com")), "www.example.com"));
        assertFalse(HostnameRule.matches(names(dns("*.com")), "example.com"), "wildcard right above a top-level label");
        assertFalse(HostnameRule.matches(names(dns("*")), "localhost"));
        assertFalse(HostnameRule.matches(names(dns("*.*.example.com")), "a.b.example.com"));
    }

    @Test
    void ipLiteralsMatchOnlyAddressEntries() {
        GeneralNames n = names(dns("127.0.0.1"), ip(127, 0, 0, 2), ip(0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1));
        assertFalse(HostnameRule.matches(n, "127.0.0.1"), "a dNSName holding an address does not count");
        assertTrue(HostnameRule.matches(n, "127.0.0.2"));
        assertTrue(HostnameRule.matches(n, "::1"));
        assertTrue(HostnameRule.matches(n, "[0:0:0:0:0:0:0:1]"));
        assertFalse(HostnameRule.matches(n, "127.0.0.3"));
    }

    @Test
    void emptyLabelsNeverMatch() {
        assertFalse(HostnameRule.matches(names(dns("*.example.com")), "www..example.com"));
        assertFalse(HostnameRule.matches(names(dns("www..example.com")), "www..example.com"), "not a host name, even spelled alike");
        assertFalse(HostnameRule.matches(names(dns("*..example.com")), "a.example.com"));
        assertFalse(HostnameRule.matches(names(dns(".example.com")), "example.com"));
        assertFalse(HostnameRule.matches(names(dns(".")), "."));
    }

    @Test
    void aWildcardNeverSpansLabels() {
        assertFalse(HostnameRule.matches(names(dns("*.com")), "evil.com.example.com"));
        assertFalse(HostnameRule.matches(names(dns("*.example.com")), "a.b.example.com"));
        assertFalse(HostnameRule.matches(names(dns("*w.example.com")), "www.example.com"));
        assertTrue(HostnameRule.matches(names(dns("*.EXAMPLE.com")), "A.Example.Com."));
    }

    @Test
    void internationalisedNamesCompareAsALabels() {
        assertTrue(HostnameRule.matches(names(dns("xn--bcher-kva.example")), "bücher.example"));
        assertTrue(HostnameRule.matches(names(dns("xn--bcher-kva.example")), "BÜCHER.example"));
        assertTrue(HostnameRule.matches(names(dns("*.example.com")), "bücher.example.com"));
        assertFalse(HostnameRule.matches(names(dns("xn--bcher-kva.example")), "bucher.example"));
        assertFalse(HostnameRule.matches(names(dns("xn--*.example")), "xn--bcher-kva.example"), "no partial wildcard into an A-label");
    }

    @Test
    void addressLookalikesAreNotNames() {
        assertFalse(HostnameRule.matches(names(dns("127.1")), "127.1"), "an all-digit last label is no host name");
        assertFalse(HostnameRule.matches(names(dns("*.0.0.1")), "127.0.0.1"));
        assertFalse(HostnameRule.matches(names(ip(127, 0, 0, 1)), "localhost"));
        assertFalse(HostnameRule.matches(names(ip(127, 0, 0, 1)), "::ffff:127.0.0.1"), "an IPv4-mapped IPv6 address is another address");
        assertTrue(HostnameRule.matches(names(ip(0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0xff, 0xff, 127, 0, 0, 1)), "::ffff:127.0.0.1"));
    }

    @Test
    void nothingMatchesNothing() {
        assertFalse(HostnameRule.matches(null, "a"));
        assertFalse(HostnameRule.matches(names(dns("a")), ""));
        assertFalse(HostnameRule.matches(names(dns("")), "a"));
    }
}
