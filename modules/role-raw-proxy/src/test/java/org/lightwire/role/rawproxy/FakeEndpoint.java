package org.lightwire.role.rawproxy;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/** An {@link Endpoint} that records what the relay does, with a socket that can be made full. */
final class FakeEndpoint implements Endpoint {

    final String name;
    Relay relay;
    boolean receiving = true;
    int writeableRequests;
    boolean socketFull;
    boolean pending;
    boolean shut;
    boolean closed;
    int closeAfter;
    final ByteArrayOutputStream sent = new ByteArrayOutputStream();

    FakeEndpoint(String name) {
        this.name = name;
    }

    String sentText() {
        String s = sent.toString(StandardCharsets.ISO_8859_1);
        sent.reset();
        return s;
    }

    /** The socket took everything it had pending: core would now deliver the requested writeable event. */
    void drained() {
        pending = false;
    }

    @Override
    public void requestWriteable() {
        writeableRequests++;
    }

    @Override
    public void send(ByteBuffer data) {
        if (closed || shut) {
            throw new AssertionError(name + ": send after " + (closed ? "close" : "shutdown"));
        }
        byte[] b = new byte[data.remaining()];
        data.get(b);
        sent.writeBytes(b);
        pending = socketFull;
    }

    @Override
    public boolean hasPendingOutput() {
        return pending;
    }

    @Override
    public void receiving(boolean enable) {
        receiving = enable;
    }

    @Override
    public void shutdownOutput() {
        shut = true;
    }

    @Override
    public void closeAfter(int seconds) {
        closeAfter = seconds;
    }

    @Override
    public void close() {
        if (!closed) {
            closed = true;
            // core delivers the close event at once on the loop thread
            relay.closed(this);
        }
    }

    @Override
    public String peer() {
        return name;
    }
}
