package org.lightwire.it.ssh;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.lightwire.it.LauncherProcess;

/** The real OpenSSH client ({@code /usr/bin/ssh}, Debian openssh-client) run as a child process. */
final class OpenSsh {

    /** What a run of ssh gave back. */
    record Result(int exit, String out, String err) {
        @Override
        public String toString() {
            return "exit " + exit + "\n--- stdout:\n" + out + "\n--- stderr:\n" + err;
        }
    }

    private OpenSsh() {
    }

    /** The options every run uses: no known_hosts, no agent, no prompts, only the given key. */
    static List<String> command(int port, Path key, String... more) {
        SshTestbed.requireOpenSsh();
        List<String> cmd = new ArrayList<>(List.of(SshTestbed.SSH, "-F", "/dev/null", "-p", String.valueOf(port),
                "-i", key.toString(), "-o", "StrictHostKeyChecking=no", "-o", "UserKnownHostsFile=/dev/null",
                "-o", "BatchMode=yes", "-o", "IdentitiesOnly=yes", "-o", "IdentityAgent=none",
                "-o", "ConnectTimeout=10", "-o", "LogLevel=ERROR"));
        cmd.addAll(List.of(more));
        return cmd;
    }

    /** Runs ssh with {@code stdin} as its input (closed after), within {@code timeout}. */
    static Result run(List<String> cmd, String stdin, Duration timeout) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(cmd).start();
        CompletableFuture<byte[]> out = CompletableFuture.supplyAsync(() -> readAll(p.getInputStream()));
        CompletableFuture<byte[]> err = CompletableFuture.supplyAsync(() -> readAll(p.getErrorStream()));
        try (OutputStream in = p.getOutputStream()) {
            in.write(stdin.getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            // ssh may exit before reading its input (refused): the exit status tells
        }
        if (!p.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            p.destroyForcibly().waitFor();
            throw new AssertionError("ssh did not finish within " + timeout + ": " + cmd + "\nstdout so far: "
                    + new String(out.join(), StandardCharsets.UTF_8) + "\nstderr: " + new String(err.join(), StandardCharsets.UTF_8));
        }
        return new Result(p.exitValue(), new String(out.join(), StandardCharsets.UTF_8),
                new String(err.join(), StandardCharsets.UTF_8));
    }

    private static byte[] readAll(java.io.InputStream in) {
        try {
            return in.readAllBytes();
        } catch (IOException e) {
            return new byte[0];
        }
    }

    /** Polls {@code ssh ... true} until it logs in (the plugin is deployed asynchronously). */
    static void awaitLogin(int port, Path key, Duration timeout, LauncherProcess launcher) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        Result last = null;
        while (System.nanoTime() < deadline) {
            last = run(command(port, key, "probe@127.0.0.1", "true"), "", Duration.ofSeconds(20));
            if (last.exit() == 0) {
                return;
            }
            Thread.sleep(300); // the launcher is installing the plugin: poll again
        }
        throw new AssertionError("no ssh login on port " + port + " within " + timeout + "; last " + last
                + "\nlauncher log:\n" + launcher.log());
    }
}
