package org.lightwire.plugin.rawtest;

import java.nio.ByteBuffer;
import org.lightwire.api.Connection;
import org.lightwire.api.raw.RawSession;

/**
 * Echoes a byte stream. Received bytes are copied into a per-connection buffer (direct, so
 * the socket write needs no extra copy; allocated on the first data) and sent in
 * the next writeable event, one write per event. When the buffer has less room left than
 * one more receive could bring, reception pauses until the echo has gone out, so a peer
 * that sends without reading meets TCP back-pressure instead of growing our memory.
 */
final class StreamEcho implements RawSession {

    /**
     * Room kept free for one more receive: the most one receive event carries (the
     * context's rx-buffer-size). Below this, reception pauses, so the buffer never grows.
     */
    private int headroom;

    private ByteBuffer pending;

    @Override
    public void received(Connection c, ByteBuffer data) {
        if (pending == null) {
            headroom = Math.max(c.vhost().context().settings().rxBufferSize(), data.remaining());
            pending = ByteBuffer.allocateDirect(2 * headroom);
        } else if (pending.remaining() < data.remaining()) {
            // not expected (reception pauses first), but raw input cannot be refused: keep it
            ByteBuffer bigger = ByteBuffer.allocateDirect(pending.position() + 2 * data.remaining());
            pending.flip();
            bigger.put(pending);
            pending = bigger;
        }
        pending.put(data);
        if (pending.remaining() < headroom) {
            c.rxFlowControl(false);
        }
        c.requestWriteable();
    }

    @Override
    public void writeable(Connection c) {
        if (pending == null || pending.position() == 0) {
            return;
        }
        pending.flip();
        c.write(pending);
        pending.clear();
        if (!c.isRxEnabled()) {
            c.rxFlowControl(true);
        }
    }
}
