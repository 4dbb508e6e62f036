package org.lightwire.role.ws;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.lightwire.api.ClientRequest;

/**
 * Compressed fragmented messages against an independent implementation: Debian's
 * python3-websockets (10.4, {@code /usr/bin/python3}, the same the integration tests use)
 * receives messages our client and our server stream in fragments with permessage-deflate,
 * with and without context takeover ({@link FragmentedDeflateTest}'s message). Loopback only.
 */
class PythonWebsocketsInteropIT {

    /** A websockets server printing the extensions it agreed and the two messages it receives. */
    private static final String SERVER = """
            import asyncio, sys, websockets
            from websockets.extensions.permessage_deflate import ServerPerMessageDeflateFactory
            fresh = sys.argv[1] == "no-takeover"
            factory = ServerPerMessageDeflateFactory(server_no_context_takeover=fresh, client_no_context_takeover=fresh)
            async def receive(ws):
                print("extensions", ws.response_headers.get("Sec-WebSocket-Extensions"), flush=True)
                for _ in range(2):
                    print("message", await ws.recv(), flush=True)
            async def main():
                async with websockets.serve(receive, "127.0.0.1", 0, compression=None, extensions=[factory]) as server:
                    print("port", server.sockets[0].getsockname()[1], flush=True)
                    await asyncio.Future()
            asyncio.run(main())
            """;

    /** A websockets client printing the extensions it agreed and the two messages it receives. */
    private static final String CLIENT = """
            import asyncio, sys, websockets
            async def main():
                async with websockets.connect(f"ws://127.0.0.1:{sys.argv[1]}/", close_timeout=1) as ws:
                    print("extensions", ws.response_headers.get("Sec-WebSocket-Extensions"), flush=True)
                    for _ in range(2):
                        print("message", await ws.recv(), flush=True)
            asyncio.run(main())
            """;

    /** One python process and the lines it prints. */
    private static final class Python implements AutoCloseable {
        private final Process process;
        private final BlockingQueue<String> lines = new LinkedBlockingQueue<>();

        Python(Path dir, String script, String... args) throws IOException {
            Path file = dir.resolve("script.py");
            Files.writeString(file, script);
            List<String> command = new java.util.ArrayList<>(List.of("/usr/bin/python3", file.toString()));
            command.addAll(List.of(args));
            process = new ProcessBuilder(command).redirectErrorStream(true).start();
            Thread reader = new Thread(() -> {
                try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getInputStream(),
                        StandardCharsets.UTF_8))) {
                    in.lines().forEach(lines::add);
                } catch (IOException ignored) {
                    // the process ended
                }
            }, "python-output");
            reader.setDaemon(true);
            reader.start();
        }

        /** The next line printed, which must start with {@code prefix}; returns the rest. */
        String expect(String prefix) throws InterruptedException {
            String line = lines.poll(10, TimeUnit.SECONDS);
            if (line == null || !line.startsWith(prefix + " ")) {
                throw new AssertionError("python printed " + line + " instead of '" + prefix + " ...' (is Debian's"
                        + " python3-websockets installed?); more: " + lines);
            }
            return line.substring(prefix.length() + 1);
        }

        @Override
        public void close() {
            process.destroy();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"takeover", "no-takeover"})
    void pythonServerReceivesOurClientsCompressedFragments(String mode, @TempDir Path dir) throws Exception {
        try (Python python = new Python(dir, SERVER, mode); WsTestServer client = WsTestServer.create()) {
            int port = Integer.parseInt(python.expect("port"));
            client.connection.run(() -> client.connection.context().vhosts().get(0).connect(ClientRequest
                    .builder("127.0.0.1", port).role("ws").protocol("chat").build()));
            ClientTest.drive(client, () -> !client.chat.events("established").isEmpty());
            String agreed = python.expect("extensions");
            assertTrue(agreed.startsWith("permessage-deflate"), agreed);
            assertEquals(mode.equals("no-takeover"), agreed.contains("client_no_context_takeover"), agreed);

            FragmentedDeflateTest.streamMessage(client.chat);
            FragmentedDeflateTest.streamMessage(client.chat);
            ClientTest.drive(client, () -> client.chat.writes.isEmpty());
            assertEquals(FragmentedDeflateTest.MESSAGE, python.expect("message"));
            assertEquals(FragmentedDeflateTest.MESSAGE, python.expect("message"));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"permessage-deflate", FragmentedDeflateTest.NO_TAKEOVER})
    void pythonClientReceivesOurServersCompressedFragments(String agreed, @TempDir Path dir) throws Exception {
        try (WsTestServer sender = WsTestServer.create()) {
            String head = sender.upgrade("Sec-WebSocket-Extensions: " + agreed + "\r\n");
            assertTrue(head.contains("\r\nSec-WebSocket-Extensions: " + agreed + "\r\n"), head);
            FragmentedDeflateTest.streamMessage(sender.chat);
            FragmentedDeflateTest.streamMessage(sender.chat);
            byte[] frames = Peer.serverBytes(sender.frames());
            // the python client meets our server's frames behind a 101 agreeing the same parameters
            try (ScriptedServer server = new ScriptedServer(r -> Peer.concat(ClientTest.ok(r,
                    "Sec-WebSocket-Extensions: " + agreed + "\r\n").getBytes(StandardCharsets.ISO_8859_1), frames));
                    Python python = new Python(dir, CLIENT, String.valueOf(server.port()))) {
                assertEquals(agreed, python.expect("extensions"));
                assertEquals(FragmentedDeflateTest.MESSAGE, python.expect("message"));
                assertEquals(FragmentedDeflateTest.MESSAGE, python.expect("message"));
            }
        }
    }
}
