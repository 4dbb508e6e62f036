package org.lightwire.benchmarks.ssh;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/** The load: the real OpenSSH client ({@code /usr/bin/ssh}) as child processes, 127.0.0.1 only. */
final class SshClientRuns {

    private final Path key;
    private final String cipher;

    SshClientRuns(Path key, String cipher) {
        this.key = key;
        this.cipher = cipher;
    }

    private List<String> command(int port, String remote) {
        return List.of("/usr/bin/ssh", "-F", "/dev/null", "-p", String.valueOf(port), "-i", key.toString(),
                "-c", cipher, "-o", "StrictHostKeyChecking=no", "-o", "UserKnownHostsFile=/dev/null",
                "-o", "BatchMode=yes", "-o", "IdentitiesOnly=yes", "-o", "IdentityAgent=none",
                "-o", "ConnectTimeout=10", "-o", "LogLevel=ERROR", "bench@127.0.0.1", remote);
    }

    /** Runs {@code remote} and returns how many bytes it printed; fails on a non-zero exit. */
    long run(int port, String remote, int timeoutSeconds) throws IOException, InterruptedException {
        return run(port, remote, timeoutSeconds, ProcessBuilder.Redirect.INHERIT);
    }

    private long run(int port, String remote, int timeoutSeconds, ProcessBuilder.Redirect stderr)
            throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command(port, remote)).redirectError(stderr).start();
        p.getOutputStream().close();
        long n = 0;
        byte[] buf = new byte[256 * 1024];
        try (InputStream in = p.getInputStream()) {
            for (int r; (r = in.read(buf)) >= 0; ) {
                n += r;
            }
        }
        if (!p.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new IOException("ssh '" + remote + "' did not finish within " + timeoutSeconds + " s");
        }
        if (p.exitValue() != 0) {
            throw new IOException("ssh '" + remote + "' on port " + port + " exited " + p.exitValue());
        }
        return n;
    }

    /** Polls until a login works (the server is starting). */
    void awaitLogin(int port, String who) throws InterruptedException {
        long deadline = System.nanoTime() + 60_000_000_000L;
        while (true) {
            try {
                // quiet: "connection refused" is expected while the server starts
                run(port, "true", 20, ProcessBuilder.Redirect.DISCARD);
                return;
            } catch (IOException e) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException(who + " accepted no ssh login on port " + port + " within 60 s: " + e.getMessage());
                }
                Thread.sleep(300); // another process starting: poll it
            }
        }
    }

    /** {@code total} logins running {@code true}, {@code parallel} at a time: logins per second. */
    double logins(int port, int total, int parallel) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(parallel);
        try {
            long t0 = System.nanoTime();
            List<Future<Long>> done = new ArrayList<>();
            for (int i = 0; i < total; i++) {
                done.add(pool.submit(() -> run(port, "true", 60)));
            }
            for (Future<Long> f : done) {
                f.get();
            }
            return total / ((System.nanoTime() - t0) / 1e9);
        } finally {
            pool.shutdownNow();
        }
    }
}
