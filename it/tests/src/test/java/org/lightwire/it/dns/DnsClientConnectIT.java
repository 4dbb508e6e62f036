package org.lightwire.it.dns;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue acceptance 3: a client connection to a name resolves through async-dns while the
 * resolver is in the registry, and through core's JDK fallback once it is removed at run
 * time — core asks the registry for the current resolver on every lookup. dnsmasq maps
 * the name to 127.0.0.1, the JDK's hosts file (the only source the child JVM's JDK
 * resolver has) to 127.0.0.2, so the address the connection reached shows who resolved.
 * The resolver's settings come from the {@code async-dns-*} keys of a config file: the
 * nameserver, and with a silent nameserver the timeout, retries and IPv6 switch, show in
 * the failure and in the queries that arrive.
 */
class DnsClientConnectIT {

    @TempDir
    Path tmp;

    private Dnsmasq dnsmasq;

    @AfterEach
    void stop() throws Exception {
        if (dnsmasq != null) {
            dnsmasq.close();
        }
    }

    /** Runs {@link ClientConnectScenario} with a config whose global section holds {@code globalMembers}. */
    private String runScenario(String globalMembers) throws Exception {
        Path hosts = Files.writeString(tmp.resolve("jdk-hosts"), "127.0.0.2 svc.lw.test\n127.0.0.1 localhost\n");
        Path config = Files.writeString(tmp.resolve("dns-config"), "{\"global\": {" + globalMembers + "}}\n");
        int port;
        try (ServerSocket probe = new ServerSocket(0)) {
            port = probe.getLocalPort();
        }
        Path out = tmp.resolve("scenario.out");
        Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Djdk.net.hosts.file=" + hosts, "-cp", System.getProperty("java.class.path"),
                ClientConnectScenario.class.getName(), config.toString(), "svc.lw.test", String.valueOf(port))
                .redirectErrorStream(true).redirectOutput(out.toFile()).start();
        if (!p.waitFor(90, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("scenario still running after 90 s:\n" + Files.readString(out));
        }
        String output = Files.readString(out, StandardCharsets.UTF_8);
        assertEquals(0, p.exitValue(), output);
        return output;
    }

    private static List<String> results(String output) {
        return output.lines().filter(l -> l.startsWith("connect ")).toList();
    }

    @Test
    void connectsResolveThroughAsyncDnsAndFallBackToTheJdkWhenItLeaves() throws Exception {
        dnsmasq = Dnsmasq.start(tmp.resolve("dnsmasq"), Dnsmasq.Mode.AUTHORITATIVE);
        String output = runScenario("\"async-dns-nameserver\": \"" + dnsmasq.addressText() + "\"");

        assertEquals(List.of("connect 1: 127.0.0.1", "connect 2: 127.0.0.2"), results(output), output);
        dnsmasq.awaitQueries(2); // A and AAAA for the first connect; none for the second
    }

    @Test
    void configuredNameserverTimeoutAndRetriesTakeEffect() throws Exception {
        // a nameserver that never answers: the lookup fails by the configured timeout and retries
        try (DatagramSocket silent = new DatagramSocket(new InetSocketAddress("127.0.0.1", 0))) {
            String ns = "127.0.0.1:" + silent.getLocalPort();
            String output = runScenario("\"async-dns-nameserver\": \"" + ns + "\", \"async-dns-timeout-ms\": \"300\","
                    + " \"async-dns-retries\": \"0\", \"async-dns-ipv6\": \"off\"");
            List<String> results = results(output);

            assertEquals(2, results.size(), output);
            assertTrue(results.get(0).startsWith("connect 1: failed: "), output);
            assertTrue(results.get(0).contains("no answer for svc.lw.test/A from " + ns
                    + " after 1 tries (no answer within 300 ms)"), output);
            assertEquals("connect 2: 127.0.0.2", results.get(1), output);
            // exactly one A query arrived: one try (retries 0), no AAAA (ipv6 off); the
            // datagram is queued in the socket already, the receive timeout only ends the count
            silent.setSoTimeout(500);
            byte[] buf = new byte[512];
            int queries = 0;
            while (true) {
                try {
                    silent.receive(new DatagramPacket(buf, buf.length));
                    queries++;
                } catch (SocketTimeoutException e) {
                    break;
                }
            }
            assertEquals(1, queries, output);
        }
    }
}
