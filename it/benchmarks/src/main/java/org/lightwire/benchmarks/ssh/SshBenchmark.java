package org.lightwire.benchmarks.ssh;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.lightwire.benchmarks.BenchmarkArgs;

/**
 * SSH through exec, Lightwire's sshd-demo (lws-ssh-base + lws-sshd-demo in the real
 * launcher) against Apache MINA SSHD's server, same machine, same host key (Ed25519),
 * same cipher, the real OpenSSH client as the load, 127.0.0.1 only:
 * <ul>
 *   <li>bulk: {@code ssh ... 'cat bigfile'} of N MiB, MiB/s (one warm-up transfer, then the
 *       mean of the measured ones; the byte count is checked);</li>
 *   <li>handshakes: {@code ssh ... true} logins per second, P at a time (each is a whole
 *       ssh process: key exchange, publickey auth, a channel, a process on the server).</li>
 * </ul>
 * Prints a table and RATIO lines (Lightwire over MINA). Bounded: a fixed amount of work,
 * every ssh run with a timeout; stops by itself.
 */
public final class SshBenchmark {

    private SshBenchmark() {
    }

    record Result(double mibPerSecond, double loginsPerSecond) {
    }

    public static void main(String[] args) throws Exception {
        SshBenchOptions options =
                BenchmarkArgs.parseOrExit("SshBenchmark", SshBenchOptions.USAGE, args, SshBenchOptions::parse);
        Path work = Files.createTempDirectory("lightwire-ssh-bench-");
        try {
            Path hostKey = keygen(work, "ssh_host_ed25519_key");
            Path userKey = keygen(work, "user_ed25519");
            Path authorized = work.resolve("authorized_keys");
            Files.writeString(authorized, Files.readString(Path.of(userKey + ".pub")));
            Path bigfile = work.resolve("bigfile");
            long size = (long) options.mebibytes() << 20;
            writeRandom(bigfile, size);
            SshClientRuns client = new SshClientRuns(userKey, options.cipher());
            Map<String, Result> results = new LinkedHashMap<>();
            for (String which : options.servers()) {
                int port = freePort();
                try (SshServerUnderTest server = which.equals("lightwire")
                        ? LightwireSshServer.start(Files.createDirectories(work.resolve("lightwire")), port, hostKey, authorized, 1)
                        : MinaSshServer.start(port, hostKey, authorized, options.cipher())) {
                    client.awaitLogin(port, server.name());
                    Result r = measure(client, port, bigfile, size, options);
                    results.put(which, r);
                    System.out.printf(Locale.ROOT, "%-22s cat %d MiB: %8.1f MiB/s   logins: %7.1f /s (%d, %d parallel)%n",
                            server.name(), options.mebibytes(), r.mibPerSecond(), r.loginsPerSecond(), options.logins(),
                            options.parallel());
                }
            }
            report(results, options);
        } finally {
            try (Stream<Path> s = Files.walk(work)) {
                s.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    private static Result measure(SshClientRuns client, int port, Path bigfile, long size, SshBenchOptions options)
            throws Exception {
        String cat = "cat " + bigfile;
        check(client.run(port, cat, 600), size); // warm-up: JIT, page cache
        double seconds = 0;
        for (int i = 0; i < options.runs(); i++) {
            long t0 = System.nanoTime();
            check(client.run(port, cat, 600), size);
            seconds += (System.nanoTime() - t0) / 1e9;
        }
        double mibs = options.runs() * (size / 1048576.0) / seconds;
        client.logins(port, Math.max(2, options.logins() / 5), options.parallel()); // warm-up
        double logins = client.logins(port, options.logins(), options.parallel());
        return new Result(mibs, logins);
    }

    private static void check(long got, long expected) throws IOException {
        if (got != expected) {
            throw new IOException("cat delivered " + got + " bytes, expected " + expected);
        }
    }

    private static void report(Map<String, Result> results, SshBenchOptions options) {
        System.out.println();
        System.out.printf(Locale.ROOT, "cipher %s, kex curve25519-sha256, host key ssh-ed25519, OpenSSH client; "
                + "%d MiB x %d runs; %d logins, %d parallel; Lightwire count-threads 1%n", options.cipher(),
                options.mebibytes(), options.runs(), options.logins(), options.parallel());
        Result ours = results.get("lightwire");
        Result mina = results.get("mina");
        if (ours != null && mina != null) {
            System.out.printf(Locale.ROOT, "RATIO lightwire/mina cat-MiB/s = %.2f%n", ours.mibPerSecond() / mina.mibPerSecond());
            System.out.printf(Locale.ROOT, "RATIO lightwire/mina logins/s = %.2f%n", ours.loginsPerSecond() / mina.loginsPerSecond());
        }
    }

    private static Path keygen(Path dir, String name) throws IOException, InterruptedException {
        Path key = dir.resolve(name);
        Process p = new ProcessBuilder("/usr/bin/ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-C", name, "-f", key.toString())
                .redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        if (!p.waitFor(30, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new IOException("ssh-keygen failed (install openssh-client): " + out);
        }
        return key;
    }

    private static void writeRandom(Path file, long size) throws IOException {
        byte[] block = new byte[1 << 20];
        Random random = new Random(9);
        try (OutputStream out = Files.newOutputStream(file)) {
            for (long left = size; left > 0; left -= block.length) {
                random.nextBytes(block);
                out.write(block, 0, (int) Math.min(block.length, left));
            }
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }
}
