package org.lightwire.it.dns;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code lightwire resolve} from the assembled distribution against a real dnsmasq (like
 * lws' api-test-async-dns): addresses one per line IPv4 first, TTL, cache source; exit 1
 * with one line on NXDOMAIN or timeout; exit 2 on bad usage.
 */
class DnsResolveCommandIT {

    private static final Path DIST = Path.of(System.getProperty("lightwire.dist", "../../launcher/target/lightwire"));

    @TempDir
    Path tmp;

    private Dnsmasq dnsmasq;

    /** One run of the command: status, stdout, stderr. */
    record Run(int status, List<String> out, List<String> err) {
    }

    @AfterEach
    void stop() throws Exception {
        if (dnsmasq != null) {
            dnsmasq.close();
        }
    }

    private Run resolve(String... args) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-p", DIST.resolve("lib").toString(), "--add-modules", "ALL-MODULE-PATH",
                "-m", "org.lightwire.launcher/org.lightwire.launcher.Main", "resolve"));
        cmd.addAll(List.of(args));
        Path out = tmp.resolve("out");
        Path err = tmp.resolve("err");
        Process p = new ProcessBuilder(cmd).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        if (!p.waitFor(60, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("lightwire resolve " + String.join(" ", args) + " still running after 60 s");
        }
        return new Run(p.exitValue(), Files.readAllLines(out, StandardCharsets.UTF_8),
                Files.readAllLines(err, StandardCharsets.UTF_8));
    }

    @Test
    void printsAddressesIpv4FirstWithTtlAndCacheSource() throws Exception {
        dnsmasq = Dnsmasq.start(tmp.resolve("dnsmasq"), Dnsmasq.Mode.AUTHORITATIVE);
        Run r = resolve("v6.lw.test", "c2.lw.test", "--nameserver", dnsmasq.addressText(), "--repeat", "2");

        assertEquals(0, r.status(), r.toString());
        assertEquals(List.of(
                "v6.lw.test 127.0.0.11 ttl=2 source=nameserver",
                "v6.lw.test ::11 ttl=2 source=nameserver",
                "c2.lw.test 127.0.0.10 ttl=2 source=nameserver",
                "v6.lw.test 127.0.0.11 ttl=2 source=cache",
                "v6.lw.test ::11 ttl=2 source=cache",
                "c2.lw.test 127.0.0.10 ttl=2 source=cache"), r.out());
        assertEquals(List.of(), r.err());
    }

    @Test
    void familyOptionsChooseAndOrder() throws Exception {
        dnsmasq = Dnsmasq.start(tmp.resolve("dnsmasq"), Dnsmasq.Mode.AUTHORITATIVE);
        assertEquals(List.of("v6.lw.test ::11 ttl=2 source=nameserver", "v6.lw.test 127.0.0.11 ttl=2 source=nameserver"),
                resolve("v6.lw.test", "--nameserver", dnsmasq.addressText(), "--ipv6-first").out());
        assertEquals(List.of("v6.lw.test 127.0.0.11 ttl=2 source=nameserver"),
                resolve("v6.lw.test", "--nameserver", dnsmasq.addressText(), "--ipv4").out());
        assertEquals(List.of("v6.lw.test ::11 ttl=2 source=nameserver"),
                resolve("v6.lw.test", "--nameserver", dnsmasq.addressText(), "--ipv6").out());
    }

    @Test
    void nxdomainExitsOneWithOneLine() throws Exception {
        dnsmasq = Dnsmasq.start(tmp.resolve("dnsmasq"), Dnsmasq.Mode.AUTHORITATIVE);
        Run r = resolve("nx.lw.test", "--nameserver", dnsmasq.addressText());
        assertEquals(1, r.status(), r.toString());
        assertEquals(List.of(), r.out());
        assertEquals(1, r.err().size(), r.toString());
        assertTrue(r.err().get(0).startsWith("lightwire: resolve: nx.lw.test: NXDOMAIN"), r.err().get(0));
    }

    @Test
    void aSilentNameserverTimesOutWithOneLine() throws Exception {
        // a UDP port with nothing behind it on loopback: the queries go unanswered
        Run r = resolve("web.lw.test", "--nameserver", "127.0.0.1:" + unusedUdpPort(), "--timeout-ms", "200");
        assertEquals(1, r.status(), r.toString());
        assertEquals(1, r.err().size(), r.toString());
        assertTrue(r.err().get(0).contains("TIMEOUT"), r.err().get(0));
    }

    @Test
    void localhostNeedsNoNameserver() throws Exception {
        Run r = resolve("localhost", "--nameserver", "127.0.0.1:" + unusedUdpPort(), "--ipv4");
        assertEquals(0, r.status(), r.toString());
        assertEquals(List.of("localhost 127.0.0.1 ttl=0 source=local"), r.out());
    }

    @Test
    void badUsageExitsTwoAndHelpExitsZero() throws Exception {
        for (String[] args : new String[][] {{}, {"x", "--ipv4", "--ipv6"}, {"x", "--nameserver", "dns.example"},
                {"x", "--repeat", "none"}, {"x", "--no-such-option"}}) {
            Run r = resolve(args);
            assertEquals(2, r.status(), List.of(args) + " " + r);
            assertEquals(1, r.err().size(), r.toString());
        }
        Run help = resolve("--help");
        assertEquals(0, help.status());
        assertTrue(help.out().get(0).startsWith("usage: lightwire resolve"), help.toString());
    }

    private static int unusedUdpPort() throws IOException {
        try (java.net.DatagramSocket s = new java.net.DatagramSocket(0, java.net.InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }
}
