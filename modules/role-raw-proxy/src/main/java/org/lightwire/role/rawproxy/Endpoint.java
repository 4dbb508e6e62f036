package org.lightwire.role.rawproxy;

import java.nio.ByteBuffer;

/**
 * What a {@link Relay} may do with one of its two connections: the few operations of the
 * connection and of the role binding a relay needs, so the relay's rules can be driven
 * and checked without sockets. Loop thread only.
 */
interface Endpoint {

    /** Asks for a writeable event; one that arrives while output is pending waits for it. */
    void requestWriteable();

    /** Writes {@code data} (inside the writeable event); what the socket cannot take stays pending in core. */
    void send(ByteBuffer data);

    /** Whether output given earlier is still waiting for the socket. */
    boolean hasPendingOutput();

    /** Enables or pauses reading from this connection. */
    void receiving(boolean enable);

    /** Half-closes: the peer reads what was sent, then its end of stream. */
    void shutdownOutput();

    /** Closes the connection after {@code seconds} unless it closes before (draining a partner's last bytes). */
    void closeAfter(int seconds);

    /** Closes the connection now. */
    void close();

    /** The connection's remote address, for logs. */
    String peer();
}
