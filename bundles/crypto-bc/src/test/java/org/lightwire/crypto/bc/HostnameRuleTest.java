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
    void nothingMatchesNothing() {
        assertFalse(HostnameRule.matches(null, "a"));
        assertFalse(HostnameRule.matches(names(dns("a")), ""));
        assertFalse(HostnameRule.matches(names(dns("")), "a"));
    }
}
