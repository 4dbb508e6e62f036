package org.lightwire.api;

import java.net.SocketAddress;
import java.nio.channels.ReadableByteChannel;
import java.nio.channels.WritableByteChannel;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * A virtual host (lws {@code lws_vhost}): a listen spec, the protocols it enables with
 * their options, and its policies. Client and adopted connections belong to a vhost too.
 *
 * <p>Every method may be called from any thread.
 */
public interface Vhost {

    String name();

    Context context();

    VhostSettings settings();

    /** The addresses this vhost is listening on (empty if it does not listen). */
    List<SocketAddress> listenAddresses();

    /**
     * The instance of protocol {@code name} on this vhost, if the vhost enables it and its
     * provider is currently installed. Protocols delegate to each other through this.
     */
    Optional<Protocol> protocol(String name);

    /**
     * A snapshot of this vhost's traffic counters (lws {@code lws_vhost.conn_stats}): bytes,
     * accepted and rejected connections, HTTP transactions and WebSocket upgrades.
     */
    VhostStats stats();

    /** The retry and validity policy for connections of this vhost. */
    RetryPolicy retryPolicy();

    /**
     * Starts a client connection (lws {@code lws_client_connect_via_info}). The returned
     * connection is not yet connected: the protocol's session learns the outcome from its
     * connected or connect-failed event. Failed attempts are retried as the request's
     * retry policy allows before the failure is reported.
     */
    Connection connect(ClientRequest request);

    /**
     * Creates a datagram socket, binds it if asked, and adopts it (lws
     * {@code lws_create_adopt_udp}).
     */
    Connection adoptUdp(UdpRequest request);

    /**
     * Opens a file, FIFO or device for reading and adopts it on the raw-file role (lws
     * {@code lws_adopt_descriptor_vhost} with a file fd). Opening happens off the loop,
     * so a FIFO without a writer yet does not block anything.
     */
    Connection adoptFile(Path path, String protocolName);

    /**
     * Adopts an already open pair of blocking byte channels (a pipe, a process' stdout and
     * stdin, ...) on the raw-file role. Either may be null for one-way streams.
     */
    Connection adoptStreams(String label, ReadableByteChannel in, WritableByteChannel out, String protocolName);

    /**
     * Asks for a writeable event on every connection of this vhost bound to
     * {@code protocolName} (lws {@code lws_callback_on_writable_all_protocol_vhost}).
     */
    void requestWriteableAll(String protocolName);
}
