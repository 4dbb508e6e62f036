package org.lightwire.plugin.status;

import java.nio.ByteBuffer;
import java.util.concurrent.atomic.AtomicBoolean;
import org.lightwire.api.ws.WebSocket;
import org.lightwire.api.ws.WsMessageType;
import org.lightwire.api.ws.WsSession;

/**
 * One lws-status client (lws {@code per_session_data__lws_status}). Like lws it sends the
 * list as one message in fragments, one per writeable event, so a long list never needs
 * more than one fragment's worth of output at a time; a change while a list is going out is
 * remembered and the new list follows (lws {@code changed_partway}).
 */
final class StatusSession implements WsSession {

    /** Bytes per fragment. */
    static final int FRAGMENT_BYTES = 4096;

    private final StatusProtocol protocol;
    private final String peer;
    private final String userAgent;
    private final AtomicBoolean resendWanted = new AtomicBoolean();
    private long establishedEpochSecs;
    private WebSocket socket;
    /** The list being sent and how far; null when idle. Loop thread only. */
    private byte[] sending;
    private ByteBuffer view;
    private int offset;

    StatusSession(StatusProtocol protocol, String peer, String userAgent) {
        this.protocol = protocol;
        this.peer = peer;
        this.userAgent = userAgent;
    }

    @Override
    public void established(WebSocket socket) {
        this.socket = socket;
        establishedEpochSecs = System.currentTimeMillis() / 1000;
        protocol.arrived(this);
    }

    /** Callable from any loop: the list changed, send it again. */
    void resend() {
        resendWanted.set(true);
        WebSocket s = socket;
        if (s != null) {
            s.connection().requestWriteable();
        }
    }

    @Override
    public void writeable(WebSocket socket) {
        if (sending == null) {
            if (!resendWanted.getAndSet(false)) {
                return;
            }
            sending = protocol.snapshot();
            view = ByteBuffer.wrap(sending);
            offset = 0;
        }
        int end = Math.min(sending.length, offset + FRAGMENT_BYTES);
        boolean first = offset == 0;
        boolean last = end == sending.length;
        view.limit(end).position(offset);
        socket.send(view, WsMessageType.TEXT, first, last);
        offset = end;
        if (last) {
            sending = null;
            view = null;
            if (resendWanted.get()) {
                socket.connection().requestWriteable();
            }
        } else {
            socket.connection().requestWriteable();
        }
    }

    @Override
    public void received(WebSocket socket, ByteBuffer data, WsMessageType type, boolean first, boolean last) {
        // lws-status ignores what clients send
    }

    @Override
    public void closed(WebSocket socket) {
        protocol.left(this);
    }

    String peer() {
        return peer;
    }

    String userAgent() {
        return userAgent;
    }

    long establishedEpochSecs() {
        return establishedEpochSecs;
    }
}
