package org.lightwire.benchmarks.ws;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.jar.JarFile;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import org.lightwire.benchmarks.http.Ports;
import org.lightwire.benchmarks.http.ServerProcess;

/**
 * Starts the three WebSocket servers as processes of their own, each serving
 * lws-mirror-protocol on "/" on a free loopback port: the Lightwire launcher with its
 * embedded default config (only the ports changed, so a launcher someone else runs on
 * 7681 is never measured by mistake), Netty's echo ({@link NettyWsEchoServer}) in a child
 * JVM with the same heap, and lws 4.1.6's {@code libwebsockets-test-server} (Debian).
 */
final class WsServers {

    static final String SUBPROTOCOL = NettyWsEchoServer.SUBPROTOCOL;
    private static final String DEFAULT_CONF = "org/lightwire/launcher/default-conf.json";
    private static final String DEFAULT_WS_PORT = "7681";
    private static final Pattern PORT = Pattern.compile("\"port\"\\s*:\\s*\"(\\d+)\"");
    private static final int PLUGIN_WAIT_SECONDS = 30;

    private WsServers() {
    }

    static ServerProcess start(String which, WsBenchOptions options) throws Exception {
        ServerProcess server = switch (which) {
            case "lightwire" -> lightwire(options);
            case "netty" -> netty(options);
            case "lws" -> lws(options);
            default -> throw new IllegalArgumentException(which);
        };
        try {
            awaitSubprotocol(server);
        } catch (IOException | RuntimeException | InterruptedException e) {
            server.close();
            throw e;
        }
        return server;
    }

    /** The last CPU, taken when this class loads: before the client pins itself and sees only one. */
    private static final int SERVER_CPU = Runtime.getRuntime().availableProcessors() - 1;

    /** The CPU the servers run on when pinned: the last one. */
    static int serverCpu() {
        return SERVER_CPU;
    }

    /** {@code taskset -c CPU} in front of a server's command when the servers are pinned. */
    private static List<String> pinned(WsBenchOptions options) {
        List<String> cmd = new ArrayList<>();
        if (options.pin() != WsBenchOptions.Pin.NONE) {
            cmd.addAll(List.of("taskset", "-c", String.valueOf(serverCpu())));
        }
        return cmd;
    }

    /** JVM options both Java servers get: the same fixed heap, so heap figures compare. */
    private static List<String> jvm(WsBenchOptions options, String name) {
        List<String> cmd = pinned(options);
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.add("-Xms" + options.heapMegabytes() + "m");
        cmd.add("-Xmx" + options.heapMegabytes() + "m");
        options.jfrDir().ifPresent(dir -> cmd.add("-XX:StartFlightRecording=filename="
                + dir.resolve(name + ".jfr") + ",settings=profile,dumponexit=true"));
        return cmd;
    }

    /** The launcher as users run it (OSGi mode), from the distribution the build assembled. */
    private static ServerProcess lightwire(WsBenchOptions options) throws Exception {
        Path dist = Path.of(System.getProperty("lightwire.dist", "../../launcher/target/lightwire")).toAbsolutePath();
        if (!Files.isDirectory(dist.resolve("lib"))) {
            throw new IllegalStateException("no Lightwire distribution at " + dist + ": build the launcher first");
        }
        int port = Ports.free();
        Path config = Files.createTempDirectory("lightwire-ws-bench-conf-");
        String conf = benchmarkCopy(defaultConfig(dist.resolve("lib").resolve("lightwire-launcher.jar")), port);
        Files.writeString(config.resolve("conf"), conf);
        List<String> cmd = jvm(options, "lightwire");
        cmd.addAll(List.of("-p", dist.resolve("lib").toString(), "--add-modules", "ALL-MODULE-PATH",
                "-m", "org.lightwire.launcher/org.lightwire.launcher.Main", "--config-dir", config.toString(),
                // what the launcher watches by itself only when it serves the embedded default
                "--plugin-dir", dist.resolve("plugins").toString()));
        return ServerProcess.start("lightwire", port, cmd, config.resolve("server.log"));
    }

    /**
     * The embedded default with every port moved to a free one (the ws vhost's 7681 to
     * {@code wsPort}) and its https vhost allowed to start without the test certificate the
     * launcher makes only for the embedded default; nothing else changes.
     */
    static String benchmarkCopy(String conf, int wsPort) throws IOException {
        Matcher m = PORT.matcher(conf);
        StringBuilder out = new StringBuilder();
        boolean sawWs = false;
        while (m.find()) {
            boolean ws = m.group(1).equals(DEFAULT_WS_PORT);
            sawWs |= ws;
            m.appendReplacement(out, "\"port\": \"" + (ws ? wsPort : Ports.free()) + "\"");
        }
        m.appendTail(out);
        if (!sawWs) {
            throw new IllegalStateException("the default config has no vhost on port " + DEFAULT_WS_PORT
                    + " any more; adapt WsServers");
        }
        return out.toString().replace("\"host-ssl-cert\"", "\"ignore-missing-cert\": \"1\", \"host-ssl-cert\"");
    }

    private static String defaultConfig(Path launcherJar) throws IOException {
        try (JarFile jar = new JarFile(launcherJar.toFile())) {
            ZipEntry e = jar.getEntry(DEFAULT_CONF);
            if (e == null) {
                throw new IOException(launcherJar + " has no " + DEFAULT_CONF);
            }
            try (InputStream in = jar.getInputStream(e)) {
                return new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
        }
    }

    private static ServerProcess netty(WsBenchOptions options) throws Exception {
        int port = Ports.free();
        Path log = Files.createTempFile("netty-ws-bench-", ".log");
        List<String> cmd = jvm(options, "netty");
        cmd.addAll(List.of("-cp", System.getProperty("java.class.path"), NettyWsEchoServer.class.getName(),
                String.valueOf(port)));
        return ServerProcess.start("netty", port, cmd, log);
    }

    private static ServerProcess lws(WsBenchOptions options) throws Exception {
        int port = Ports.free();
        Path log = Files.createTempFile("lws-ws-bench-", ".log");
        List<String> cmd = pinned(options);
        cmd.addAll(List.of("libwebsockets-test-server", "--port=" + port));
        return ServerProcess.start("lws", port, cmd, log);
    }

    /**
     * Waits until an upgrade with the mirror subprotocol succeeds: the launcher listens
     * before FileInstall has started the plugin bundles, so the protocol may come a moment
     * after the port.
     */
    private static void awaitSubprotocol(ServerProcess server) throws IOException, InterruptedException {
        InetSocketAddress address = new InetSocketAddress("127.0.0.1", server.port());
        long deadline = System.nanoTime() + PLUGIN_WAIT_SECONDS * 1_000_000_000L;
        java.nio.ByteBuffer rx = java.nio.ByteBuffer.allocate(16 * 1024);
        while (true) {
            try {
                WsHandshake.open(address, "/", SUBPROTOCOL, rx).close();
                return;
            } catch (IOException e) {
                if (!server.isAlive()) {
                    throw new IOException(server.name() + " exited: " + e.getMessage(), e);
                }
                if (System.nanoTime() > deadline) {
                    throw new IOException(server.name() + " does not serve " + SUBPROTOCOL + " on ws://" + address
                            + "/ after " + PLUGIN_WAIT_SECONDS + " s: " + e.getMessage(), e);
                }
                Thread.sleep(200); // plugin bundles still starting in the other process: poll again
            }
        }
    }
}
