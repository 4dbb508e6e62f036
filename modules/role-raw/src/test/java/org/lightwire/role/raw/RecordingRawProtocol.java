package org.lightwire.role.raw;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.util.ArrayDeque;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.CopyOnWriteArrayList;
import org.lightwire.api.Connection;
import org.lightwire.api.Options;
import org.lightwire.api.Protocol;
import org.lightwire.api.ProtocolProvider;
import org.lightwire.api.Vhost;
import org.lightwire.api.raw.RawProtocol;
import org.lightwire.api.raw.RawSession;

/**
 * A raw protocol that keeps what it receives (reading only what {@link #readPerEvent} allows)
 * and sends what the test queues, one queued buffer per writeable event.
 */
final class RecordingRawProtocol implements ProtocolProvider, RawProtocol {

    static final String NAME = "recording";

    final ByteArrayOutputStream received = new ByteArrayOutputStream();
    final List<String> events = new CopyOnWriteArrayList<>();
    final Queue<byte[]> toSend = new ArrayDeque<>();
    int readPerEvent = Integer.MAX_VALUE;

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Protocol create(Vhost vhost, Options options) {
        return this;
    }

    @Override
    public RawSession newSession(Connection connection) {
        return new RawSession() {
            @Override
            public void opened(Connection c) {
                events.add("opened");
            }

            @Override
            public void received(Connection c, ByteBuffer data) {
                events.add("received");
                int n = Math.min(readPerEvent, data.remaining());
                byte[] b = new byte[n];
                data.get(b);
                received.write(b, 0, n);
            }

            @Override
            public void writeable(Connection c) {
                events.add("writeable");
                byte[] next = toSend.poll();
                if (next != null) {
                    c.write(ByteBuffer.wrap(next));
                }
                if (!toSend.isEmpty()) {
                    c.requestWriteable();
                }
            }

            @Override
            public void closed(Connection c) {
                events.add("closed");
            }
        };
    }
}
