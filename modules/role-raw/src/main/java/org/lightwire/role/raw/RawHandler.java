package org.lightwire.role.raw;

import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.nio.ByteBuffer;
import org.lightwire.api.LightwireException;
import org.lightwire.api.Protocol;
import org.lightwire.api.raw.RawProtocol;
import org.lightwire.api.raw.RawSession;
import org.lightwire.spi.RoleBinding;
import org.lightwire.spi.RoleHandler;

/**
 * The state machine every raw role shares: bytes and datagrams go to the protocol's
 * session as they are, protocol writes go to the transport as they are. Raw connections
 * have no ping of their own, so validity does not apply to them.
 */
final class RawHandler implements RoleHandler {

    private final RoleBinding binding;
    private final RawSession session;

    RawHandler(RoleBinding binding, String roleName) {
        this.binding = binding;
        Protocol protocol = binding.protocol();
        if (!(protocol instanceof RawProtocol raw)) {
            throw new LightwireException("role '" + roleName + "' needs a raw protocol, but '"
                    + binding.connection().protocolName() + "' does not implement RawProtocol");
        }
        this.session = raw.newSession(binding.connection());
    }

    @Override
    public void opened() throws Exception {
        session.opened(binding.connection());
    }

    @Override
    public void received(ByteBuffer data) throws Exception {
        session.received(binding.connection(), data);
        // raw protocols see everything at once: whatever they left unread is consumed
        data.position(data.limit());
    }

    @Override
    public void receivedDatagram(ByteBuffer data, InetSocketAddress source) throws Exception {
        session.receivedDatagram(binding.connection(), data, source);
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
    public void writeDatagram(ByteBuffer data, SocketAddress destination) {
        binding.sendDatagram(data, destination);
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
