package org.lightwire.it;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

/**
 * The real {@code lightwire} launcher in a child JVM, started from the assembled
 * distribution the way the {@code ./lightwire} script starts it. Its stderr (the log) is
 * collected so tests can wait for lines and show them when something fails.
 */
public final class LauncherProcess implements AutoCloseable {

    public static final Path DIST = Path.of(System.getProperty("lightwire.dist", "../../launcher/target/lightwire"));

    private final Process process;
    private final List<String> lines = new ArrayList<>();
    private final Thread reader;

    private LauncherProcess(Process process) {
        this.process = process;
        this.reader = new Thread(this::collect, "launcher-log");
        reader.setDaemon(true);
        reader.start();
    }

    public static LauncherProcess start(String... args) throws IOException {
        return startFrom(DIST, args);
    }

    /** Starts the launcher of the distribution laid out at {@code home}. */
    public static LauncherProcess startFrom(Path home, String... args) throws IOException {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-p", home.resolve("lib").toString(), "--add-modules", "ALL-MODULE-PATH",
                "-m", "org.lightwire.launcher/org.lightwire.launcher.Main"));
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
        return new LauncherProcess(pb.start());
    }

    private void collect() {
        try (BufferedReader r = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = r.readLine()) != null) {
                synchronized (lines) {
                    lines.add(line);
                    lines.notifyAll();
                }
            }
        } catch (IOException ignored) {
            // the process went away
        }
    }

    /** Waits until a log line matches {@code regex}; fails with the whole log otherwise. */
    public String awaitLine(String regex, Duration timeout) throws InterruptedException {
        Pattern p = Pattern.compile(regex);
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (lines) {
            int seen = 0;
            while (true) {
                for (; seen < lines.size(); seen++) {
                    if (p.matcher(lines.get(seen)).find()) {
                        return lines.get(seen);
                    }
                }
                long left = deadline - System.nanoTime();
                if (left <= 0 || (!process.isAlive() && seen == lines.size())) {
                    throw new AssertionError("no log line matching /" + regex + "/ within " + timeout + "; log:\n" + log());
                }
                lines.wait(Math.max(1, TimeUnit.NANOSECONDS.toMillis(Math.min(left, 200_000_000L))));
            }
        }
    }

    /** Everything logged so far. */
    public String log() {
        synchronized (lines) {
            return String.join("\n", lines);
        }
    }

    /** Waits for the process to exit on its own and returns its status. */
    public int awaitExit(Duration timeout) throws InterruptedException {
        if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            throw new AssertionError("launcher still running after " + timeout + "; log:\n" + log());
        }
        reader.join(2000);
        return process.exitValue();
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    public long pid() {
        return process.pid();
    }

    /** SIGTERM, as an operator's {@code kill} would, then waits for a clean exit. */
    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            process.destroy();
            if (!process.waitFor(15, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new AssertionError("launcher did not stop within 15 s of SIGTERM; log:\n" + log());
            }
        }
    }
}
