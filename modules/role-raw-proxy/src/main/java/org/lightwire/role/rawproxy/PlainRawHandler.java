package org.lightwire.role.rawproxy;

import java.nio.ByteBuffer;
import org.lightwire.api.raw.RawProtocol;
import org.lightwire.api.raw.RawSession;
import org.lightwire.spi.RoleBinding;
import org.lightwire.spi.RoleHandler;
import org.lightwire.spi.RoleSwitch;

/**
 * Role raw-proxy with a protocol other than "raw-proxy": raw-skt's behaviour (bytes to
 * the protocol's {@link RawSession} as they are, its writes to the socket as they are).
 * A connection handed over by another role gets the bytes that role had read first.
 */
final class PlainRawHandler implements RoleHandler {

    private final RoleBinding binding;
    private final RawSession session;

    PlainRawHandler(RoleBinding binding, RawProtocol protocol) {
        this.binding = binding;
        this.session = protocol.newSession(binding.connection());
    }

    @Override
    public void opened() throws Exception {
        session.opened(binding.connection());
    }

    @Override
    public void switchedIn(RoleSwitch handoff) throws Exception {
        session.opened(binding.connection());
        ByteBuffer early = handoff.leftover();
        if (early != null && early.hasRemaining() && binding.connection().isOpen()) {
            received(early);
        }
    }

    @Override
    public void received(ByteBuffer data) throws Exception {
        session.received(binding.connection(), data);
        // as raw-skt: the protocol sees everything at once, whatever it left is consumed
        data.position(data.limit());
    }

    @Override
    public void writeable() throws Exception {
        session.writeable(binding.connection());
    }

    @Override
    public void write(ByteBuffer data) {
        binding.send(data);
    }

    @Override
    public void closed() {
        session.closed(binding.connection());
    }

    @Override
    public void connectFailed(Throwable cause) {
        session.connectFailed(binding.connection(), cause);
    }
}
