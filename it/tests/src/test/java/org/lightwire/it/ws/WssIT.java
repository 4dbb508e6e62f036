package org.lightwire.it.ws;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.lightwire.it.LauncherProcess;
import org.lightwire.it.tls.TestPki;

/**
 * WebSocket over TLS (wss: in lws, a vhost with {@code ssl_cert_filepath} serving ws
 * protocols, and a client connecting with {@code LCCSCF_USE_SSL}) against real peers over 127.0.0.1:
 * Debian's python3-websockets 10.4 as a wss client of a Lightwire TLS vhost serving
 * "lightwire-ws-echo", and as the wss server Lightwire's ws client (the fixture's client
 * probe with pvo {@code tls}) talks to. The certificates come from a test CA made with
 * openssl; it is in no trust store, so trusting it is always explicit (python's
 * {@code cafile}, the probe vhost's {@code enable-client-ssl} + {@code client-ssl-ca}).
 */
class WssIT {

    /**
     * A websockets wss client trusting {@code cafile}: edge-size text and binary messages,
     * fragments, ping, clean close. Prints the TLS version and the agreed extensions.
     */
    private static final String ECHO_CLIENT = """
            import asyncio, ssl, sys, websockets
            port, compression, cafile = int(sys.argv[1]), (None if sys.argv[2] == "none" else "deflate"), sys.argv[3]
            async def main():
                ctx = ssl.create_default_context(cafile=cafile)
                async with websockets.connect(f"wss://127.0.0.1:{port}/", ssl=ctx, compression=compression,
                                              max_size=None) as ws:
                    print("tls", ws.transport.get_extra_info("ssl_object").version(), flush=True)
                    print("extensions", ws.response_headers.get("Sec-WebSocket-Extensions"), flush=True)
                    for m in ["hello", "", b"", "a" * 125, b"b" * 126, b"\\x00" * 65535, bytes(range(256)) * 256,
                              "h\\u00e9llo \\u2713 \\U0001d11e", "x" * 20000, bytes(1 << 20)]:
                        await ws.send(m)
                        got = await ws.recv()
                        assert got == m, f"echo of {len(m)} differs ({len(got)})"
                        assert type(got) == type(m), f"echo of a {type(m)} came back as {type(got)}"
                    await ws.send(["frag", "ment", "ed"])
                    assert await ws.recv() == "fragmented"
                    pong = await ws.ping(b"are you there")
                    await asyncio.wait_for(pong, 5)
                    await ws.close(1000, "done")
                    assert ws.close_code == 1000, ws.close_code
                print("client-ok", flush=True)
            asyncio.run(main())
            """;

    /**
     * One trusted connection stays open while a client that trusts only the system store
     * (not the test CA) tries to connect; the trusted connection goes on and a new trusted
     * connection is served after the refusal.
     */
    private static final String UNTRUSTING_CLIENT = """
            import asyncio, ssl, sys, websockets
            port, cafile = int(sys.argv[1]), sys.argv[2]
            url = f"wss://127.0.0.1:{port}/"
            async def echo(ws, m):
                await ws.send(m)
                got = await ws.recv()
                assert got == m, f"echo of {m!r} came back as {got!r}"
            async def main():
                trusted = ssl.create_default_context(cafile=cafile)
                async with websockets.connect(url, ssl=trusted) as first:
                    await echo(first, "before")
                    print("first-echo-ok", flush=True)
                    try:
                        async with websockets.connect(url, ssl=ssl.create_default_context()) as stranger:
                            print("untrusted-accepted", flush=True)
                            sys.exit(1)
                    except ssl.SSLCertVerificationError as e:
                        print("refused", e.verify_code, e.verify_message, flush=True)
                    await echo(first, b"after the refusal")
                    print("first-still-ok", flush=True)
                    async with websockets.connect(url, ssl=trusted) as second:
                        await echo(second, "a new connection")
                        print("second-ok", flush=True)
                print("client-ok", flush=True)
            asyncio.run(main())
            """;

    /**
     * Two websockets wss echo servers in one process, each with its own certificate; prints
     * the TLS version of each connection and its close code.
     */
    private static final String SERVERS = """
            import asyncio, ssl, sys, websockets
            async def echo(ws):
                port = ws.local_address[1]
                print("connected", port, ws.transport.get_extra_info("ssl_object").version(), ws.subprotocol,
                      ws.request_headers.get("Sec-WebSocket-Extensions"), flush=True)
                async for m in ws:
                    await ws.send(m)
                print("closed", port, ws.close_code, flush=True)
            def context(cert, key):
                ctx = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
                ctx.load_cert_chain(cert, key)
                return ctx
            async def main():
                a = int(sys.argv[1]), context(sys.argv[2], sys.argv[3])
                b = int(sys.argv[4]), context(sys.argv[5], sys.argv[6])
                async with websockets.serve(echo, "127.0.0.1", a[0], ssl=a[1], subprotocols=["lightwire-echo"],
                                            max_size=None), \\
                           websockets.serve(echo, "127.0.0.1", b[0], ssl=b[1], subprotocols=["lightwire-echo"],
                                            max_size=None):
                    print("listening", flush=True)
                    await asyncio.Future()
            asyncio.run(main())
            """;

    @ParameterizedTest(name = "compression {0}")
    @ValueSource(strings = {"deflate", "none"})
    void pythonWssClientIsEchoedByATlsVhost(String compression, @TempDir Path tmp) throws Exception {
        WsProcess.requirePythonWebsockets(tmp);
        TestPki pki = TestPki.create(tmp.resolve("pki"));
        pki.server("srv", "localhost", "ca", "DNS:localhost,IP:127.0.0.1");
        Path script = Files.writeString(tmp.resolve("client.py"), ECHO_CLIENT);
        int port = WsSetup.freePort();
        try (LauncherProcess launcher = startTlsEcho(tmp, pki, port);
                WsProcess client = WsProcess.start(tmp, "client", List.of(WsProcess.PYTHON.toString(),
                        script.toString(), String.valueOf(port), compression, pki.cert("ca").toString()))) {
            int status = client.awaitExit(Duration.ofSeconds(60));
            String out = client.output();
            assertEquals(0, status, out + "\nlog:\n" + launcher.log());
            assertTrue(out.contains("client-ok"), out);
            assertTrue(out.contains("tls TLSv1."), out);
            if (compression.equals("deflate")) {
                assertTrue(out.contains("extensions permessage-deflate"), out);
            } else {
                assertTrue(out.contains("extensions None"), out);
            }
        }
    }

    @Test
    void aClientNotTrustingTheCaFailsTheHandshakeWhileTheServerKeepsServing(@TempDir Path tmp) throws Exception {
        WsProcess.requirePythonWebsockets(tmp);
        TestPki pki = TestPki.create(tmp.resolve("pki"));
        pki.server("srv", "localhost", "ca", "DNS:localhost,IP:127.0.0.1");
        Path script = Files.writeString(tmp.resolve("client.py"), UNTRUSTING_CLIENT);
        int port = WsSetup.freePort();
        try (LauncherProcess launcher = startTlsEcho(tmp, pki, port);
                WsProcess client = WsProcess.start(tmp, "client", List.of(WsProcess.PYTHON.toString(),
                        script.toString(), String.valueOf(port), pki.cert("ca").toString()))) {
            int status = client.awaitExit(Duration.ofSeconds(60));
            String out = client.output();
            assertEquals(0, status, out + "\nlog:\n" + launcher.log());
            // OpenSSL's X509_V_ERR_UNABLE_TO_GET_ISSUER_CERT_LOCALLY (20): the test CA is in no system store
            assertTrue(out.contains("refused 20 unable to get local issuer certificate"), out);
            assertTrue(out.contains("first-still-ok") && out.contains("second-ok") && out.contains("client-ok"), out);
            // the server saw that one connection's handshake fail and closed only it (python's asyncio drops
            // the TCP connection without flushing OpenSSL's alert, so the log says the peer closed mid-handshake)
            launcher.awaitLine("connection #\\d+ /127\\.0\\.0\\.1:\\d+: TLS failed, closing", Duration.ofSeconds(10));
            assertTrue(launcher.isAlive(), launcher.log());
        }
    }

    @Test
    void lightwireWssClientEchoesWithATrustedServerAndRefusesOtherNamesAndUnknownCas(@TempDir Path tmp)
            throws Exception {
        WsProcess.requirePythonWebsockets(tmp);
        TestPki pki = TestPki.create(tmp.resolve("pki"));
        pki.server("srv", "localhost", "ca", "DNS:localhost,IP:127.0.0.1");
        // signed by the same trusted CA, but for another name only: just the hostname check can refuse it
        pki.server("other", "other.test", "ca", "DNS:other.test");
        Path script = Files.writeString(tmp.resolve("servers.py"), SERVERS);
        int good = WsSetup.freePort();
        int otherName = WsSetup.freePort();
        try (WsProcess servers = WsProcess.start(tmp, "servers", List.of(WsProcess.PYTHON.toString(),
                script.toString(), String.valueOf(good), pki.cert("srv").toString(), pki.key("srv").toString(),
                String.valueOf(otherName), pki.cert("other").toString(), pki.key("other").toString()))) {
            servers.awaitOutput("listening", Duration.ofSeconds(30));
            Path trusted = tmp.resolve("trusted.report");
            Path wrongName = tmp.resolve("wrong-name.report");
            Path skipName = tmp.resolve("skip-name.report");
            Path jdkTrust = tmp.resolve("jdk-trust.report");
            String trust = "\"enable-client-ssl\": \"1\", \"client-ssl-ca\": \"" + pki.cert("ca") + "\"";
            Path conf = WsSetup.config(tmp, "",
                    probe("trusted", trust, good, "", trusted),
                    probe("wrong-name", trust, otherName, "", wrongName),
                    probe("skip-name", trust, otherName, "SKIP_HOSTNAME_CHECK", skipName),
                    probe("jdk-trust", "", good, "", jdkTrust));
            try (LauncherProcess launcher = WsSetup.start(conf, "lightwire-ws-client-probe")) {
                // trusted CA, certificate naming 127.0.0.1: the whole echo script over TLS
                String established = WsSetup.awaitReport(trusted, "established", Duration.ofSeconds(30), launcher);
                assertTrue(established.startsWith("established subprotocol=lightwire-echo"), established);
                String ok = WsSetup.awaitReport(trusted, "echo-", Duration.ofSeconds(60), launcher);
                assertTrue(ok.startsWith("echo-ok"), ok);
                WsSetup.awaitReport(trusted, "closed", Duration.ofSeconds(30), launcher);
                servers.awaitOutput("connected " + good + " TLSv1.", Duration.ofSeconds(10));
                servers.awaitOutput("closed " + good + " 1000", Duration.ofSeconds(30));

                // trusted CA, certificate for other.test only: the hostname check (on by default) refuses it
                String refused = WsSetup.awaitReport(wrongName, "connect-failed", Duration.ofSeconds(60), launcher);
                assertTrue(refused.contains("SSLHandshakeException") && refused.contains("127.0.0.1"), refused);
                assertNoLine(wrongName, "established");

                // the same server with the check skipped is served: the refusal was the name, not the chain
                String skipped = WsSetup.awaitReport(skipName, "echo-", Duration.ofSeconds(60), launcher);
                assertTrue(skipped.startsWith("echo-ok"), skipped);

                // no client-ssl-ca: the JDK trust store does not know the test CA
                String unknownCa = WsSetup.awaitReport(jdkTrust, "connect-failed", Duration.ofSeconds(60), launcher);
                assertTrue(unknownCa.contains("certification path") || unknownCa.contains("PKIX"), unknownCa);
                assertNoLine(jdkTrust, "established");
                assertTrue(launcher.isAlive(), launcher.log());
            }
        }
    }

    /** A TLS vhost on 127.0.0.1:{@code port} with the test certificate, the echo its default ws protocol. */
    private static LauncherProcess startTlsEcho(Path tmp, TestPki pki, int port) throws IOException, InterruptedException {
        String vhost = """
                { "name": "localhost", "port": "%d", "interface": "127.0.0.1",
                  "host-ssl-cert": "%s", "host-ssl-key": "%s",
                  "ws-protocols": [{ "lightwire-ws-echo": { "status": "ok", "default": "1" } }] }"""
                .formatted(port, pki.cert("srv"), pki.key("srv"));
        Path conf = WsSetup.config(tmp, "", vhost);
        // -d 15: INFO, where a connection's TLS failure is logged
        LauncherProcess launcher = LauncherProcess.start("--config-dir", conf.toString(), "-d", "15");
        launcher.awaitLine("protocol 'lightwire-ws-echo' available", WsSetup.START);
        launcher.awaitLine("vhost 'localhost' listening on", WsSetup.START);
        return launcher;
    }

    /** A plain vhost whose client probe runs the echo script over wss to {@code connectPort}. */
    private static String probe(String name, String trustKeys, int connectPort, String tlsOptions, Path report)
            throws IOException {
        return """
                { "name": "%s", "port": "%d", "interface": "127.0.0.1"%s,
                  "ws-protocols": [{ "lightwire-ws-client-probe": { "status": "ok", "connect-port": "%d", "tls": "1",
                    "tls-options": "%s", "subprotocol": "lightwire-echo", "mode": "echo", "report": "%s" } }] }"""
                .formatted(name, WsSetup.freePort(), trustKeys.isEmpty() ? "" : ", " + trustKeys, connectPort,
                        tlsOptions, report);
    }

    private static void assertNoLine(Path report, String prefix) throws IOException {
        List<String> lines = Files.readAllLines(report);
        assertTrue(lines.stream().noneMatch(l -> l.startsWith(prefix)), lines.toString());
    }
}
