package org.lightwire.spi;

import java.net.SocketAddress;
import java.nio.ByteBuffer;
import org.lightwire.api.Connection;
import org.lightwire.api.Protocol;

/**
 * What the service loop offers a role for one connection. Loop thread only.
 */
public interface RoleBinding {

    /** The connection, as its protocol sees it. */
    Connection connection();

    /** The protocol instance the connection is bound to. */
    Protocol protocol();

    /**
     * Hands bytes to the transport. What it cannot take at once is kept and finished by
     * the loop, and the role's writeable event waits until then.
     */
    void send(ByteBuffer data);

    /** Sends one datagram (datagram transports only). */
    void sendDatagram(ByteBuffer data, SocketAddress destination);
}
