package org.lightwire.benchmarks.http;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** A server run as its own process, its output kept in a log file for when it fails. */
public final class ServerProcess implements FileServer {

    private final String name;
    private final int port;
    private final Process process;

    private ServerProcess(String name, int port, Process process) {
        this.name = name;
        this.port = port;
        this.process = process;
    }

    public static ServerProcess start(String name, int port, List<String> command, Path log)
            throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        ServerProcess server = new ServerProcess(name, port, p);
        try {
            Ports.awaitListening(port, 60, name + " (log: " + log + ")");
        } catch (IOException e) {
            server.close();
            throw e;
        }
        return server;
    }

    /** The server's process id, for jcmd and /proc. */
    public long pid() {
        return process.pid();
    }

    /** False once the server has exited (crashed, refused its config). */
    public boolean isAlive() {
        return process.isAlive();
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public int port() {
        return port;
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor();
        }
    }
}
