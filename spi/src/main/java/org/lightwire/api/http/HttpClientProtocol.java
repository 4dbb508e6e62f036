package org.lightwire.api.http;

import org.lightwire.api.Connection;
import org.lightwire.api.Protocol;

/**
 * A protocol that makes HTTP client requests: named by a
 * {@link org.lightwire.api.ClientRequest} with role "h1" and a method (lws: a client
 * connection with {@code info.method} set, served by {@code LWS_CALLBACK_*_CLIENT_HTTP}).
 */
public interface HttpClientProtocol extends Protocol {

    /** Creates the session for one client request; its events follow on the connection's loop. */
    HttpClientSession newHttpClientSession(Connection connection);
}
