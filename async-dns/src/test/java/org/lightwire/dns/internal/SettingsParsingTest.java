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
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
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
    void propertiesOverrideDiscoveryAndDefaultsApply(@TempDir Path tmp) throws Exception {
        Path rc = Files.writeString(tmp.resolve("resolv.conf"), "nameserver 192.0.2.10\n");
        Properties p = new Properties();
        p.setProperty(DnsSettings.KEY_RESOLV_CONF, rc.toString());
        DnsSettings discovered = DnsSettings.fromProperties(p);
        assertEquals(new InetSocketAddress("192.0.2.10", 53), discovered.nameserver());
        assertEquals(2000, discovered.timeoutMillis());
        assertEquals(2, discovered.retryPolicy().concealCount());
        assertTrue(discovered.ipv6());
        assertEquals(AddressPreference.IPV4_FIRST, discovered.defaultPreference());

        p.setProperty(DnsSettings.KEY_NAMESERVER, "127.0.0.1:5353");
        p.setProperty(DnsSettings.KEY_IPV6, "false");
        p.setProperty(DnsSettings.KEY_TIMEOUT_MS, "300");
        p.setProperty(DnsSettings.KEY_RETRIES, "0");
        p.setProperty(DnsSettings.KEY_CACHE_ENTRIES, "10");
        DnsSettings overridden = DnsSettings.fromProperties(p);
        assertEquals(new InetSocketAddress("127.0.0.1", 5353), overridden.nameserver());
        assertFalse(overridden.ipv6());
        assertEquals(AddressPreference.IPV4_ONLY, overridden.defaultPreference());
        assertEquals(300, overridden.timeoutMillis());
        assertEquals(300, overridden.worstCaseMillis());
        assertEquals(10, overridden.cacheEntries());
    }

    @Test
    void missingResolvConfFallsBackToLoopback(@TempDir Path tmp) {
        Properties p = new Properties();
        p.setProperty(DnsSettings.KEY_RESOLV_CONF, tmp.resolve("absent").toString());
        assertEquals(new InetSocketAddress("127.0.0.1", 53), DnsSettings.fromProperties(p).nameserver());
    }

    @Test
    void badPropertyValuesNameTheKey() {
        for (String[] kv : new String[][] {{DnsSettings.KEY_TIMEOUT_MS, "0"}, {DnsSettings.KEY_TIMEOUT_MS, "soon"},
                {DnsSettings.KEY_RETRIES, "11"}, {DnsSettings.KEY_IPV6, "maybe"}, {DnsSettings.KEY_NAMESERVER, "dns.example"},
                {DnsSettings.KEY_CACHE_ENTRIES, "-1"}}) {
            Properties p = new Properties();
            p.setProperty(DnsSettings.KEY_NAMESERVER, "127.0.0.1");
            p.setProperty(kv[0], kv[1]);
            DnsConfigException e = assertThrows(DnsConfigException.class, () -> DnsSettings.fromProperties(p), kv[0]);
            assertTrue(e.getMessage().startsWith(kv[0] + ":"), e.getMessage());
        }
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
