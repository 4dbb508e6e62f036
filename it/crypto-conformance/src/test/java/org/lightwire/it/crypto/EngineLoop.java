package org.lightwire.it.crypto;

import java.nio.ByteBuffer;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLEngineResult;
import javax.net.ssl.SSLEngineResult.HandshakeStatus;
import javax.net.ssl.SSLException;

/**
 * Drives a client and a server {@link SSLEngine} against each other through memory (no
 * sockets): the handshake, then one message from client to server. The one loop of the TLS
 * tests in this suite.
 */
final class EngineLoop {

    private static final int ROUNDS = 200;

    private EngineLoop() {
    }

    /**
     * Handshakes, sends {@code data} from client to server and returns what the server read.
     * Throws what either engine throws, so a refused handshake surfaces as its
     * {@link SSLException}. {@code data} must not be empty: its arrival is what ends the loop
     * (in TLS 1.3 the client is done before the server has read, and checked, its last flight).
     */
    static byte[] exchange(SSLEngine client, SSLEngine server, byte[] data) throws SSLException {
        if (data.length == 0) {
            throw new IllegalArgumentException("data must not be empty: its arrival ends the loop");
        }
        client.beginHandshake();
        server.beginHandshake();
        int size = Math.max(client.getSession().getPacketBufferSize(), server.getSession().getPacketBufferSize());
        ByteBuffer toServer = ByteBuffer.allocate(size * 4);
        ByteBuffer toClient = ByteBuffer.allocate(size * 4);
        ByteBuffer clientApp = ByteBuffer.allocate(size * 2);
        ByteBuffer serverApp = ByteBuffer.allocate(size * 2);
        ByteBuffer out = ByteBuffer.wrap(data);
        ByteBuffer nothing = ByteBuffer.allocate(0);
        for (int round = 0; round < ROUNDS; round++) {
            // application data only once the client's handshake is over; until then wrap makes handshake records
            runTasks(client, client.wrap(client.getHandshakeStatus() == HandshakeStatus.NOT_HANDSHAKING ? out : nothing, toServer));
            toServer.flip();
            runTasks(server, server.unwrap(toServer, serverApp));
            toServer.compact();
            runTasks(server, server.wrap(nothing, toClient));
            toClient.flip();
            runTasks(client, client.unwrap(toClient, clientApp));
            toClient.compact();
            if (serverApp.position() == data.length && !out.hasRemaining()) {
                serverApp.flip();
                byte[] got = new byte[serverApp.remaining()];
                serverApp.get(got);
                return got;
            }
        }
        throw new AssertionError("handshake and exchange did not finish in " + ROUNDS + " rounds");
    }

    private static void runTasks(SSLEngine engine, SSLEngineResult result) {
        if (result.getHandshakeStatus() == HandshakeStatus.NEED_TASK) {
            Runnable task;
            while ((task = engine.getDelegatedTask()) != null) {
                task.run();
            }
        }
    }
}
