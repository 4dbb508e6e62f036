package org.lightwire.dns.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import org.junit.jupiter.api.Test;
import org.lightwire.dns.AddressPreference;

/** The resolve command's options and output format; its runs against dnsmasq are in it/. */
class ResolveToolTest {

    @Test
    void ipv6AddressesPrintInTheirShortForm() throws Exception {
        assertEquals("::1", ResolveTool.text(InetAddress.getByName("::1")));
        assertEquals("::", ResolveTool.text(InetAddress.getByName("::")));
        assertEquals("2001:db8::1", ResolveTool.text(InetAddress.getByName("2001:db8:0:0:0:0:0:1")));
        assertEquals("2001:db8:0:1::1", ResolveTool.text(InetAddress.getByName("2001:db8:0:1:0:0:0:1")));
        assertEquals("1:0:1:0:1:0:1:0", ResolveTool.text(InetAddress.getByName("1:0:1:0:1:0:1:0")));
        assertEquals("fe80::", ResolveTool.text(InetAddress.getByName("fe80::")));
        assertEquals("192.0.2.1", ResolveTool.text(InetAddress.getByName("192.0.2.1")));
    }

    @Test
    void optionsParse() throws Exception {
        ResolveOptions o = ResolveOptions.parse("a.test", "--nameserver", "127.0.0.1:5353", "--ipv6", "--repeat", "3",
                "b.test", "--timeout-ms", "500");
        assertEquals(java.util.List.of("a.test", "b.test"), o.names());
        assertEquals(5353, o.nameserver().orElseThrow().getPort());
        assertEquals(AddressPreference.IPV6_ONLY, o.preference().orElseThrow());
        assertEquals(3, o.repeat());
        assertEquals(500, o.timeoutMillis().orElseThrow());
    }

    @Test
    void badUsageIsOneLineAndStatusTwo() {
        for (String[] args : new String[][] {{}, {"--ipv4", "--ipv6", "x"}, {"x", "--repeat", "0"}, {"x", "--repeat"},
                {"x", "--nameserver", "dns.example"}, {"x", "--frobnicate"}, {"x", "--timeout-ms", "soon"}}) {
            assertThrows(ResolveOptions.UsageError.class, () -> ResolveOptions.parse(args), String.join(" ", args));
            StringWriter err = new StringWriter();
            int status = new ResolveTool().run(new PrintWriter(new StringWriter()), new PrintWriter(err), args);
            assertEquals(2, status, String.join(" ", args));
            assertEquals(1, err.toString().lines().count(), err.toString());
            assertTrue(err.toString().startsWith("lightwire: resolve: "), err.toString());
        }
    }

    @Test
    void helpGoesToStdoutWithStatusZero() {
        StringWriter out = new StringWriter();
        assertEquals(0, new ResolveTool().run(new PrintWriter(out), new PrintWriter(new StringWriter()), "--help"));
        assertTrue(out.toString().startsWith("usage: lightwire resolve NAME..."), out.toString());
    }
}
