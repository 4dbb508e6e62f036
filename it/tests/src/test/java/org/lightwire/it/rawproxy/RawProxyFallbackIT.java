package org.lightwire.it.rawproxy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.security.cert.X509Certificate;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509TrustManager;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.apache.sshd.server.SshServer;
import org.apache.sshd.server.config.keys.AuthorizedKeysAuthenticator;
import org.apache.sshd.server.keyprovider.SimpleGeneratorHostKeyProvider;
import org.apache.sshd.server.shell.ProcessShellCommandFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lightwire.it.LauncherProcess;
import org.lightwire.it.Net;

/**
 * Issue 6 acceptance 3, raw TCP part, as README.http-fallback.md describes libwebsockets.org:
 * one TLS port serves https to curl, and an OpenSSH client on the same port falls back
 * (fallback-listen-accept) to the raw-proxy role, which relays it to an SSH server (Apache
 * MINA SSHD, started by the test on 127.0.0.1): {@code ssh -p PORT ... 'echo hi'} works.
 */
class RawProxyFallbackIT {

    private static final Duration START = Duration.ofSeconds(30);
    private static final ExecutorService THREADS = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "fallback-it-pipe");
        t.setDaemon(true);
        return t;
    });

    @TempDir
    static Path tmp;
    private static SshServer sshd;
    private static LauncherProcess launcher;
    private static Path clientKey;
    private static int tlsPort;
    private static EchoPeer echo;
    private static int terminatingPort;

    @BeforeAll
    static void start() throws Exception {
        clientKey = tmp.resolve("id_ecdsa");
        run(List.of("ssh-keygen", "-q", "-t", "ecdsa", "-b", "256", "-N", "", "-f", clientKey.toString()), Duration.ofSeconds(20));
        Path cert = tmp.resolve("cert.pem");
        Path key = tmp.resolve("key.pem");
        run(List.of("openssl", "req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:P-256", "-nodes",
                "-keyout", key.toString(), "-out", cert.toString(), "-days", "2", "-subj", "/CN=localhost",
                "-addext", "subjectAltName=DNS:localhost,IP:127.0.0.1"), Duration.ofSeconds(20));
        Path www = Files.createDirectories(tmp.resolve("www"));
        Files.writeString(www.resolve("index.html"), "<p>https and ssh on one port</p>\n");

        sshd = SshServer.setUpDefaultServer();
        sshd.setHost("127.0.0.1");
        sshd.setPort(0);
        sshd.setKeyPairProvider(new SimpleGeneratorHostKeyProvider(tmp.resolve("host-key.ser")));
        sshd.setPublickeyAuthenticator(new AuthorizedKeysAuthenticator(Path.of(clientKey + ".pub")));
        sshd.setPasswordAuthenticator(null);
        sshd.setKeyboardInteractiveAuthenticator(null);
        sshd.setCommandFactory(ProcessShellCommandFactory.INSTANCE);
        sshd.start();

        tlsPort = Net.freePort();
        String vhost = """
                { "name": "localhost", "port": "%d", "interface": "127.0.0.1",
                  "host-ssl-cert": "%s", "host-ssl-key": "%s",
                  "listen-accept-role": "raw-proxy", "listen-accept-protocol": "raw-proxy",
                  "fallback-listen-accept": "1", "allow-non-tls": "1",
                  "ws-protocols": [{ "raw-proxy": { "status": "ok", "onward": "ipv4:127.0.0.1:%d" } }],
                  "mounts": [{ "mountpoint": "/", "origin": "file://%s" }] }""".formatted(tlsPort, cert, key, sshd.getPort(), www);
        echo = EchoPeer.start(10, THREADS);
        terminatingPort = Net.freePort();
        // every connection is TLS and relayed in clear to the echo server: raw-proxy under the TLS layer
        String terminating = """
                { "name": "tls-terminating", "port": "%d", "interface": "127.0.0.1",
                  "host-ssl-cert": "%s", "host-ssl-key": "%s",
                  "listen-accept-role": "raw-proxy", "listen-accept-protocol": "raw-proxy",
                  "apply-listen-accept": "1",
                  "ws-protocols": [{ "raw-proxy": { "status": "ok", "onward": "ipv4:127.0.0.1:%d" } }] }"""
                .formatted(terminatingPort, cert, key, echo.port());
        Path conf = ProxyConfig.write(tmp.resolve("conf"), "\"count-threads\": \"2\"", vhost, terminating);
        launcher = LauncherProcess.start("--config-dir", conf.toString());
        launcher.awaitLine("vhost 'localhost' listening on", START);
        launcher.awaitLine("vhost 'tls-terminating' listening on", START);
    }

    @AfterAll
    static void stop() throws Exception {
        if (launcher != null) {
            launcher.close();
        }
        if (sshd != null) {
            sshd.stop(true);
        }
        if (echo != null) {
            echo.close();
        }
    }

    @Test
    void curlGetsHttpsOnThePort() throws Exception {
        String body = run(List.of("curl", "-sS", "--max-time", "10", "-k", "https://127.0.0.1:" + tlsPort + "/index.html"),
                Duration.ofSeconds(20));
        assertEquals("<p>https and ssh on one port</p>\n", body, "launcher log:\n" + launcher.log());
    }

    @Test
    void anSshClientOnTheSamePortReachesTheSshServerThroughTheRawProxy() throws Exception {
        String out = run(ssh("echo hi"), Duration.ofSeconds(30));
        assertEquals("hi\n", out);
    }

    @Test
    void bulkSshTransfersBothWaysPassThroughIntact() throws Exception {
        int size = 8 * 1024 * 1024;
        byte[] upload = new byte[size];
        for (int i = 0; i < size; i++) {
            upload[i] = (byte) (i * 7 + (i >>> 12));
        }
        String sha = sha256(upload);
        String remote = new String(runBytes(ssh("sha256sum"), upload, Duration.ofSeconds(60)), StandardCharsets.US_ASCII);
        assertEquals(sha, remote.split(" ")[0], "what the SSH server received through the proxy");
        byte[] download = runBytes(ssh("head -c " + size + " /dev/zero"), new byte[0], Duration.ofSeconds(60));
        assertEquals(size, download.length, "bytes that came back through the proxy");
    }

    @Test
    void underTheTlsLayerTheProxyRelaysTheDecryptedBytes() throws Exception {
        SSLContext ctx = SSLContext.getInstance("TLS");
        // our own throwaway certificate on loopback: trust it for this test only
        ctx.init(null, new TrustManager[] {new X509TrustManager() {
            @Override
            public void checkClientTrusted(X509Certificate[] chain, String authType) {
            }

            @Override
            public void checkServerTrusted(X509Certificate[] chain, String authType) {
            }

            @Override
            public X509Certificate[] getAcceptedIssuers() {
                return new X509Certificate[0];
            }
        }}, null);
        byte[] payload = new byte[3 * 1024 * 1024 + 5];
        for (int i = 0; i < payload.length; i++) {
            payload[i] = (byte) (i * 13 + (i >>> 9));
        }
        try (SSLSocket s = (SSLSocket) ctx.getSocketFactory().createSocket("127.0.0.1", terminatingPort)) {
            s.setSoTimeout(20_000);
            s.startHandshake();
            InputStream in = s.getInputStream();
            CompletableFuture<byte[]> back = CompletableFuture.supplyAsync(() -> {
                try {
                    return in.readNBytes(payload.length);
                } catch (IOException e) {
                    throw new RuntimeException(e);
                }
            }, THREADS);
            // reading and writing at once: the echo comes back while the rest is still going out
            s.getOutputStream().write(payload);
            s.getOutputStream().flush();
            byte[] got = back.get(30, TimeUnit.SECONDS);
            assertEquals(payload.length, got.length, "bytes echoed back" + log());
            assertEquals(sha256(payload), sha256(got));
        }
    }

    private static String sha256(byte[] data) throws Exception {
        StringBuilder hex = new StringBuilder();
        for (byte b : java.security.MessageDigest.getInstance("SHA-256").digest(data)) {
            hex.append(String.format("%02x", b & 0xff));
        }
        return hex.toString();
    }

    private static List<String> ssh(String command) {
        return List.of("ssh", "-F", "/dev/null", "-p", String.valueOf(tlsPort), "-i", clientKey.toString(),
                "-o", "StrictHostKeyChecking=no", "-o", "UserKnownHostsFile=/dev/null", "-o", "BatchMode=yes",
                "-o", "IdentitiesOnly=yes", "-o", "IdentityAgent=none", "-o", "ConnectTimeout=10",
                "-o", "LogLevel=ERROR", "tester@127.0.0.1", command);
    }

    private static String run(List<String> command, Duration timeout) throws Exception {
        return new String(runBytes(command, new byte[0], timeout), StandardCharsets.UTF_8);
    }

    /** Runs a peer program with {@code input} as its stdin, failing with its stderr and the launcher's log if it fails. */
    private static byte[] runBytes(List<String> command, byte[] input, Duration timeout) throws Exception {
        Process p = new ProcessBuilder(new ArrayList<>(command)).start();
        CompletableFuture<byte[]> out = CompletableFuture.supplyAsync(() -> readAll(p.getInputStream()), THREADS);
        CompletableFuture<byte[]> err = CompletableFuture.supplyAsync(() -> readAll(p.getErrorStream()), THREADS);
        CompletableFuture.runAsync(() -> {
            try (java.io.OutputStream in = p.getOutputStream()) {
                in.write(input);
            } catch (IOException e) {
                // the program exited early: its exit status and stderr tell why
            }
        }, THREADS);
        if (!p.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            p.destroyForcibly().waitFor();
            throw new AssertionError(command.get(0) + " did not finish within " + timeout + ": " + command + log());
        }
        int exit = p.exitValue();
        if (exit != 0) {
            throw new AssertionError(command + " exited " + exit + ": " + new String(err.get(), StandardCharsets.UTF_8) + log());
        }
        return out.get();
    }

    private static String log() {
        return launcher == null ? "" : "\nlauncher log:\n" + launcher.log();
    }

    private static byte[] readAll(InputStream in) {
        try {
            return in.readAllBytes();
        } catch (IOException e) {
            return new byte[0];
        }
    }
}
