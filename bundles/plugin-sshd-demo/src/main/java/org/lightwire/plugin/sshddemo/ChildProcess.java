package org.lightwire.plugin.sshddemo;

import java.io.File;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.function.IntConsumer;

/**
 * A running child of a session channel with its three standard streams bridged to the
 * loop through bounded buffers (lws' demo: the CGI child and its stdin/stdout/stderr
 * pipes watched by the loop). Output: {@link #stdout()}/{@link #stderr()}
 * ({@link OutputPump}); input: {@link #stdin()} ({@link InputPump}).
 *
 * <p>The exit is reported once, to {@code exited}, only after the process has ended
 * <em>and</em> both output pipes reached their end, so nothing the child wrote is
 * reported after its exit status; ssh-base then drains what the pumps still hold.
 */
final class ChildProcess {

    private final Process process;
    private final OutputPump stdout;
    private final OutputPump stderr;
    private final InputPump stdin;
    private final IntConsumer exited;
    private final Object lock = new Object();
    private boolean processEnded;
    private boolean reported;

    private ChildProcess(Process process, int bufferBytes, String label, Runnable outputReady, Runnable inputRoom,
            IntConsumer exited) {
        this.process = process;
        this.exited = exited;
        Runnable onOutput = () -> {
            outputReady.run();
            maybeReport();
        };
        this.stdout = new OutputPump(label + " stdout", process.getInputStream(), bufferBytes, onOutput);
        this.stderr = new OutputPump(label + " stderr", process.getErrorStream(), bufferBytes, onOutput);
        this.stdin = new InputPump(label + " stdin", process.getOutputStream(), bufferBytes, inputRoom);
    }

    /**
     * Starts {@code command} and its stream helpers.
     *
     * @param outputReady run (on a helper thread) when output became available or a stream ended
     * @param inputRoom run (on a helper thread) after stdin bytes were written to the child
     * @param exited receives the exit status once, after the output streams ended
     */
    static ChildProcess start(ChildCommand command, File directory, int bufferBytes, String label,
            Runnable outputReady, Runnable inputRoom, IntConsumer exited) throws IOException {
        ProcessBuilder pb = new ProcessBuilder(command.argv()).directory(directory);
        pb.environment().clear();
        pb.environment().putAll(command.environment());
        Process p = pb.start();
        ChildProcess child = new ChildProcess(p, bufferBytes, label, outputReady, inputRoom, exited);
        String id = label + "-" + p.pid();
        child.stdout.start("lws-sshd-demo-out-" + id);
        child.stderr.start("lws-sshd-demo-err-" + id);
        child.stdin.start("lws-sshd-demo-in-" + id);
        p.onExit().thenRun(() -> {
            synchronized (child.lock) {
                child.processEnded = true;
            }
            child.maybeReport();
        });
        return child;
    }

    OutputPump stdout() {
        return stdout;
    }

    OutputPump stderr() {
        return stderr;
    }

    InputPump stdin() {
        return stdin;
    }

    long pid() {
        return process.pid();
    }

    /**
     * The pseudo-terminal the child under script(1) has as its stdin ({@code /dev/pts/N}),
     * read from {@code /proc/<pid>/fd/0} of script's child; empty without one.
     */
    java.util.Optional<java.nio.file.Path> ptyDevice() {
        return process.children().findFirst().flatMap(h -> {
            try {
                java.nio.file.Path dev = java.nio.file.Files.readSymbolicLink(java.nio.file.Path.of("/proc", String.valueOf(h.pid()), "fd", "0"));
                return PTS.matcher(dev.toString()).matches() ? java.util.Optional.of(dev) : java.util.Optional.empty();
            } catch (IOException | UnsupportedOperationException e) {
                return java.util.Optional.empty(); // gone meanwhile, or no /proc
            }
        });
    }

    private static final java.util.regex.Pattern PTS = java.util.regex.Pattern.compile("/dev/pts/[0-9]{1,6}");

    /** Moves waiting stdout (or stderr) bytes into {@code out}. */
    int drain(boolean errorStream, ByteBuffer out) {
        return (errorStream ? stderr : stdout).drainTo(out);
    }

    private void maybeReport() {
        int status;
        // the pumps' own locks are taken before, never inside, this one (lock order)
        boolean outputEnded = stdout.reachedEnd() && stderr.reachedEnd();
        synchronized (lock) {
            if (reported || !processEnded || !outputEnded) {
                return;
            }
            reported = true;
            status = process.exitValue();
        }
        exited.accept(status);
    }

    /** Sends SIGTERM (or SIGKILL when {@code force}) to the child and its descendants. */
    void signal(boolean force) {
        process.descendants().forEach(h -> {
            if (force) {
                h.destroyForcibly();
            } else {
                h.destroy();
            }
        });
        if (force) {
            process.destroyForcibly();
        } else {
            process.destroy();
        }
    }

    /**
     * The channel is gone: kill the child and its descendants, stop the helpers, drop what
     * they hold. Idempotent.
     */
    void destroy() {
        signal(true);
        stdin.stop();
        stdout.stop();
        stderr.stop();
    }
}
