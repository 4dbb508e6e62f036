package org.lightwire.role.h1.client;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.lightwire.api.http.HttpFields;

/**
 * Encodes an HTTP/1.1 request head (RFC 9112 section 3): request line, Host, the
 * protocol's fields, body framing and Connection, in that order (what lws builds in
 * {@code lws_generate_client_handshake} for an http method). The fields the role owns
 * (Host, Content-Length, Transfer-Encoding, Connection) are dropped from the protocol's
 * list so they can never be sent twice or contradict the framing.
 */
final class RequestHead {

    private static final String[] ROLE_FIELDS = {"host", "content-length", "transfer-encoding", "connection"};

    private RequestHead() {
    }

    /**
     * @param method         the request method (an HTTP token)
     * @param target         the request target (origin-form or, for a proxy, absolute-form)
     * @param route          supplies the Host value and proxy credentials
     * @param fields         the protocol's fields
     * @param bodyLength     0 for no body, -1 for a chunked body, else the Content-Length
     * @param closeAfter     whether to ask the server to close after the response
     * @return the head, ready to read
     */
    static ByteBuffer encode(String method, String target, ClientRoute route, HttpFields fields, long bodyLength,
            boolean closeAfter) {
        StringBuilder sb = new StringBuilder(128 + fields.size() * 32);
        sb.append(method).append(' ').append(target).append(" HTTP/1.1\r\n");
        sb.append("Host: ").append(route.hostHeader()).append("\r\n");
        for (int i = 0; i < fields.size(); i++) {
            String name = fields.name(i);
            if (isRoleField(name) || route.proxied() && name.equals("proxy-authorization") && route.proxyAuthorization() != null) {
                continue;
            }
            sb.append(name).append(": ").append(fields.value(i)).append("\r\n");
        }
        if (route.proxied() && route.proxyAuthorization() != null) {
            sb.append("Proxy-Authorization: ").append(route.proxyAuthorization()).append("\r\n");
        }
        if (bodyLength > 0) {
            sb.append("Content-Length: ").append(bodyLength).append("\r\n");
        } else if (bodyLength < 0) {
            sb.append("Transfer-Encoding: chunked\r\n");
        }
        if (closeAfter) {
            sb.append("Connection: close\r\n");
        }
        sb.append("\r\n");
        return ByteBuffer.wrap(sb.toString().getBytes(StandardCharsets.ISO_8859_1));
    }

    private static boolean isRoleField(String lowerCaseName) {
        for (String f : ROLE_FIELDS) {
            if (f.equals(lowerCaseName)) {
                return true;
            }
        }
        return false;
    }
}
