package org.lightwire.spi;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.nio.ByteBuffer;

/**
 * A role's state machine for one connection (the per-connection half of lws
 * {@code lws_role_ops}). The service loop calls it, always on the connection's thread.
 * A method that throws closes the connection, with the failure logged.
 */
public interface RoleHandler {

    /** The connection is established (accepted, adopted or connected). */
    void opened() throws Exception;

    /**
     * The connection was handed to this role by another (see {@link RoleBinding#switchRole});
     * takes the place of {@link #opened}. {@code handoff.leftover()} holds input that
     * arrived behind the switching request, to be treated as if just received.
     */
    default void switchedIn(RoleSwitch handoff) throws Exception {
        throw new UnsupportedOperationException("role cannot take connections from another role");
    }

    /** Bytes read from a stream transport ({@code handle_POLLIN}). */
    void received(ByteBuffer data) throws Exception;

    /** One datagram read from a datagram transport, with its source. */
    default void receivedDatagram(ByteBuffer data, InetSocketAddress source) throws Exception {
        throw new UnsupportedOperationException("role does not take datagrams");
    }

    /**
     * The peer has sent its last byte (end of stream: a TCP FIN, a pipe's writer closed).
     * Return true to keep the connection open for finishing output (an HTTP response to a
     * request that arrived just before the peer half-closed); the role then closes it when
     * done, and no more receive events come. False, the default, closes it now.
     */
    default boolean inputEnded() throws Exception {
        return false;
    }

    /** The connection may write ({@code perform_user_POLLOUT}). */
    void writeable() throws Exception;

    /** A protocol write, already checked against the writeable discipline ({@code write_role_protocol}). */
    void write(ByteBuffer data);

    /** A protocol datagram write, already checked against the writeable discipline. */
    default void writeDatagram(ByteBuffer data, SocketAddress destination) {
        throw new UnsupportedOperationException("role does not send datagrams");
    }

    /**
     * Whether the role has a ping that makes the peer prove it is alive (lws: the role has
     * {@code issue_keepalive}). Only such connections get validity pings and are hung up
     * when no proof of validity arrives; others are left alone.
     */
    default boolean hasValidityPing() {
        return false;
    }

    /** Sends the role's ping ({@code issue_keepalive}); called only if {@link #hasValidityPing()}. */
    default void sendValidityPing() {
        throw new UnsupportedOperationException("role has no validity ping");
    }

    /**
     * The context is shutting down and will close this connection right after this call:
     * the role may hand the binding its protocol's goodbye (a WebSocket close 1001, later an
     * HTTP/2 GOAWAY), written as far as the socket takes it at once, without waiting for the
     * peer.
     */
    default void goingAway() {
    }

    /**
     * A read failed (the peer reset the connection...). The connection closes right after
     * this returns ({@link #closed()} follows), unless a client role still in its handshake
     * calls {@link RoleBinding#handshakeFailed} here. Default: nothing.
     */
    default void readFailed(IOException cause) {
    }

    /** The connection has closed; tell the protocol. */
    void closed();

    /** A client connection failed for good; tell the protocol. */
    default void connectFailed(Throwable cause) {
    }
}
