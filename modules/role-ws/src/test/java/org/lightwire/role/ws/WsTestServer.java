package org.lightwire.role.ws;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import org.lightwire.api.ContextSettings;
import org.lightwire.api.Options;
import org.lightwire.api.VhostSettings;
import org.lightwire.core.embedded.EmbeddedConnection;

/**
 * One in-memory server connection upgraded from h1 to ws, with the protocol "chat" (the
 * vhost's default) and "superchat" installed. Reads the server's output as an HTTP head
 * followed by frames.
 */
final class WsTestServer implements AutoCloseable {

    /** RFC 6455 section 1.3's sample key and its accept value. */
    static final String KEY = "dGhlIHNhbXBsZSBub25jZQ==";
    static final String ACCEPT = "s3pPLMBiTxaQ9kYGzzhZRbK+xOo=";

    /** The context's timeout-secs: also how long a closing connection lingers. */
    static final int TIMEOUT_SECS = 5;

    final EmbeddedConnection connection;
    final ScriptedWsProtocol chat;
    final ScriptedWsProtocol superchat;
    private byte[] unread = new byte[0];

    WsTestServer(ContextSettings.Builder context, VhostSettings.Builder vhost, ScriptedWsProtocol chat,
            ScriptedWsProtocol superchat) {
        this.chat = chat;
        this.superchat = superchat;
        this.connection = EmbeddedConnection.accepting(new UpgradingRole(),
                context.timeoutSecs(TIMEOUT_SECS).vhost(vhost.build()).build(), chat, superchat).build();
    }

    /** "chat" is the default protocol (pvo default=1) with {@code chatOptions} added. */
    static WsTestServer create(Options.Builder chatOptions) {
        return create(ContextSettings.builder(), chatOptions, VhostSettings.builder("localhost"));
    }

    static WsTestServer create(ContextSettings.Builder context, Options.Builder chatOptions,
            VhostSettings.Builder vhost) {
        vhost.protocol("chat", chatOptions.add("default", "1").build()).protocol("superchat", Options.EMPTY);
        return new WsTestServer(context, vhost, new ScriptedWsProtocol("chat"), new ScriptedWsProtocol("superchat"));
    }

    static WsTestServer create() {
        return create(Options.builder());
    }

    /** An upgrade request for /chat with the sample key and {@code extraHeaders} (each ending in CRLF). */
    static String request(String extraHeaders) {
        return "GET /chat HTTP/1.1\r\nHost: localhost\r\nUpgrade: websocket\r\nConnection: keep-alive, Upgrade\r\n"
                + "Sec-WebSocket-Key: " + KEY + "\r\nSec-WebSocket-Version: 13\r\nUser-Agent: test\r\n"
                + extraHeaders + "\r\n";
    }

    /** Sends an upgrade request (plus {@code extraHeaders}) and returns the response head. */
    String upgrade(String extraHeaders) {
        return upgradeWith(request(extraHeaders).getBytes(StandardCharsets.ISO_8859_1));
    }

    String upgrade() {
        return upgrade("");
    }

    /** Sends {@code bytes} (a request and possibly frames behind it) and returns the response head. */
    String upgradeWith(byte[] bytes) {
        connection.writeInbound(bytes);
        byte[] out = connection.readOutbound();
        String text = new String(out, StandardCharsets.ISO_8859_1);
        int end = text.indexOf("\r\n\r\n");
        if (end < 0) {
            throw new AssertionError("no response head in: " + text);
        }
        unread = Arrays.copyOfRange(out, end + 4, out.length);
        return text.substring(0, end + 4);
    }

    void send(byte[]... frames) {
        connection.writeInbound(Peer.concat(frames));
    }

    /** The frames the server sent since the last call. */
    List<Peer.Frame> frames() {
        byte[] out = Peer.concat(unread, connection.readOutbound());
        unread = new byte[0];
        return Peer.frames(out);
    }

    /** The one close frame the server sent since the last read (failing if there is another frame). */
    int closeCode() {
        List<Peer.Frame> frames = frames();
        Peer.Frame last = frames.get(frames.size() - 1);
        if (last.opcode() != 0x8) {
            throw new AssertionError("expected a close frame, got " + frames);
        }
        return last.closeCode();
    }

    @Override
    public void close() {
        connection.close();
    }
}
