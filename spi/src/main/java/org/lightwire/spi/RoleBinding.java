package org.lightwire.spi;

import java.net.SocketAddress;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.util.Optional;
import org.lightwire.api.ClientRequest;
import org.lightwire.api.Vhost;
import org.lightwire.api.VhostStats;
import org.lightwire.api.Connection;
import org.lightwire.api.Protocol;

/**
 * What the service loop offers a role for one connection. Loop thread only.
 */
public interface RoleBinding {

    /** The connection, as its protocol sees it. */
    Connection connection();

    /** The protocol instance the connection is bound to; null while unbound (an HTTP connection between bindings). */
    Protocol protocol();

    /**
     * Hands bytes to the transport. What it cannot take at once is kept and finished by
     * the loop, and the role's writeable event waits until then.
     */
    void send(ByteBuffer data);

    /** Sends one datagram (datagram transports only). */
    void sendDatagram(ByteBuffer data, SocketAddress destination);

    /**
     * Sends up to {@code count} bytes of {@code file} from {@code position}, zero-copy where
     * the transport allows (plain sockets), else by copying. Sends nothing while earlier
     * output is still waiting for the transport.
     * @return the number of bytes sent, possibly 0 when the transport is full; the role's
     *         writeable event follows once it can take more
     */
    long sendFile(FileChannel file, long position, long count) throws IOException;

    /**
     * Ends this side's stream once the output already given has gone (TCP half-close: the
     * peer reads everything, then end of stream), while input keeps arriving: how a server
     * closes gracefully when the peer may still be sending (lingering close). A transport
     * with no half-close (files, pipes) ignores it. Idempotent.
     */
    void shutdownOutput();

    /** Whether output is still waiting for the transport (the next writeable event waits for it). */
    boolean hasPendingOutput();

    /** The client request this connection was made for; empty on server connections. */
    Optional<ClientRequest> clientRequest();

    /**
     * Moves a server connection to the vhost that serves {@code hostName} (a Host header or
     * SNI name; a trailing ":port" is ignored) among the vhosts sharing its listen socket:
     * the exact name, else the vhost whose name is a dot-suffix of it, else the first
     * vhost on the socket (lws {@code lws_select_vhost}). A change drops the current
     * protocol binding.
     * @return the vhost now serving the connection
     */
    Vhost selectVhost(String hostName);

    /**
     * Binds the connection to protocol {@code name} of its vhost, replacing the current
     * binding (lws' HTTP bind / drop protocol). {@code null} unbinds.
     * @return the bound instance; empty (and unbound) if the vhost does not enable the
     *         protocol or its provider is not installed
     */
    Optional<Protocol> bindProtocol(String name);

    /**
     * Hands the connection to role {@code roleName} (lws {@code lws_role_transition}: h1 to
     * ws after an upgrade request). The new role's handler replaces the caller's at once:
     * it receives {@link RoleHandler#switchedIn} (not {@code opened}) before this returns,
     * then every later event. The caller must return at once and not use the binding
     * again. The protocol binding stays until the new role changes it; validity timers
     * restart for the new role.
     *
     * @return false, leaving the connection with the caller, if no role of that name is
     *         installed
     */
    boolean switchRole(String roleName, RoleSwitch handoff);

    /**
     * Counts an event only the role can see in its vhost's statistics ({@link Vhost#stats()};
     * lws {@code h1_trans}, {@code ws_upg}): one call per answered HTTP request, one per
     * WebSocket upgrade whose 101 went out. Allocation-free; loop thread only.
     */
    void count(VhostStats.Event event);

    /**
     * Client connections only, while the role's own handshake still runs (a WebSocket client
     * before its 101 is accepted; the protocol has not seen the connection established):
     * this attempt failed. With {@code retry} (a later attempt may succeed: the server
     * answered 5xx, the connection ended or the handshake timed out) core counts it as a
     * failed attempt of the same dial as a TCP connect failure: while the client request's
     * RetryPolicy allows, it drops this transport without a close event, waits the policy's
     * delay, dials again and gives the same handler {@link RoleHandler#opened} on the new
     * transport. Without {@code retry}, or once the policy's budget is spent, the handler
     * gets {@link RoleHandler#connectFailed} once, with no close event. The caller returns at
     * once and does not use the binding again before {@code opened}.
     */
    void handshakeFailed(Throwable cause, boolean retry);
}
