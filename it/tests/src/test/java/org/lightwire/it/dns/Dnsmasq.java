package org.lightwire.it.dns;

import java.io.IOException;
import java.net.BindException;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A real dnsmasq (Debian package {@code dnsmasq}) on 127.0.0.1 at an unprivileged port,
 * serving only the test zone {@code lw.test} from files written here, logging every query
 * so tests can count the packets that reached it.
 *
 * <p>Two modes: {@link Mode#AUTHORITATIVE} answers as the zone's authority — negative
 * answers carry the SOA (cacheable per RFC 2308) and each response holds one CNAME, so
 * chains are resolved by re-asking; {@link Mode#RECURSIVE_LOCAL} answers as a local
 * resolver, whole CNAME chains in one response.
 */
final class Dnsmasq implements AutoCloseable {

    static final Path BINARY = Path.of("/usr/sbin/dnsmasq");
    static final int TTL = 2;

    /** How dnsmasq answers for lw.test. */
    enum Mode { AUTHORITATIVE, RECURSIVE_LOCAL }

    private final Process process;
    private final Path log;
    private final int port;

    private Dnsmasq(Process process, Path log, int port) {
        this.process = process;
        this.log = log;
        this.port = port;
    }

    /**
     * The zone: web 127.0.0.10 (A only), v6 127.0.0.11 + ::11, only6 ::12 (AAAA only),
     * svc 127.0.0.1, c1 → web, c2 → c1, c3 → c2, c4 → c3, plus {@code extraHosts}
     * ("IP NAME" lines).
     */
    static Dnsmasq start(Path dir, Mode mode, String... extraHosts) throws IOException, InterruptedException {
        if (!Files.isExecutable(BINARY)) {
            throw new AssertionError(BINARY + " is missing: install the Debian package dnsmasq (apt-get install dnsmasq)");
        }
        Files.createDirectories(dir);
        List<String> hosts = new ArrayList<>(List.of("127.0.0.10 web.lw.test", "127.0.0.1 svc.lw.test"));
        hosts.addAll(List.of(extraHosts));
        Path hostsFile = Files.write(dir.resolve("hosts"), hosts);
        // a port found free can be taken by another process before dnsmasq binds it (dnsmasq
        // needs it for UDP and TCP): try a few fresh ports before calling it a failure
        for (int attempt = 1; ; attempt++) {
            try {
                return start(dir, mode, hostsFile, freePort());
            } catch (PortTakenException e) {
                if (attempt == 5) {
                    throw new AssertionError("dnsmasq found its port taken 5 times: " + e.getMessage());
                }
            }
        }
    }

    private static Dnsmasq start(Path dir, Mode mode, Path hostsFile, int port) throws IOException, InterruptedException {
        Path log = dir.resolve("dnsmasq.log");
        Files.deleteIfExists(log);
        List<String> cmd = new ArrayList<>(List.of(BINARY.toString(), "--keep-in-foreground", "--no-resolv", "--no-hosts",
                "--port=" + port, "--listen-address=127.0.0.1", "--bind-interfaces",
                "--pid-file=" + dir.resolve("dnsmasq.pid"), "--log-queries", "--log-facility=" + log,
                "--user=" + System.getProperty("user.name"), "--addn-hosts=" + hostsFile,
                "--host-record=v6.lw.test,127.0.0.11,::11", "--host-record=only6.lw.test,::12",
                "--cname=c1.lw.test,web.lw.test", "--cname=c2.lw.test,c1.lw.test", "--cname=c3.lw.test,c2.lw.test",
                "--cname=c4.lw.test,c3.lw.test"));
        if (mode == Mode.AUTHORITATIVE) {
            cmd.addAll(List.of("--auth-server=ns.lw.test,127.0.0.1", "--auth-zone=lw.test", "--auth-ttl=" + TTL,
                    "--auth-soa=1,hostmaster.lw.test,60,60,60"));
        } else {
            cmd.addAll(List.of("--local=/lw.test/", "--local-ttl=" + TTL));
        }
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(dir.resolve("dnsmasq.out").toFile())
                .start();
        Dnsmasq d = new Dnsmasq(p, log, port);
        d.awaitStarted(dir);
        return d;
    }

    /** A loopback port free for both UDP and TCP at this moment. */
    private static int freePort() throws IOException {
        while (true) {
            try (DatagramSocket udp = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0))) {
                int port = udp.getLocalPort();
                try (ServerSocket tcp = new ServerSocket()) {
                    tcp.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
                    return port;
                } catch (BindException takenForTcp) {
                    // try another
                }
            }
        }
    }

    /** dnsmasq could not bind its port: another process took it in the meantime. */
    private static final class PortTakenException extends IOException {
        private static final long serialVersionUID = 1L;

        PortTakenException(String message) {
            super(message);
        }
    }

    private void awaitStarted(Path dir) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                String out = Files.readString(dir.resolve("dnsmasq.out"));
                if (out.contains("Address already in use")) {
                    throw new PortTakenException(out.strip());
                }
                throw new AssertionError("dnsmasq exited with " + process.exitValue() + ": " + out);
            }
            if (Files.exists(log) && Files.readString(log, StandardCharsets.UTF_8).contains("read " + dir.resolve("hosts"))) {
                return;
            }
            Thread.sleep(20); // polling another process' log: there is no event to wait on
        }
        throw new AssertionError("dnsmasq did not start within 10 s");
    }

    InetSocketAddress address() {
        return new InetSocketAddress(InetAddress.getLoopbackAddress(), port);
    }

    /** {@code 127.0.0.1:PORT}, as --nameserver takes it. */
    String addressText() {
        return "127.0.0.1:" + port;
    }

    /** Queries dnsmasq has logged so far ("query[A] ..." or "auth[A] ..." lines). */
    int queries() throws IOException {
        int n = 0;
        for (String line : Files.readAllLines(log, StandardCharsets.UTF_8)) {
            if (line.contains(" query[") || line.contains(" auth[")) {
                n++;
            }
        }
        return n;
    }

    /** Waits until dnsmasq has logged {@code expected} queries and checks no more follow. */
    void awaitQueries(int expected) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(3).toNanos();
        while (queries() < expected && System.nanoTime() < deadline) {
            Thread.sleep(10); // polling dnsmasq's log: there is no event to wait on
        }
        Thread.sleep(100); // a straggler would have been logged by now
        int n = queries();
        if (n != expected) {
            throw new AssertionError("dnsmasq logged " + n + " queries, expected " + expected + ":\n"
                    + Files.readString(log, StandardCharsets.UTF_8));
        }
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(5, TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
    }
}
