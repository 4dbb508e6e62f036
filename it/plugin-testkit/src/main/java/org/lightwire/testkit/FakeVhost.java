package org.lightwire.testkit;

import java.net.SocketAddress;
import java.nio.channels.ReadableByteChannel;
import java.nio.channels.WritableByteChannel;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.lightwire.api.ClientRequest;
import org.lightwire.api.Connection;
import org.lightwire.api.Context;
import org.lightwire.api.Protocol;
import org.lightwire.api.RetryPolicy;
import org.lightwire.api.UdpRequest;
import org.lightwire.api.Vhost;
import org.lightwire.api.VhostStats;
import org.lightwire.api.VhostSettings;

/**
 * A vhost (lws {@code lws_vhost}) that knows the {@link Peer}s open on it, so
 * {@link #requestWriteableAll} reaches them as {@code lws_callback_on_writable_all_protocol} does.
 * It listens nowhere and belongs to an empty {@link FakeContext} unless a test sets others; it
 * cannot make or adopt connections.
 */
public final class FakeVhost implements Vhost {

    private final List<FakeConnection> connections = new ArrayList<>();
    private final VhostSettings settings;
    private Context context = new FakeContext(List.of(), List.of());
    private List<SocketAddress> listening = List.of();
    private volatile VhostStats stats = VhostStats.EMPTY;

    /** A vhost with exactly these settings (mounts, protocols, ports as a test needs). */
    public FakeVhost(VhostSettings settings) {
        this.settings = settings;
    }

    /** A vhost named {@code name} on port 7681, lws' test-server port. */
    public FakeVhost(String name) {
        this(VhostSettings.builder(name).port(7681).build());
    }

    @Override
    public String name() {
        return settings.name();
    }

    /** The context a test set; an empty one until then. */
    @Override
    public Context context() {
        return context;
    }

    public void setContext(Context context) {
        this.context = context;
    }

    @Override
    public VhostSettings settings() {
        return settings;
    }

    /** The counters a test set; all zero until then. */
    @Override
    public VhostStats stats() {
        return stats;
    }

    public void setStats(VhostStats stats) {
        this.stats = stats;
    }

    @Override
    public List<SocketAddress> listenAddresses() {
        return listening;
    }

    public void setListenAddresses(List<SocketAddress> addresses) {
        this.listening = List.copyOf(addresses);
    }

    @Override
    public Optional<Protocol> protocol(String name) {
        return Optional.empty();
    }

    @Override
    public RetryPolicy retryPolicy() {
        return RetryPolicy.DEFAULT;
    }

    @Override
    public Connection connect(ClientRequest request) {
        throw new UnsupportedOperationException("not used by the plugins");
    }

    @Override
    public Connection adoptUdp(UdpRequest request) {
        throw new UnsupportedOperationException("not used by the plugins");
    }

    @Override
    public Connection adoptFile(Path path, String protocolName) {
        throw new UnsupportedOperationException("not used by the plugins");
    }

    @Override
    public Connection adoptStreams(String label, ReadableByteChannel in, WritableByteChannel out, String protocolName) {
        throw new UnsupportedOperationException("not used by the plugins");
    }

    /** Every open peer's connection, whatever {@code protocolName}: a test vhost runs one protocol. */
    @Override
    public void requestWriteableAll(String protocolName) {
        for (FakeConnection c : connections) {
            c.requestWriteable();
        }
    }

    void opened(FakeConnection connection) {
        connections.add(connection);
    }

    /** False when the connection was already gone. */
    boolean closed(FakeConnection connection) {
        return connections.remove(connection);
    }
}
