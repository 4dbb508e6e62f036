package org.lightwire.dns.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lightwire.api.ContextSettings;
import org.lightwire.dns.AddressPreference;
import org.lightwire.dns.DnsConfigException;
import org.lightwire.dns.DnsSettings;

/** Nameserver discovery and overrides, names, literals: every bad value named in its error. */
class SettingsParsingTest {

    @Test
    void nameserverAddressesWithAndWithoutPorts() {
        assertEquals(new InetSocketAddress("127.0.0.1", 53), NameserverAddress.parse("127.0.0.1", "k"));
        assertEquals(new InetSocketAddress("127.0.0.1", 5353), NameserverAddress.parse("127.0.0.1:5353", "k"));
        assertEquals(new InetSocketAddress("::1", 53), NameserverAddress.parse("::1", "k"));
        assertEquals(new InetSocketAddress("::1", 5353), NameserverAddress.parse("[::1]:5353", "k"));
        assertEquals("[0:0:0:0:0:0:0:1]:5353", NameserverAddress.format(NameserverAddress.parse("[::1]:5353", "k")));
    }

    @Test
    void badNameserverAddressesNameTheirSource() {
        for (String bad : new String[] {"dns.example", "127.0.0.1:0", "127.0.0.1:65536", "127.0.0.1:x", "[::1", "[::1]x",
                "1.2.3", "256.1.1.1", ""}) {
            DnsConfigException e = assertThrows(DnsConfigException.class, () -> NameserverAddress.parse(bad, "--nameserver"),
                    bad);
            assertTrue(e.getMessage().startsWith("--nameserver: '" + bad + "'"), e.getMessage());
        }
    }

    @Test
    void resolvConfGivesTheFirstUsableNameserver() {
        List<String> conf = List.of("# comment", "; other comment", "search example.org", "options ndots:2",
                "nameserver not-an-ip", "nameserver 192.0.2.53", "nameserver 192.0.2.54");
        assertEquals(Optional.of(new InetSocketAddress("192.0.2.53", 53)), ResolvConf.firstNameserver(conf, "rc"));
        assertEquals(Optional.of(new InetSocketAddress("fe80::1", 53)),
                ResolvConf.firstNameserver(List.of("nameserver fe80::1%eth0"), "rc"));
        assertEquals(Optional.empty(), ResolvConf.firstNameserver(List.of("search x"), "rc"));
    }

    @Test
    void contextKeysOverrideDiscoveryAndDefaultsApply(@TempDir Path tmp) throws Exception {
        Path rc = Files.writeString(tmp.resolve("resolv.conf"), "nameserver 192.0.2.10\n");
        ContextSettings.Builder c = ContextSettings.builder().asyncDnsResolvConf(rc);
        DnsSettings discovered = DnsSettings.fromContext(c.build());
        assertEquals(new InetSocketAddress("192.0.2.10", 53), discovered.nameserver());
        assertEquals(2000, discovered.timeoutMillis());
        assertEquals(2, discovered.retryPolicy().concealCount());
        assertEquals(512, discovered.cacheEntries());
        assertEquals(86_400, discovered.maxTtlSeconds());
        assertEquals(64, discovered.maxInFlight());
        assertTrue(discovered.ipv6());
        assertEquals(AddressPreference.IPV4_FIRST, discovered.defaultPreference());

        c.asyncDnsNameserver("127.0.0.1:5353").asyncDnsIpv6(false).asyncDnsTimeoutMs(300).asyncDnsRetries(0)
                .asyncDnsCacheEntries(10).asyncDnsMaxTtlSecs(30).asyncDnsMaxInFlight(3);
        DnsSettings overridden = DnsSettings.fromContext(c.build());
        assertEquals(new InetSocketAddress("127.0.0.1", 5353), overridden.nameserver());
        assertFalse(overridden.ipv6());
        assertEquals(AddressPreference.IPV4_ONLY, overridden.defaultPreference());
        assertEquals(300, overridden.timeoutMillis());
        assertEquals(0, overridden.retryPolicy().concealCount());
        assertEquals(300, overridden.worstCaseMillis());
        assertEquals(10, overridden.cacheEntries());
        assertEquals(30, overridden.maxTtlSeconds());
        assertEquals(3, overridden.maxInFlight());
    }

    @Test
    void missingResolvConfFallsBackToLoopback(@TempDir Path tmp) {
        ContextSettings c = ContextSettings.builder().asyncDnsResolvConf(tmp.resolve("absent")).build();
        assertEquals(new InetSocketAddress("127.0.0.1", 53), DnsSettings.fromContext(c).nameserver());
    }

    @Test
    void aNameserverTheResolverCannotUseNamesTheKey() {
        // port 0 passes the config's syntax check but is no server to send to
        ContextSettings c = ContextSettings.builder().asyncDnsNameserver("127.0.0.1:0").build();
        DnsConfigException e = assertThrows(DnsConfigException.class, () -> DnsSettings.fromContext(c));
        assertTrue(e.getMessage().startsWith("async-dns-nameserver: '127.0.0.1:0'"), e.getMessage());
    }

    @Test
    void namesAreNormalisedAndBadOnesRefused() throws Exception {
        assertEquals("www.example.org", DnsName.normalize("WWW.Example.ORG."));
        assertEquals("_sip._udp.example", DnsName.normalize("_sip._udp.example"));
        for (String bad : new String[] {"", ".", "a..b", "a b", "ex\u00e4mple.org", "a".repeat(64) + ".org",
                ("a".repeat(63) + ".").repeat(4) + "org", "semi;colon"}) {
            assertThrows(InvalidNameException.class, () -> DnsName.normalize(bad), bad);
        }
        assertTrue(DnsName.isLocalhost("localhost"));
        assertTrue(DnsName.isLocalhost("app.localhost"));
        assertFalse(DnsName.isLocalhost("localhost.example"));
    }

    @Test
    void literalsAreRecognisedWithoutLookup() {
        assertEquals("192.0.2.1", IpLiteral.parse("192.0.2.1").getHostAddress());
        assertEquals("0:0:0:0:0:0:0:1", IpLiteral.parse("::1").getHostAddress());
        assertEquals("0:0:0:0:0:0:0:1", IpLiteral.parse("[::1]").getHostAddress());
        for (String notLiteral : new String[] {"example.org", "1.2.3", "1.2.3.4.5", "300.1.1.1", "1..2.3", "cafe", "::g"}) {
            assertNull(IpLiteral.parse(notLiteral), notLiteral);
        }
    }
}
