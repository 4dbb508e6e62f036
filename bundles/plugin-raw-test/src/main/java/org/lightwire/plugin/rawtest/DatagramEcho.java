package org.lightwire.plugin.rawtest;

import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import org.lightwire.api.Connection;
import org.lightwire.api.raw.RawSession;

/**
 * Echoes datagrams to their source. One datagram is held at a time: reception pauses
 * until it has been sent back, which is the back-pressure a UDP echo can have.
 */
final class DatagramEcho implements RawSession {

    private final ByteBuffer pending = ByteBuffer.allocate(65_536);
    private InetSocketAddress destination;

    @Override
    public void received(Connection c, ByteBuffer data) {
        // streams only; datagrams arrive through receivedDatagram
    }

    @Override
    public void receivedDatagram(Connection c, ByteBuffer data, InetSocketAddress source) {
        pending.clear();
        pending.put(data).flip();
        destination = source;
        c.rxFlowControl(false);
        c.requestWriteable();
    }

    @Override
    public void writeable(Connection c) {
        if (destination == null) {
            return;
        }
        c.sendTo(pending, destination);
        destination = null;
        c.rxFlowControl(true);
    }
}
