package org.lightwire.core.net;

import java.io.IOException;
import java.net.SocketAddress;
import java.util.Optional;

/**
 * How a connection's bytes move: a selectable socket, a datagram socket, or a blocking
 * stream bridged into the loop. The transport only moves bytes and reports readiness to
 * its {@link Wire}; the wire decides what the bytes mean.
 */
public interface Transport {

    /** Attaches the transport to its wire on the wire's loop; readiness is reported from now on. */
    void attach(Wire wire) throws IOException;

    /** Whether readiness to read and to write should be reported. */
    void interest(boolean read, boolean write);

    /** Releases the transport. Idempotent. */
    void close();

    Optional<SocketAddress> remoteAddress();

    Optional<SocketAddress> localAddress();
}
