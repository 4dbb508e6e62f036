package org.lightwire.plugin.rawtest;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.lightwire.api.Connection;
import org.lightwire.api.Options;
import org.lightwire.api.Protocol;
import org.lightwire.api.ProtocolProvider;
import org.lightwire.api.Vhost;
import org.lightwire.api.raw.RawProtocol;
import org.lightwire.api.raw.RawSession;

/** A raw protocol that keeps everything one connection receives and notes when it closes. */
final class Recorder implements ProtocolProvider, RawProtocol {

    static final String NAME = "recorder";

    private final ByteArrayOutputStream received = new ByteArrayOutputStream();
    private final CountDownLatch opened = new CountDownLatch(1);
    private final CountDownLatch closed = new CountDownLatch(1);
    private volatile boolean receivedAfterClose;

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
                opened.countDown();
            }

            @Override
            public void received(Connection c, ByteBuffer data) {
                if (closed.getCount() == 0) {
                    receivedAfterClose = true;
                }
                byte[] b = new byte[data.remaining()];
                data.get(b);
                synchronized (received) {
                    received.write(b, 0, b.length);
                }
            }

            @Override
            public void closed(Connection c) {
                closed.countDown();
            }
        };
    }

    boolean isOpened() {
        return opened.getCount() == 0;
    }

    boolean isClosed() {
        return closed.getCount() == 0;
    }

    void awaitOpened() throws InterruptedException {
        if (!opened.await(10, TimeUnit.SECONDS)) {
            throw new AssertionError("connection did not open");
        }
    }

    /** Waits for the close event; then everything received is in {@link #received()}. */
    void awaitClosed() throws InterruptedException {
        if (!closed.await(10, TimeUnit.SECONDS)) {
            throw new AssertionError("connection did not close; received so far: " + received().length + " bytes");
        }
        if (receivedAfterClose) {
            throw new AssertionError("data arrived after the close event");
        }
    }

    byte[] received() {
        synchronized (received) {
            return received.toByteArray();
        }
    }
}
