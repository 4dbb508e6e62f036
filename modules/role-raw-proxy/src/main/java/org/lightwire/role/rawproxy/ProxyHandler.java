package org.lightwire.role.rawproxy;

import java.nio.ByteBuffer;
import org.lightwire.api.ClientRequest;
import org.lightwire.api.Connection;
import org.lightwire.api.Sequencer;
import org.lightwire.api.SequencerEvent;
import org.lightwire.api.SequencerHandler;
import org.lightwire.api.WriteDisciplineException;
import org.lightwire.spi.RoleBinding;
import org.lightwire.spi.RoleHandler;
import org.lightwire.spi.RoleSwitch;

/**
 * One end of a raw-proxy pair (lws {@code RAW_PROXY_SRV_*} / {@code RAW_PROXY_CLI_*}): the
 * accepted connection, which dials the onward target when it opens, or that onward
 * connection. Events go to the shared {@link Relay}; the relay acts through this handler's
 * {@link Endpoint} side.
 */
final class ProxyHandler implements RoleHandler, Endpoint {

    private final RoleBinding binding;
    private final Connection connection;
    // accepted side only: what to dial; null on the onward side
    private final RawProxyProtocol protocol;
    private Relay relay;

    /** The accepted side. */
    ProxyHandler(RoleBinding binding, RawProxyProtocol protocol) {
        this.binding = binding;
        this.connection = binding.connection();
        this.protocol = protocol;
        protocol.onward(); // refuse at once, with the reason, on a vhost without a target
    }

    /** The onward side of {@code relay}. */
    ProxyHandler(RoleBinding binding, Relay relay) {
        this.binding = binding;
        this.connection = binding.connection();
        this.protocol = null;
        this.relay = relay;
        relay.onwardBound(this);
    }

    // ---- RoleHandler ----

    @Override
    public void opened() {
        if (protocol == null) {
            relay.onwardOpened();
        } else {
            start(null);
        }
    }

    @Override
    public void switchedIn(RoleSwitch handoff) {
        if (protocol == null) {
            throw new IllegalStateException("raw-proxy: an onward connection cannot change role");
        }
        start(handoff.leftover());
    }

    /** Accepted side: pause, then dial the onward target on this connection's loop. */
    private void start(ByteBuffer early) {
        Onward onward = protocol.onward();
        relay = new Relay(this, connection.vhost().context().settings().rxBufferSize(), protocol.drainSecs(),
                onward.toString(), connection.vhost().name(), protocol.failureLog());
        relay.acceptedOpened(early);
        // the relay's two connections share a loop, so neither needs locking: core dials a
        // client on the loop of its request's sequencer, and this one exists only for that
        Sequencer pin = connection.vhost().context().createSequencer("raw-proxy onward of connection "
                + connection.id(), connection.loop().index(), connection.retryPolicy(), ProxyHandler::pinEvent);
        ClientRequest request = ClientRequest.builder(onward.host(), onward.port())
                .role(RawProxyRole.NAME).protocol(connection.protocolName())
                .userData(relay).sequencer(pin).build();
        Connection onwardConnection = connection.vhost().connect(request);
        relay.dialing(onwardConnection::close);
    }

    private static SequencerHandler.Result pinEvent(Sequencer sequencer, SequencerEvent event) {
        return switch (event.kind()) {
            case CONNECTION_CONNECTED, CONNECTION_FAILED, CONNECTION_CLOSED -> SequencerHandler.Result.DESTROY;
            default -> SequencerHandler.Result.CONTINUE;
        };
    }

    @Override
    public void received(ByteBuffer data) {
        relay.received(this, data);
    }

    @Override
    public boolean inputEnded() {
        return relay.inputEnded(this);
    }

    @Override
    public void writeable() {
        relay.writeable(this);
    }

    @Override
    public void write(ByteBuffer data) {
        // the relay writes through send(); nobody else holds a session of this connection
        throw new WriteDisciplineException("raw-proxy: connection " + connection.id()
                + " is relayed; only the relay writes to it");
    }

    @Override
    public void closed() {
        if (relay != null) {
            relay.closed(this);
        }
    }

    @Override
    public void connectFailed(Throwable cause) {
        relay.onwardFailed(cause);
    }

    // ---- Endpoint: what the relay does with this connection ----

    @Override
    public void requestWriteable() {
        connection.requestWriteable();
    }

    @Override
    public void send(ByteBuffer data) {
        binding.send(data);
    }

    @Override
    public boolean hasPendingOutput() {
        return binding.hasPendingOutput();
    }

    @Override
    public void receiving(boolean enable) {
        if (connection.isRxEnabled() != enable) {
            connection.rxFlowControl(enable);
        }
    }

    @Override
    public void shutdownOutput() {
        binding.shutdownOutput();
    }

    @Override
    public void closeAfter(int seconds) {
        connection.setTimeout(Connection.TimeoutReason.USER, seconds);
    }

    @Override
    public void close() {
        connection.close();
    }

    @Override
    public String peer() {
        return connection.peerAddress().map(String::valueOf).orElse("connection " + connection.id());
    }
}
