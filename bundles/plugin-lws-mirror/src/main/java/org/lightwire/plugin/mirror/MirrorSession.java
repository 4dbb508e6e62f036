package org.lightwire.plugin.mirror;

import java.nio.ByteBuffer;
import org.lightwire.api.ws.WebSocket;
import org.lightwire.api.ws.WsMessageType;
import org.lightwire.api.ws.WsSession;

/**
 * One connection of a mirror instance (lws {@code per_session_data__lws_mirror}): its read
 * position in the instance's ring, and whether it holds a slow-reader deadline.
 */
final class MirrorSession implements WsSession {

    static final int MESSAGE_TOO_BIG = 1009;
    static final int TRY_AGAIN_LATER = 1013;

    private final MirrorProtocol protocol;
    private final String name;
    private final int maxMessageBytes;
    private MirrorInstance instance;
    WebSocket socket;
    /** Sequence number of the next message this connection reads; guarded by the instance. */
    long tail;
    /** Whether this connection's slow-reader timeout is armed; guarded by the instance. */
    boolean slowDeadlineArmed;

    MirrorSession(MirrorProtocol protocol, String name, int maxMessageBytes) {
        this.protocol = protocol;
        this.name = name;
        this.maxMessageBytes = maxMessageBytes;
    }

    @Override
    public void established(WebSocket socket) {
        this.socket = socket;
        instance = protocol.join(name, this);
        if (instance == null) {
            socket.close(TRY_AGAIN_LATER, "too many mirror instances");
        }
    }

    @Override
    public void received(WebSocket socket, ByteBuffer data, WsMessageType type, boolean first, boolean last) {
        if (instance == null) {
            return;
        }
        if (data.remaining() > maxMessageBytes) {
            // the role enforces the same limit; this guards a role that delivers more than asked
            socket.close(MESSAGE_TOO_BIG, "mirror messages are limited to " + maxMessageBytes + " bytes");
            return;
        }
        instance.insert(data, type);
    }

    @Override
    public void writeable(WebSocket socket) {
        if (instance != null) {
            instance.sendNext(this);
        }
    }

    @Override
    public void closed(WebSocket socket) {
        if (instance != null) {
            protocol.leave(instance, this);
            instance = null;
        }
    }

    /** The instance joined, null before established or after closing. */
    MirrorInstance instance() {
        return instance;
    }
}
