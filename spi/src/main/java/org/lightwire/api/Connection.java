package org.lightwire.api;

import java.net.SocketAddress;
import java.nio.ByteBuffer;
import java.util.Optional;
import org.lightwire.api.tls.TlsInfo;

/**
 * One connection (lws {@code wsi}): a socket, an adopted file or stream, or a datagram
 * socket, bound to one role and at a time to one protocol.
 *
 * <p>Unless a method says otherwise, call it on the connection's {@link #loop()} thread,
 * i.e. from inside an event about this connection or from a task run on that loop.
 *
 * <h2>Writeable discipline</h2>
 * Output is produced in the writeable event only, and once per event: ask with
 * {@link #requestWriteable()}, then in the protocol's writeable event call
 * {@link #write} at most once. A write that the transport cannot take at once is kept and
 * finished by the loop; no further writeable event arrives until it has gone, so nothing
 * is buffered beyond that one write.
 */
public interface Connection {

    /** What the connection carries. */
    enum Kind {
        /** A TCP or unix-domain stream socket. */
        SOCKET,
        /** An adopted file, FIFO, pipe or other byte stream bridged into the loop. */
        FILE,
        /** A datagram (UDP) socket. */
        DATAGRAM
    }

    /** Why a connection was closed by a timeout (lws {@code PENDING_TIMEOUT_*}). */
    enum TimeoutReason {
        /** Waiting for a client connect to complete. */
        CONNECT,
        /** Waiting for a peer to become validated again. */
        VALIDITY,
        /** Set by a protocol for its own purposes. */
        USER
    }

    /** A number unique within the context, for logs. */
    long id();

    Kind kind();

    Vhost vhost();

    ServiceLoop loop();

    /** The name of the role driving this connection ("raw-skt", "udp", ...). */
    String roleName();

    /** The name of the bound protocol; empty before one is bound. */
    String protocolName();

    /** Whether this side opened the connection (lws client wsi). */
    boolean isClient();

    /** Whether the connection is still open. Callable from any thread. */
    boolean isOpen();

    /** The remote address: socket peer, stream name, or a UDP socket's default destination. */
    Optional<SocketAddress> peerAddress();

    /** The local address for sockets. */
    Optional<SocketAddress> localAddress();

    /**
     * Asks for a writeable event as soon as the connection can take output (lws
     * {@code lws_callback_on_writable}). Callable from any thread: it wakes the loop.
     * Several requests before the event arrive as one event.
     */
    void requestWriteable();

    /**
     * Writes {@code data} (its remaining bytes) to the connection. Allowed only inside
     * this connection's writeable event and only once per event.
     *
     * @return the number of bytes accepted, always all of them: what the transport could
     *         not take now is finished by the loop before the next writeable event
     * @throws WriteDisciplineException outside a writeable event or on a second write
     */
    int write(ByteBuffer data);

    /**
     * Sends one datagram to {@code destination} (UDP connections only), with the same
     * discipline as {@link #write}. A datagram the kernel refuses is dropped, as UDP would.
     */
    void sendTo(ByteBuffer data, SocketAddress destination);

    /**
     * Stops or restarts receive events (lws {@code lws_rx_flow_control}). While paused,
     * no more input is read, so the peer sees TCP back-pressure; data already read is held
     * and delivered after resuming.
     */
    void rxFlowControl(boolean enable);

    /** Whether receive events are enabled. */
    boolean isRxEnabled();

    /**
     * Closes the connection after {@code seconds} unless called again or cleared with
     * {@code seconds = 0} (lws {@code lws_set_timeout}).
     */
    void setTimeout(TimeoutReason reason, int seconds);

    /**
     * Reports that a transaction proved the peer is alive, restarting the validity timers
     * (lws {@code lws_validity_confirmed}).
     */
    void confirmValidity();

    /** The retry and validity policy that applies to this connection. */
    RetryPolicy retryPolicy();

    /**
     * Closes the connection: the protocol receives its close event, then the transport is
     * released. Output already accepted by {@link #write} is not flushed. Callable from any
     * thread (the close then happens on the loop). Idempotent.
     */
    void close();

    /** An object of the application's, carried with the connection (lws user data). */
    Object userData();

    void setUserData(Object userData);

    /**
     * The connection's TLS session once its handshake is done (lws {@code lws_is_ssl},
     * {@code lws_tls_peer_cert_info}); empty for plain connections and while handshaking.
     */
    default Optional<TlsInfo> tls() {
        return Optional.empty();
    }
}
