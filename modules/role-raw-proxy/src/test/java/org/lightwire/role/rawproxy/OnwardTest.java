package org.lightwire.role.rawproxy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.assertFalse;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** The "onward" option: lws' forms, our ipv6 port form, and everything else refused with the reason. */
class OnwardTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "ipv4:127.0.0.1:22|ipv4|127.0.0.1|22",
        "ipv4:127.0.0.1|ipv4|127.0.0.1|22",
        "ipv4:10.0.0.255:65535|ipv4|10.0.0.255|65535",
        "ipv4:localhost:2222|ipv4|localhost|2222",
        "ipv4:git.example-host.org:1|ipv4|git.example-host.org|1",
        "ipv4:example.org.:80|ipv4|example.org.|80",
        "ipv6:::1|ipv6|::1|22",
        "ipv6:[::1]:2200|ipv6|::1|2200",
        "ipv6:[fe80::1:2]|ipv6|fe80::1:2|22",
        "ipv6:::ffff:127.0.0.1|ipv6|::ffff:127.0.0.1|22",
        "'  ipv4:127.0.0.1:22  '|ipv4|127.0.0.1|22",
    })
    void acceptedForms(String value, String family, String host, int port) {
        Onward o = Onward.parse("v", value);
        assertEquals(new Onward(family, host, port), o);
    }

    @Test
    void printsInLwsSpelling() {
        assertEquals("ipv4:127.0.0.1:22", Onward.parse("v", "ipv4:127.0.0.1").toString());
        assertEquals("ipv6:[::1]:22", Onward.parse("v", "ipv6:::1").toString());
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "", "   ", "127.0.0.1:22", "tcp:127.0.0.1:22", "IPV4:127.0.0.1", "ipv4:", "ipv4::22",
        "ipv4:127.0.0.1:", "ipv4:127.0.0.1:0", "ipv4:127.0.0.1:65536", "ipv4:127.0.0.1:-1",
        "ipv4:127.0.0.1:+22", "ipv4:127.0.0.1:22x", "ipv4:127.0.0.1:0000022", "ipv4:127.0.0.1:22:33",
        "ipv4:256.1.1.1", "ipv4:1.2.3", "ipv4:1.2.3.4.5", "ipv4:01.2.3.4", "ipv4:1..3.4",
        "ipv4:bad_host", "ipv4:-lead.example", "ipv4:trail-.example", "ipv4:a..b", "ipv4:.",
        "ipv4:host name", "ipv4:h\u00f6st", "ipv4:host\u0000evil", "ipv4:[::1]:22",
        "ipv6:", "ipv6:127.0.0.1", "ipv6:localhost", "ipv6:[::1", "ipv6:[::1]x", "ipv6:[::1]:",
        "ipv6:[::1]:99999", "ipv6:[]:22", "ipv6:1:2", "ipv6:::1%eth0", "ipv6:::1:::", "ipv6:gggg::1",
    })
    void malformedValuesAreRefusedNamingVhostAndOption(String value) {
        OnwardFormatException e = assertThrows(OnwardFormatException.class, () -> Onward.parse("ssh-vhost", value));
        assertTrue(e.getMessage().startsWith("vhost 'ssh-vhost': protocol 'raw-proxy' option 'onward' = '"), e.getMessage());
    }

    @Test
    void oversizedNamesAreRefused() {
        String label = "a".repeat(63);
        String name = String.join(".", label, label, label, label); // 255 characters
        assertThrows(OnwardFormatException.class, () -> Onward.parse("v", "ipv4:" + name));
        assertThrows(OnwardFormatException.class, () -> Onward.parse("v", "ipv4:" + "a".repeat(64) + ".org"));
        assertEquals(253, Onward.parse("v", "ipv4:" + name.substring(0, 253).replaceAll("\\.$", "a")).host().length());
    }

    @Test
    void hostileValuesAreEscapedAndCutInTheMessage() {
        String value = "ipv4:\u001b[31mred\n" + "x".repeat(5000);
        OnwardFormatException e = assertThrows(OnwardFormatException.class, () -> Onward.parse("v", value));
        assertFalse(e.getMessage().contains("\n"));
        assertFalse(e.getMessage().contains("\u001b"));
        assertTrue(e.getMessage().contains("\\x1b[31mred\\x0a"));
        assertTrue(e.getMessage().length() < 700, "message length " + e.getMessage().length());
    }
}
