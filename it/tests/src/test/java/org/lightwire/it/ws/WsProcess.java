package org.lightwire.it.ws;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A real peer process for the WebSocket ITs (Debian's python3 with python3-websockets, or
 * libwebsockets-test-server), its output collected in a file. Missing peers fail the test
 * with the Debian package to install, never skip it.
 */
final class WsProcess implements AutoCloseable {

    static final Path PYTHON = Path.of("/usr/bin/python3");

    private final Process process;
    private final Path output;

    private WsProcess(Process process, Path output) {
        this.process = process;
        this.output = output;
    }

    static WsProcess start(Path workDir, String name, List<String> command) throws IOException {
        Path output = workDir.resolve(name + ".out");
        Process p = new ProcessBuilder(command).directory(workDir.toFile()).redirectErrorStream(true)
                .redirectOutput(output.toFile()).start();
        return new WsProcess(p, output);
    }

    /** Fails unless {@code executable} exists, naming the Debian package that provides it. */
    static void require(Path executable, String debianPackage) {
        if (!Files.isExecutable(executable)) {
            throw new AssertionError(executable + " is missing: install the Debian package " + debianPackage);
        }
    }

    /** Fails unless Debian's python has the websockets module (python3-websockets, 10.x). */
    static void requirePythonWebsockets(Path workDir) throws Exception {
        require(PYTHON, "python3");
        Process p = new ProcessBuilder(PYTHON.toString(), "-c", "import websockets; print(websockets.__version__)")
                .directory(workDir.toFile()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        if (!p.waitFor(30, TimeUnit.SECONDS) || p.exitValue() != 0 || !out.startsWith("10.")) {
            throw new AssertionError("/usr/bin/python3 needs python3-websockets 10.x (Debian package python3-websockets): "
                    + out);
        }
    }

    String output() throws IOException {
        return Files.exists(output) ? Files.readString(output) : "";
    }

    /** Waits until the output holds {@code text}; fails with the output otherwise. */
    void awaitOutput(String text, Duration timeout) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!output().contains(text)) {
            if (System.nanoTime() > deadline || !process.isAlive() && !output().contains(text)) {
                if (output().contains(text)) {
                    return;
                }
                throw new AssertionError("peer output lacks '" + text + "' (alive: " + process.isAlive() + "):\n"
                        + output());
            }
            // polling the peer process' output file
            Thread.sleep(50);
        }
    }

    /** Waits for the process to exit and returns its exit status. */
    int awaitExit(Duration timeout) throws InterruptedException {
        if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            throw new AssertionError("peer did not exit within " + timeout);
        }
        return process.exitValue();
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(5, TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
    }
}
