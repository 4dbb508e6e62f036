package org.lightwire.role.rawproxy;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;
import org.lightwire.api.Connection;
import org.lightwire.api.Options;
import org.lightwire.api.Protocol;
import org.lightwire.api.ProtocolProvider;
import org.lightwire.api.Vhost;
import org.lightwire.api.raw.RawProtocol;
import org.lightwire.api.raw.RawSession;
import org.lightwire.core.embedded.EmbeddedConnection;
import org.lightwire.spi.Role;
import org.lightwire.spi.RoleBinding;
import org.lightwire.spi.RoleHandler;
import org.lightwire.spi.RoleSwitch;

/**
 * The role and protocol in core's in-memory harness: the accepted side is in memory, the
 * onward side a real loopback socket to a server this test runs.
 */
class RawProxyRoleTest {

    private static final long DEADLINE_MILLIS = 10_000;

    private static Options onward(String value) {
        return Options.builder().add("onward", value).build();
    }

    /** Drives the hand-driven loop until {@code done}; the onward socket is real, so this polls. */
    private static void pump(EmbeddedConnection c, BooleanSupplier done, String what) {
        long end = System.currentTimeMillis() + DEADLINE_MILLIS;
        while (!done.getAsBoolean()) {
            if (System.currentTimeMillis() > end) {
                throw new AssertionError("timed out waiting for: " + what);
            }
            c.runPending();
            try {
                Thread.sleep(2); // polling the real onward socket, which the harness loop only sees with selectNow
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }

    /** Accepts the proxy's onward connection, driving the loop meanwhile (it resolves and dials asynchronously). */
    private static Socket acceptOnward(EmbeddedConnection c, ServerSocketChannel server) throws IOException {
        SocketChannel[] accepted = new SocketChannel[1];
        pump(c, () -> {
            try {
                accepted[0] = server.accept();
            } catch (IOException e) {
                throw new AssertionError(e);
            }
            return accepted[0] != null;
        }, "the onward connection");
        accepted[0].configureBlocking(true);
        Socket s = accepted[0].socket();
        s.setSoTimeout(5); // short: reads below poll while the test drives the loop
        return s;
    }

    private static ServerSocketChannel listen() throws IOException {
        ServerSocketChannel server = ServerSocketChannel.open();
        server.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 1);
        server.configureBlocking(false);
        return server;
    }

    private static int port(ServerSocketChannel server) throws IOException {
        return ((InetSocketAddress) server.getLocalAddress()).getPort();
    }

    @Test
    void roleAndProtocolHaveTheLwsNames() {
        assertEquals("raw-proxy", new RawProxyRole().name());
        assertEquals("raw-proxy", new RawProxyProvider().name());
    }

    @Test
    void relaysBothWaysThroughARealOnwardSocket() throws Exception {
        try (ServerSocketChannel server = listen();
                EmbeddedConnection c = EmbeddedConnection.builder(new RawProxyRole(), new RawProxyProvider())
                        .options(onward("ipv4:127.0.0.1:" + port(server))).build()) {
            c.writeInbound("early");
            try (Socket upstream = acceptOnward(c, server)) {
                InputStream in = upstream.getInputStream();
                ByteArrayOutputStream got = new ByteArrayOutputStream();
                pump(c, () -> readAvailable(in, got) && got.size() >= 5, "bytes sent before the onward connection was up");
                assertEquals("early", got.toString(StandardCharsets.US_ASCII));

                upstream.getOutputStream().write("welcome".getBytes(StandardCharsets.US_ASCII));
                ByteArrayOutputStream down = new ByteArrayOutputStream();
                pump(c, () -> { down.writeBytes(c.readOutbound()); return down.size() >= 7; }, "the onward answer");
                assertEquals("welcome", down.toString(StandardCharsets.US_ASCII));

                // the client half-closes: the onward side reads the end of stream, the answer still comes back
                c.writeInbound("bye");
                c.endInbound();
                got.reset();
                pump(c, () -> readUntilEnd(in, got), "end of stream passed on");
                assertEquals("bye", got.toString(StandardCharsets.US_ASCII));
                assertTrue(c.isOpen(), "half-closed, still open for the answer");

                upstream.getOutputStream().write("late answer".getBytes(StandardCharsets.US_ASCII));
                upstream.shutdownOutput();
                down.reset();
                pump(c, () -> { down.writeBytes(c.readOutbound()); return !c.isOpen(); }, "both directions ended");
                assertEquals("late answer", down.toString(StandardCharsets.US_ASCII));
            }
        }
    }

    @Test
    void aSlowClientStillGetsEveryByteInOrder() throws Exception {
        byte[] payload = new byte[3 * 1024 * 1024 + 17];
        for (int i = 0; i < payload.length; i++) {
            payload[i] = (byte) (i * 31 + (i >>> 11));
        }
        try (ServerSocketChannel server = listen();
                EmbeddedConnection c = EmbeddedConnection.builder(new RawProxyRole(), new RawProxyProvider())
                        .options(onward("ipv4:127.0.0.1:" + port(server))).build()) {
            c.limitOutbound(1000); // the client reads 1000 bytes, then stops
            try (Socket upstream = acceptOnward(c, server)) {
                Thread writer = new Thread(() -> {
                    try {
                        upstream.getOutputStream().write(payload);
                        upstream.shutdownOutput();
                    } catch (IOException ignored) {
                        // the assertion below reports missing bytes
                    }
                });
                writer.start();
                ByteArrayOutputStream down = new ByteArrayOutputStream();
                pump(c, () -> { down.writeBytes(c.readOutbound()); return down.size() >= 1000; }, "the first 1000 bytes");
                assertTrue(c.writeInterest(), "the stalled client leaves output pending");
                pump(c, () -> { c.refillOutbound(8192); down.writeBytes(c.readOutbound()); return c.outputShut(); },
                        "the rest, 8 KiB per pass, then the end of stream");
                writer.join(DEADLINE_MILLIS);
                assertArrayEquals(payload, down.toByteArray());
                assertTrue(c.isOpen(), "the client has not ended its side: the connection stays half-closed");
            }
        }
    }

    /**
     * A role named "raw-proxy" whose first connection starts in a stand-in for another role
     * (as an http(s) role would before handing over) and switches to the real raw-proxy
     * role with the bytes it had read: lws' role transition, what fallback does.
     */
    private static final class HandOverRole implements Role {
        private final RawProxyRole real = new RawProxyRole();
        private boolean first = true;

        @Override
        public String name() {
            return RawProxyRole.NAME;
        }

        @Override
        public RoleHandler bind(RoleBinding binding) {
            if (!first || binding.connection().isClient()) {
                return real.bind(binding);
            }
            first = false;
            return new RoleHandler() {
                @Override
                public void opened() {
                }

                @Override
                public void received(ByteBuffer data) {
                    ByteBuffer leftover = ByteBuffer.allocate(data.remaining());
                    leftover.put(data).flip();
                    assertTrue(binding.switchRole(RawProxyRole.NAME, new RoleSwitch("stand-in", Optional.empty(), leftover)));
                }

                @Override
                public void writeable() {
                }

                @Override
                public void write(ByteBuffer data) {
                    binding.send(data);
                }

                @Override
                public void closed() {
                }
            };
        }
    }

    @Test
    void aConnectionHandedOverByAnotherRoleRelaysTheBytesThatRoleHadRead() throws Exception {
        try (ServerSocketChannel server = listen();
                EmbeddedConnection c = EmbeddedConnection.builder(new HandOverRole(), new RawProxyProvider())
                        .options(onward("ipv4:127.0.0.1:" + port(server))).build()) {
            c.writeInbound("SSH-2.0-OpenSSH_9.2\r\n");
            try (Socket upstream = acceptOnward(c, server)) {
                InputStream in = upstream.getInputStream();
                ByteArrayOutputStream got = new ByteArrayOutputStream();
                pump(c, () -> readAvailable(in, got) && got.size() >= 21, "the handed-over bytes");
                assertEquals("SSH-2.0-OpenSSH_9.2\r\n", got.toString(StandardCharsets.US_ASCII));
                c.writeInbound("more");
                got.reset();
                pump(c, () -> readAvailable(in, got) && got.size() >= 4, "later bytes");
                assertEquals("more", got.toString(StandardCharsets.US_ASCII));
            }
        }
    }

    @Test
    void onwardConnectFailureClosesTheAcceptedConnection() throws Exception {
        int closedPort;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = s.getLocalPort();
        }
        try (EmbeddedConnection c = EmbeddedConnection.builder(new RawProxyRole(), new RawProxyProvider())
                .options(onward("ipv4:127.0.0.1:" + closedPort)).build()) {
            c.writeInbound("SSH-2.0-client\r\n");
            pump(c, () -> !c.isOpen(), "the accepted side to close");
            assertTrue(c.transportClosed());
            assertEquals(0, c.readOutbound().length);
        }
    }

    @Test
    void aVhostWithoutOnwardRefusesConnections() {
        try (EmbeddedConnection c = EmbeddedConnection.builder(new RawProxyRole(), new RawProxyProvider()).build()) {
            assertFalse(c.isOpen());
            assertTrue(c.transportClosed());
        }
    }

    @Test
    void malformedOnwardOrDrainTimeoutFailsTheProtocolNamingTheVhost() {
        try (EmbeddedConnection c = EmbeddedConnection.builder(new RawProxyRole(), new RawProxyProvider()).build()) {
            Vhost vhost = c.connection().vhost();
            OnwardFormatException e = assertThrows(OnwardFormatException.class,
                    () -> new RawProxyProvider().create(vhost, onward("ipv4:999.1.1.1:22")));
            assertTrue(e.getMessage().contains("vhost 'embedded'"), e.getMessage());
            IllegalArgumentException d = assertThrows(IllegalArgumentException.class, () -> new RawProxyProvider()
                    .create(vhost, Options.builder().add("onward", "ipv4:127.0.0.1").add("drain-timeout-secs", "0").build()));
            assertTrue(d.getMessage().contains("drain-timeout-secs"), d.getMessage());
            assertThrows(IllegalArgumentException.class, () -> new RawProxyProvider()
                    .create(vhost, Options.builder().add("onward", "ipv4:127.0.0.1").add("drain-timeout-secs", "x").build()));
        }
    }

    @Test
    void theProxyProtocolRefusesOtherRoles() {
        try (EmbeddedConnection c = EmbeddedConnection.builder(new RawProxyRole(), new RawProxyProvider()).build()) {
            RawProtocol p = (RawProtocol) new RawProxyProvider().create(c.connection().vhost(), onward("ipv4:127.0.0.1"));
            Connection other = c.connection();
            org.lightwire.api.LightwireException e = assertThrows(org.lightwire.api.LightwireException.class,
                    () -> p.newSession(other));
            assertTrue(e.getMessage().contains("\"listen-accept-role\": \"raw-proxy\""), e.getMessage());
        }
    }

    @Test
    void withAnotherRawProtocolTheRoleBehavesLikeRawSkt() {
        ProtocolProvider echo = new ProtocolProvider() {
            @Override
            public String name() {
                return "echo";
            }

            @Override
            public Protocol create(Vhost vhost, Options options) {
                return (RawProtocol) connection -> new RawSession() {
                    private final ByteBuffer held = ByteBuffer.allocate(4096);

                    @Override
                    public void received(Connection conn, ByteBuffer data) {
                        held.put(data);
                        conn.requestWriteable();
                    }

                    @Override
                    public void writeable(Connection conn) {
                        held.flip();
                        conn.write(held);
                        held.clear();
                    }
                };
            }
        };
        try (EmbeddedConnection c = EmbeddedConnection.builder(new RawProxyRole(), echo).build()) {
            c.writeInbound("ping");
            assertEquals("ping", c.readOutboundString());
            assertEquals("raw-proxy", c.connection().roleName());
            c.endInbound();
            assertFalse(c.isOpen(), "as raw-skt: the peer's end of stream closes the connection");
        }
    }

    private static boolean readAvailable(InputStream in, ByteArrayOutputStream into) {
        try {
            int n = in.available();
            if (n > 0) {
                into.writeBytes(in.readNBytes(n));
            }
            return true;
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    /** Reads what is there; true once the end of stream was read (the socket has a short timeout). */
    private static boolean readUntilEnd(InputStream in, ByteArrayOutputStream into) {
        try {
            while (in.available() > 0) {
                int b = in.read();
                into.write(b);
            }
            return peekEnd(in, into);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    private static boolean peekEnd(InputStream in, ByteArrayOutputStream into) throws IOException {
        // available() is 0 both for "nothing yet" and at the end: a short timed read tells them apart
        int b = timedRead(in);
        if (b >= 0) {
            into.write(b);
        }
        return b == -1;
    }

    private static int timedRead(InputStream in) throws IOException {
        try {
            return in.read();
        } catch (java.net.SocketTimeoutException e) {
            return -2;
        }
    }
}
