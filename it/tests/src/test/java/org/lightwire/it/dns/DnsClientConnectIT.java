package org.lightwire.it.dns;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.ServerSocket;
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

    @Test
    void connectsResolveThroughAsyncDnsAndFallBackToTheJdkWhenItLeaves() throws Exception {
        dnsmasq = Dnsmasq.start(tmp.resolve("dnsmasq"), Dnsmasq.Mode.AUTHORITATIVE);
        Path hosts = Files.writeString(tmp.resolve("jdk-hosts"), "127.0.0.2 svc.lw.test\n127.0.0.1 localhost\n");
        int port;
        try (ServerSocket probe = new ServerSocket(0)) {
            port = probe.getLocalPort();
        }
        Path out = tmp.resolve("scenario.out");
        Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Djdk.net.hosts.file=" + hosts, "-cp", System.getProperty("java.class.path"),
                ClientConnectScenario.class.getName(), dnsmasq.addressText(), "svc.lw.test", String.valueOf(port))
                .redirectErrorStream(true).redirectOutput(out.toFile()).start();
        if (!p.waitFor(90, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("scenario still running after 90 s:\n" + Files.readString(out));
        }
        String output = Files.readString(out, StandardCharsets.UTF_8);
        List<String> results = output.lines().filter(l -> l.startsWith("connect ")).toList();

        assertEquals(0, p.exitValue(), output);
        assertEquals(List.of("connect 1: 127.0.0.1", "connect 2: 127.0.0.2"), results, output);
        dnsmasq.awaitQueries(2); // A and AAAA for the first connect; none for the second
    }
}
