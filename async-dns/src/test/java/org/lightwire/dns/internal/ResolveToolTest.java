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
        assertEquals(java.util.Optional.empty(), o.retries());
        assertEquals(java.util.Optional.empty(), o.resolvConf());

        ResolveOptions more = ResolveOptions.parse("x", "--retries", "0", "--resolv-conf", "/run/rc");
        assertEquals(0, more.retries().orElseThrow());
        assertEquals(java.nio.file.Path.of("/run/rc"), more.resolvConf().orElseThrow());
        assertEquals(10, ResolveOptions.parse("x", "--retries", "10").retries().orElseThrow());
    }

    @Test
    void theResolvConfOptionIsWhereTheNameserverIsFound(@org.junit.jupiter.api.io.TempDir java.nio.file.Path tmp)
            throws Exception {
        // the file is read and must name a usable nameserver (192.0.2.1 serves nothing); a
        // literal is answered locally, so the run succeeds without sending a query
        java.nio.file.Path rc = java.nio.file.Files.writeString(tmp.resolve("rc"), "nameserver 192.0.2.1\n");
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int status = new ResolveTool().run(new PrintWriter(out), new PrintWriter(err), "192.0.2.7", "--resolv-conf",
                rc.toString(), "--retries", "0");
        assertEquals(0, status, err.toString());
        assertEquals("192.0.2.7 192.0.2.7 ttl=0 source=local", out.toString().strip());
    }

    @Test
    void badUsageIsOneLineAndStatusTwo() {
        for (String[] args : new String[][] {{}, {"--ipv4", "--ipv6", "x"}, {"x", "--repeat", "0"}, {"x", "--repeat"},
                {"x", "--nameserver", "dns.example"}, {"x", "--frobnicate"}, {"x", "--timeout-ms", "soon"},
                {"x", "--retries", "-1"}, {"x", "--retries", "11"}, {"x", "--retries"}, {"x", "--resolv-conf"}}) {
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
