package org.lightwire.api.http;

import org.lightwire.api.Connection;
import org.lightwire.api.Protocol;

/**
 * A protocol that answers HTTP requests: the target of {@code callback://name} mounts (lws
 * {@code LWSMPRO_CALLBACK}). Requests that match no mount, and mounts that serve files or
 * redirect, need no protocol: the role answers them itself (lws
 * {@code lws_callback_http_dummy}).
 */
public interface HttpProtocol extends Protocol {

    /**
     * A connection's request was routed here: creates the session that receives this and
     * the connection's following requests for as long as they stay in this protocol's
     * mount (lws {@code LWS_CALLBACK_HTTP_BIND_PROTOCOL}). Its {@link HttpSession#request}
     * event follows.
     */
    HttpSession newHttpSession(Connection connection);
}
