package org.lightwire.it.tls;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.Arrays;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509TrustManager;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.lightwire.it.LauncherProcess;
import org.lightwire.it.Net;
import org.lightwire.it.http.Curl;

/**
 * Issue 6 acceptance 1, 2 (half of 3) and 4 against a real launcher, run once per crypto
 * backend by the subclasses: SNI vhosts sharing a port, client certificates, ALPN,
 * redirect-http and allow-http-on-https on TLS ports, and hostile TLS input. Peers are
 * curl, openssl s_client and raw sockets, all over 127.0.0.1.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class TlsSuite {

    private static final Duration START = Duration.ofSeconds(30);

    private TestPki pki;
    private LauncherProcess launcher;
    private int sni;
    private int mtls;
    private int open;
    private int fallback;

    /** The crypto backend the suite runs on: "jca" or "bc". */
    abstract String backend();

    @BeforeAll
    void start() throws Exception {
        Path tmp = Files.createTempDirectory("lightwire-tls-it-" + backend());
        pki = TestPki.create(tmp.resolve("pki"));
        pki.server("srv-a", "a.test", "ca");
        pki.server("srv-b", "b.test", "ca");
        pki.server("srv-m", "mtls.test", "ca");
        pki.server("srv-o", "open.test", "ca");
        pki.client("client-good", "ca");
        pki.client("client-stranger", "stranger-ca");
        for (String site : new String[] {"a", "b", "m", "o"}) {
            Files.createDirectories(tmp.resolve("site-" + site));
            Files.writeString(tmp.resolve("site-" + site).resolve("index.html"), "site " + site + "\n");
        }
        Path plugins = Files.createDirectories(tmp.resolve("plugins"));
        if (backend().equals("bc")) {
            Path bc = LauncherProcess.DIST.resolve("optional/lightwire-crypto-bc-1.0.0.jar");
            if (!Files.isRegularFile(bc)) {
                throw new AssertionError("the distribution lacks " + bc + "; build it with mvn -o install -pl launcher -am");
            }
            Files.copy(bc, plugins.resolve(bc.getFileName()));
        }
        sni = Net.freePort();
        mtls = Net.freePort();
        open = Net.freePort();
        fallback = Net.freePort();
        Path rawTest = Path.of(System.getProperty("lightwire.it.jars", "target/it-jars"), "lightwire-plugin-raw-test.jar");
        if (!Files.isRegularFile(rawTest)) {
            throw new AssertionError("fixture plugin missing at " + rawTest.toAbsolutePath() + " (copied by the it/tests build)");
        }
        Files.copy(rawTest, plugins.resolve(rawTest.getFileName()));
        Path conf = Files.createDirectories(tmp.resolve("conf"));
        Files.writeString(conf.resolve("conf"), """
                { "global": { "count-threads": "2", "crypto-backend": "%1$s", "plugin-dir": "%2$s" },
                  "vhosts": [
                    { "name": "a.test", "port": "%3$d", "interface": "127.0.0.1",
                      "host-ssl-cert": "%4$s/srv-a.crt", "host-ssl-key": "%4$s/srv-a.key",
                      "redirect-http": "1", "tls-handshake-timeout-secs": "5",
                      "mounts": [{ "mountpoint": "/", "origin": "file://%5$s/site-a", "default": "index.html" }] },
                    { "name": "b.test", "port": "%3$d", "interface": "127.0.0.1",
                      "host-ssl-cert": "%4$s/srv-b.crt", "host-ssl-key": "%4$s/srv-b.key", "sts": "1",
                      "mounts": [{ "mountpoint": "/", "origin": "file://%5$s/site-b", "default": "index.html" }] },
                    { "name": "mtls.test", "port": "%6$d", "interface": "127.0.0.1",
                      "host-ssl-cert": "%4$s/srv-m.crt", "host-ssl-key": "%4$s/srv-m.key", "host-ssl-ca": "%4$s/ca.crt",
                      "client-cert-required": "1",
                      "mounts": [{ "mountpoint": "/", "origin": "file://%5$s/site-m", "default": "index.html" }] },
                    { "name": "open.test", "port": "%7$d", "interface": "127.0.0.1",
                      "host-ssl-cert": "%4$s/srv-o.crt", "host-ssl-key": "%4$s/srv-o.key", "allow-http-on-https": "1",
                      "ecdh-curve": "prime256v1",
                      "mounts": [{ "mountpoint": "/", "origin": "file://%5$s/site-o", "default": "index.html" }] },
                    { "name": "fallback.test", "port": "%8$d", "interface": "127.0.0.1",
                      "host-ssl-cert": "%4$s/srv-o.crt", "host-ssl-key": "%4$s/srv-o.key",
                      "fallback-listen-accept": "1", "allow-non-tls": "1",
                      "listen-accept-role": "raw-skt", "listen-accept-protocol": "protocol-lws-raw-test",
                      "ws-protocols": [{ "protocol-lws-raw-test": { "status": "ok" } }],
                      "mounts": [{ "mountpoint": "/", "origin": "file://%5$s/site-o", "default": "index.html" }] }
                  ] }
                """.formatted(backend(), plugins, sni, pki.dir(), tmp, mtls, open, fallback));
        launcher = LauncherProcess.start("--config-dir", conf.toString(), "-d", "15");
        launcher.awaitLine("crypto backend: " + backend() + " ", START);
        launcher.awaitLine("vhost 'fallback.test' listening on", START);
        launcher.awaitLine("vhost 'fallback.test': protocol 'protocol-lws-raw-test' available", START);
        // the first handshake may build the TLS context (a backend bundle that started after core):
        // done here so no test's timing includes it
        https(sni, "a.test");
    }

    @AfterAll
    void stop() throws InterruptedException {
        if (launcher != null) {
            launcher.close();
        }
    }

    private Curl.Result curl(String... args) throws IOException, InterruptedException {
        return Curl.run(args);
    }

    private String https(int port, String host, String... extra) throws IOException, InterruptedException {
        String[] args = concat(new String[] {"--cacert", pki.cert("ca").toString(), "--resolve", host + ":" + port + ":127.0.0.1"},
                extra, new String[] {"https://" + host + ":" + port + "/"});
        Curl.Result r = curl(args);
        assertEquals(0, r.exit(), () -> "curl " + Arrays.toString(args) + ": " + r + "\nlog:\n" + launcher.log());
        return r.text();
    }

    private static String[] concat(String[]... parts) {
        return Arrays.stream(parts).flatMap(Arrays::stream).toArray(String[]::new);
    }

    /** The subject CN of the certificate the server presents for {@code servername} (null: no SNI). */
    private String presentedSubject(int port, String servername) throws IOException, InterruptedException {
        String out = servername == null
                ? TestPki.runAnyExit(null, 20, TestPki.OPENSSL, "s_client", "-connect", "127.0.0.1:" + port, "-noservername")
                : TestPki.runAnyExit(null, 20, TestPki.OPENSSL, "s_client", "-connect", "127.0.0.1:" + port, "-servername", servername);
        for (String line : out.split("\n")) {
            if (line.startsWith("subject=")) {
                return line.substring("subject=".length()).replace("CN = ", "").replace("CN=", "").trim();
            }
        }
        throw new AssertionError("no certificate from s_client:\n" + out);
    }

    // ---- acceptance 1: SNI ----

    @Test
    void curlGetsEachSniVhostsOwnContentOnOnePort() throws Exception {
        assertEquals("site a\n", https(sni, "a.test"));
        assertEquals("site b\n", https(sni, "b.test"));
    }

    @Test
    void stsVhostSendsStrictTransportSecurityOverTls() throws Exception {
        Curl.Result b = curl("--cacert", pki.cert("ca").toString(), "--resolve", "b.test:" + sni + ":127.0.0.1",
                "https://b.test:" + sni + "/");
        assertEquals(0, b.exit(), b::toString);
        assertTrue(b.header("strict-transport-security").orElse("").startsWith("max-age="), b::toString);
        Curl.Result a = curl("--cacert", pki.cert("ca").toString(), "--resolve", "a.test:" + sni + ":127.0.0.1",
                "https://a.test:" + sni + "/");
        assertEquals(0, a.exit(), a::toString);
        assertTrue(a.header("strict-transport-security").isEmpty(), () -> "vhost a has no sts: " + a);
    }

    @Test
    void sniChoosesTheCertificateExactSuffixElseFirst() throws Exception {
        assertEquals("a.test", presentedSubject(sni, "a.test"));
        assertEquals("b.test", presentedSubject(sni, "b.test"));
        assertEquals("b.test", presentedSubject(sni, "www.b.test"));
        assertEquals("a.test", presentedSubject(sni, "unknown.example"));
        assertEquals("a.test", presentedSubject(sni, null));
    }

    @Test
    void alpnNegotiatesHttp11AndAnUnknownOfferGetsNone() throws Exception {
        String both = TestPki.runAnyExit(null, 20, TestPki.OPENSSL, "s_client", "-connect", "127.0.0.1:" + sni,
                "-servername", "a.test", "-alpn", "h2,http/1.1");
        assertTrue(both.contains("ALPN protocol: http/1.1"), both);
        String other = TestPki.runAnyExit(null, 20, TestPki.OPENSSL, "s_client", "-connect", "127.0.0.1:" + sni,
                "-servername", "a.test", "-alpn", "spdy/1");
        assertTrue(other.contains("No ALPN negotiated"), other);
    }

    @Test
    void ecdhCurveRestrictsTheKeyExchangeGroupWhereTheBackendCan() throws Exception {
        // the client prefers X25519; the vhost's ecdh-curve is prime256v1
        String both = TestPki.runAnyExit(null, 20, TestPki.OPENSSL, "s_client", "-connect", "127.0.0.1:" + open,
                "-servername", "open.test", "-groups", "X25519:P-256");
        String x25519Only = TestPki.runAnyExit(null, 20, TestPki.OPENSSL, "s_client", "-connect", "127.0.0.1:" + open,
                "-servername", "open.test", "-groups", "X25519");
        if (backend().equals("bc")) {
            // BCJSSE takes the groups per engine: P-256 is used, and a client with only X25519 finds no common group
            assertTrue(both.contains("prime256v1") || both.contains("secp256r1"), both);
            assertTrue(x25519Only.contains("Cipher is (NONE)"), x25519Only);
        } else {
            // JSSE on Java 17 cannot restrict groups per engine: the client's choice stands, and the backend says so
            assertTrue(both.contains("X25519"), both);
            assertTrue(x25519Only.contains("X25519"), x25519Only);
            assertTrue(launcher.log().contains("cannot be set per connection on Java"), launcher.log());
        }
    }

    // ---- acceptance 1: client certificates ----

    @Test
    void clientCertificateFromTheConfiguredCaIsAccepted() throws Exception {
        assertEquals("site m\n", https(mtls, "mtls.test", "--cert", pki.cert("client-good").toString(),
                "--key", pki.key("client-good").toString()));
    }

    @Test
    void clientCertificateFromAnotherCaIsRefused() throws Exception {
        Curl.Result r = curl("--cacert", pki.cert("ca").toString(), "--resolve", "mtls.test:" + mtls + ":127.0.0.1",
                "--cert", pki.cert("client-stranger").toString(), "--key", pki.key("client-stranger").toString(),
                "https://mtls.test:" + mtls + "/");
        assertNotEquals(0, r.exit(), r::toString);
        assertTrue(!r.text().contains("site m"), r::toString);
        launcher.awaitLine("vhost 'mtls.test'.*TLS failed, closing", START);
    }

    @Test
    void noClientCertificateIsRefused() throws Exception {
        Curl.Result r = curl("--cacert", pki.cert("ca").toString(), "--resolve", "mtls.test:" + mtls + ":127.0.0.1",
                "https://mtls.test:" + mtls + "/");
        assertNotEquals(0, r.exit(), r::toString);
        assertTrue(!r.text().contains("site m"), r::toString);
    }

    // ---- acceptance 3: non-TLS bytes on a TLS port ----

    @Test
    void plainHttpOnTheTlsPortIsRedirectedToHttps() throws Exception {
        Curl.Result r = curl("http://127.0.0.1:" + sni + "/some/page?x=1");
        assertEquals(0, r.exit(), r::toString);
        assertEquals(301, r.status(), r::toString);
        assertEquals("https://127.0.0.1:" + sni + "/some/page?x=1", r.header("location").orElseThrow());
        assertEquals("site a\n", https(sni, "a.test")); // and https on the same port
    }

    @Test
    void plainHttpIsServedWithAllowHttpOnHttps() throws Exception {
        Curl.Result r = curl("http://127.0.0.1:" + open + "/");
        assertEquals(0, r.exit(), r::toString);
        assertEquals("site o\n", r.text());
        assertEquals("site o\n", https(open, "open.test"));
    }

    @Test
    void nonTlsBytesFallBackToTheListenAcceptRoleWhileHttpsWorks() throws Exception {
        // an SSH-like peer speaks first; the raw-test protocol echoes it back
        try (Socket s = connect(fallback)) {
            s.setSoTimeout(5000);
            assertEquals("SSH-2.0-lightwire-test\r\n", Net.roundTrip(s, "SSH-2.0-lightwire-test\r\n"));
            assertEquals("more\n", Net.roundTrip(s, "more\n"));
        }
        Curl.Result r = curl("--cacert", pki.cert("ca").toString(), "--resolve", "open.test:" + fallback + ":127.0.0.1",
                "https://open.test:" + fallback + "/");
        assertEquals(0, r.exit(), r::toString);
        assertEquals("site o\n", r.text());
    }

    // ---- acceptance 4: hostile input ----

    private static boolean closedByServer(Socket s) throws IOException {
        s.setSoTimeout(8000);
        InputStream in = s.getInputStream();
        try {
            while (true) {
                int b = in.read();
                if (b < 0) {
                    return true;
                }
            }
        } catch (SocketTimeoutException e) {
            return false;
        } catch (IOException e) {
            return true; // reset: closed as well
        }
    }

    private static Socket connect(int port) throws IOException {
        Socket s = new Socket();
        s.connect(new InetSocketAddress("127.0.0.1", port), 2000);
        return s;
    }

    /** A real ClientHello (JDK client, SNI a.test) as it goes on the wire. */
    private static byte[] clientHello() throws Exception {
        SSLEngine e = SSLContext.getDefault().createSSLEngine("a.test", 443);
        e.setUseClientMode(true);
        ByteBuffer out = ByteBuffer.allocate(e.getSession().getPacketBufferSize());
        e.wrap(ByteBuffer.allocate(0), out);
        out.flip();
        byte[] hello = new byte[out.remaining()];
        out.get(hello);
        return hello;
    }

    @Test
    void garbageStartingLikeTlsIsDroppedWithALogLine() throws Exception {
        try (Socket s = connect(sni)) {
            OutputStream out = s.getOutputStream();
            // a whole handshake record holding a "ClientHello" of 12 bytes: far too short to be one
            out.write(new byte[] {0x16, 0x03, 0x01, 0x00, 0x10, 0x01, 0x00, 0x00, 0x0c, 'g', 'a', 'r', 'b', 'a', 'g', 'e',
                    0, 0, 0, 0, 0});
            out.flush();
            assertTrue(closedByServer(s));
        }
        launcher.awaitLine("dropped: not a valid TLS ClientHello", START);
        assertEquals("site b\n", https(sni, "b.test"));
    }

    @Test
    void oversizedRecordBeforeTheHandshakeIsDropped() throws Exception {
        try (Socket s = connect(sni)) {
            byte[] header = {0x16, 0x03, 0x01, 0x48, 0x01};
            s.getOutputStream().write(header);
            s.getOutputStream().write(new byte[512]);
            s.getOutputStream().flush();
            assertTrue(closedByServer(s));
        }
        launcher.awaitLine("ClientHello record of 18433 bytes", START);
    }

    @Test
    void truncatedClientHelloThenEndIsDropped() throws Exception {
        byte[] hello = clientHello();
        try (Socket s = connect(sni)) {
            s.getOutputStream().write(hello, 0, hello.length / 2);
            s.getOutputStream().flush();
            s.shutdownOutput();
            assertTrue(closedByServer(s));
        }
        launcher.awaitLine("peer closed after \\d+ bytes, before a whole ClientHello", START);
    }

    @Test
    void slowHandshakeIsDroppedAtTheTimeoutWhileOthersAreServed() throws Exception {
        byte[] hello = clientHello();
        try (Socket slow = connect(sni)) {
            slow.getOutputStream().write(hello, 0, 20);
            slow.getOutputStream().flush();
            // the slow peer holds its connection; others are served meanwhile
            assertEquals("site a\n", https(sni, "a.test"));
            assertTrue(closedByServer(slow), "dropped at tls-handshake-timeout-secs (5 s)");
        }
        launcher.awaitLine("TLS handshake not complete within the timeout", START);
    }

    @Test
    void oversizedRecordAfterTheHandshakeIsDropped() throws Exception {
        try (Socket raw = connect(sni)) {
            SSLContext ctx = SSLContext.getInstance("TLS");
            ctx.init(null, new TrustManager[] {new TrustAll()}, null);
            SSLSocket tls = (SSLSocket) ctx.getSocketFactory().createSocket(raw, "a.test", sni, false);
            tls.startHandshake();
            // a record header claiming 20 KiB of ciphertext, written under the TLS layer
            OutputStream out = raw.getOutputStream();
            out.write(new byte[] {0x17, 0x03, 0x03, 0x50, 0x00});
            out.write(new byte[4096]);
            out.flush();
            assertTrue(closedByServer(raw));
        }
        launcher.awaitLine("TLS failed, closing: .*(oversized|larger|record)", START);
        assertEquals("site a\n", https(sni, "a.test"));
    }

    @Test
    void renegotiationIsRefused() throws Exception {
        // s_client renegotiates when it reads a line "R"; the pause lets the handshake finish first
        String out = TestPki.runAnyExit("R\n".getBytes(StandardCharsets.US_ASCII), 20, "/bin/sh", "-c",
                "(sleep 1; echo R; sleep 2) | " + TestPki.OPENSSL + " s_client -tls1_2 -connect 127.0.0.1:" + sni
                        + " -servername a.test");
        boolean dropped = launcher.log().contains("TLS failed, closing: TLS renegotiation refused");
        boolean declined = out.contains("no renegotiation") || out.contains("alert");
        assertTrue(dropped || declined, () -> "renegotiation went through?\n" + out + "\nlog:\n" + launcher.log());
        assertEquals("site a\n", https(sni, "a.test"));
    }

    /** For the raw test peer only: the server's certificate is not what the test is about. */
    private static final class TrustAll implements X509TrustManager {
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
    }
}
