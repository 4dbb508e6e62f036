package org.lightwire.testkit;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.lightwire.api.ws.WsMessageType;
import org.lightwire.api.ws.WsProtocol;
import org.lightwire.api.ws.WsSession;

/**
 * One client of a protocol under test, driven the way the ws role drives a session: upgrade and
 * establish ({@code LWS_CALLBACK_ESTABLISHED}), whole messages in ({@code LWS_CALLBACK_RECEIVE}),
 * writeable events while the protocol keeps asking ({@code LWS_CALLBACK_SERVER_WRITEABLE}), and the
 * close ({@code LWS_CALLBACK_CLOSED}). Keeps its vhost's and loop's connection counts in step.
 */
public final class Peer {

    /** Enough writeable events to drain any test's backlog, few enough to stop a protocol that never does. */
    private static final int PUMP_LIMIT = 100_000;

    private final FakeConnection connection;
    private final FakeWebSocket socket;
    private final WsSession session;
    private final FakeVhost vhost;

    private Peer(FakeVhost vhost, FakeConnection connection, FakeWebSocket socket, WsSession session) {
        this.vhost = vhost;
        this.connection = connection;
        this.socket = socket;
        this.session = session;
    }

    /**
     * Upgrades to {@code protocol} from {@code peerIp} with the request target and header fields
     * (name, value, ...) given, then establishes; a refusal propagates before anything is counted.
     */
    public static Peer open(WsProtocol protocol, FakeVhost vhost, FakeLoop loop, String peerIp, String target,
            String... headers) throws Exception {
        FakeConnection c = new FakeConnection(vhost, loop, peerIp);
        FakeWebSocket s = new FakeWebSocket(c, FakeRequest.get(target, headers));
        WsSession session = protocol.newWsSession(s);
        vhost.opened(c);
        loop.connectionOpened();
        session.established(s);
        s.dropUpgradeRequest(); // the role drops the upgrade headers after established, as lws does
        return new Peer(vhost, c, s, session);
    }

    /** A client from 127.0.0.1 asking for "/" with no header fields. */
    public static Peer open(WsProtocol protocol, FakeVhost vhost, FakeLoop loop) throws Exception {
        return open(protocol, vhost, loop, "127.0.0.1", "/");
    }

    public FakeConnection connection() {
        return connection;
    }

    public FakeWebSocket socket() {
        return socket;
    }

    /** The protocol's session for this client. */
    public WsSession session() {
        return session;
    }

    /** A whole text message arrives. */
    public void receive(String text) throws Exception {
        receive(text.getBytes(StandardCharsets.UTF_8), WsMessageType.TEXT);
    }

    /** A whole message of {@code type} arrives. */
    public void receive(byte[] data, WsMessageType type) throws Exception {
        session.received(socket, ByteBuffer.wrap(data), type, true, true);
    }

    /**
     * Delivers writeable events while the protocol keeps asking, the connection is open and the
     * socket not closed, at most {@code max}; returns how many were delivered. Requests left over
     * when {@code max} is reached stay pending for the next pump.
     */
    public int pump(int max) throws Exception {
        int n = 0;
        while (connection.writeableRequests() > 0 && connection.isOpen() && socket.closeCode() == 0 && n < max) {
            connection.clearWriteableRequests();
            socket.beginWriteable();
            try {
                session.writeable(socket);
            } finally {
                socket.endWriteable();
            }
            n++;
        }
        return n;
    }

    /** Delivers writeable events until the protocol stops asking. */
    public int pump() throws Exception {
        return pump(PUMP_LIMIT);
    }

    /** The connection closes (either side); the protocol sees its closed event. */
    public void close() {
        if (vhost.closed(connection)) {
            connection.loop().connectionClosed();
        }
        connection.markClosed();
        session.closed(socket);
    }
}
