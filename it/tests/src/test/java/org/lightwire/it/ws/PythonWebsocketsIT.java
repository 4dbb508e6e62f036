package org.lightwire.it.ws;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.lightwire.it.LauncherProcess;

/**
 * Issue 4 acceptance 2 (python part): Debian's python3-websockets 10.4 as a client of
 * Lightwire's server and as the server Lightwire's client talks to, with and without
 * permessage-deflate (websockets negotiates it by default and also asks for smaller
 * windows, which exercises our window-size decisions).
 */
class PythonWebsocketsIT {

    /** A websockets client: edge-size text and binary messages, ping, fragments, then a clean close. */
    private static final String CLIENT = """
            import asyncio, sys, websockets
            port, compression = int(sys.argv[1]), (None if sys.argv[2] == "none" else "deflate")
            async def main():
                async with websockets.connect(f"ws://127.0.0.1:{port}/", compression=compression, max_size=None) as ws:
                    print("extensions", ws.response_headers.get("Sec-WebSocket-Extensions"), flush=True)
                    for m in ["hello", "", b"", "a" * 125, b"b" * 126, b"\\x00" * 65535, bytes(range(256)) * 256,
                              "h\\u00e9llo \\u2713 \\U0001d11e", "x" * 20000, bytes(1 << 20)]:
                        await ws.send(m)
                        got = await ws.recv()
                        assert got == m, f"echo of {len(m)} differs ({len(got)})"
                    await ws.send(["frag", "ment", "ed"])
                    assert await ws.recv() == "fragmented"
                    pong = await ws.ping(b"are you there")
                    await asyncio.wait_for(pong, 5)
                    await ws.close(1000, "done")
                    assert ws.close_code == 1000, ws.close_code
                print("client-ok", flush=True)
            asyncio.run(main())
            """;

    /** A websockets echo server offering subprotocol "lightwire-echo". */
    private static final String SERVER = """
            import asyncio, sys, websockets
            port, compression = int(sys.argv[1]), (None if sys.argv[2] == "none" else "deflate")
            async def echo(ws):
                print("connected", ws.subprotocol, ws.request_headers.get("Sec-WebSocket-Extensions"), flush=True)
                async for m in ws:
                    await ws.send(m)
                print("closed", ws.close_code, flush=True)
            async def main():
                async with websockets.serve(echo, "127.0.0.1", port, subprotocols=["lightwire-echo"],
                                            compression=compression, max_size=None):
                    print("listening", flush=True)
                    await asyncio.Future()
            asyncio.run(main())
            """;

    @ParameterizedTest(name = "compression {0}")
    @ValueSource(strings = {"deflate", "none"})
    void pythonClientIsServedByLightwire(String compression, @TempDir Path tmp) throws Exception {
        WsProcess.requirePythonWebsockets(tmp);
        Path script = Files.writeString(tmp.resolve("client.py"), CLIENT);
        int port = WsSetup.freePort();
        Path conf = WsSetup.config(tmp, "", WsSetup.echoVhost(port, ""));
        try (LauncherProcess launcher = WsSetup.start(conf, "lightwire-ws-echo");
                WsProcess client = WsProcess.start(tmp, "client", List.of(WsProcess.PYTHON.toString(),
                        script.toString(), String.valueOf(port), compression))) {
            int status = client.awaitExit(Duration.ofSeconds(60));
            String out = client.output();
            assertEquals(0, status, out + "\nlog:\n" + launcher.log());
            assertTrue(out.contains("client-ok"), out);
            if (compression.equals("deflate")) {
                assertTrue(out.contains("extensions permessage-deflate"), out);
            } else {
                assertTrue(out.contains("extensions None"), out);
            }
        }
    }

    @ParameterizedTest(name = "compression {0}")
    @ValueSource(strings = {"deflate", "none"})
    void lightwireClientTalksToPythonServer(String compression, @TempDir Path tmp) throws Exception {
        WsProcess.requirePythonWebsockets(tmp);
        Path script = Files.writeString(tmp.resolve("server.py"), SERVER);
        int pyPort = WsSetup.freePort();
        Path report = tmp.resolve("report");
        try (WsProcess server = WsProcess.start(tmp, "server", List.of(WsProcess.PYTHON.toString(), script.toString(),
                String.valueOf(pyPort), compression))) {
            server.awaitOutput("listening", Duration.ofSeconds(30));
            Path conf = WsSetup.config(tmp, "", WsSetup.probeVhost("probe", WsSetup.freePort(),
                    "\"connect-port\": \"" + pyPort + "\", \"subprotocol\": \"other,lightwire-echo\", \"mode\": \"echo\","
                            + " \"report\": \"" + report + "\""));
            try (LauncherProcess launcher = WsSetup.start(conf, "lightwire-ws-client-probe")) {
                String established = WsSetup.awaitReport(report, "established", Duration.ofSeconds(30), launcher);
                assertTrue(established.startsWith("established subprotocol=lightwire-echo"), established);
                String ok = WsSetup.awaitReport(report, "echo-", Duration.ofSeconds(60), launcher);
                assertTrue(ok.startsWith("echo-ok"), ok);
                if (compression.equals("deflate")) {
                    // websockets asks for a 2^12 server window: we inflate any window, so we accept it
                    assertTrue(ok.contains("permessage-deflate"), ok);
                } else {
                    assertEquals("echo-ok extensions=", ok);
                }
                WsSetup.awaitReport(report, "closed", Duration.ofSeconds(30), launcher);
                server.awaitOutput("closed 1000", Duration.ofSeconds(30));
            }
        }
    }

    @Test
    void pythonWebsocketsIsTheDebianPackage(@TempDir Path tmp) throws Exception {
        WsProcess.requirePythonWebsockets(tmp);
    }
}
