package org.lightwire.role.ws;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.lightwire.api.ClientRequest;
import org.lightwire.api.Header;
import org.lightwire.api.HttpLimits;
import org.lightwire.api.http.HttpFields;
import org.lightwire.role.ws.codec.DeflateParameters;
import org.lightwire.role.ws.codec.ExtensionHeader;
import org.lightwire.role.ws.codec.MalformedExtensionException;
import org.lightwire.role.ws.codec.PerMessageDeflate;

/**
 * A client's opening handshake (RFC 6455 section 4.1; lws {@code lws_client_ws_upgrade}):
 * the GET upgrade request it writes, then the checks the server's answer must pass — 101,
 * Upgrade and Connection, the accept value for our key, a subprotocol we offered (or none),
 * and only extensions we offered (permessage-deflate, RFC 7692 section 7.1 rules).
 */
final class ClientHandshake {

    /** What the server agreed to. */
    record Agreed(String subprotocol, DeflateParameters deflate, HttpFields fields) {
    }

    private final List<String> offeredProtocols;
    private final String expectedAccept;
    private final DeflateParameters offeredDeflate;
    private final ByteBuffer request;
    private final HandshakeResponse response;

    /**
     * @param deflate permessage-deflate options to offer, or null to offer none
     * @param limits the context's HTTP head limits, which bound the answer's head too
     */
    ClientHandshake(ClientRequest request, PerMessageDeflate.Options deflate, HttpLimits limits) {
        this.response = new HandshakeResponse(limits.maxRequestLine() + limits.maxHeaderBytes(),
                limits.maxHeaderCount());
        this.offeredProtocols = request.subprotocols().isEmpty() ? List.of(request.protocol()) : request.subprotocols();
        String key = AcceptKey.newKey(SecureMaskKeys.random());
        this.expectedAccept = AcceptKey.accept(key);
        this.offeredDeflate = deflate == null ? null : PerMessageDeflate.offer(deflate);
        StringBuilder head = new StringBuilder(512).append("GET ").append(request.path()).append(" HTTP/1.1\r\n")
                .append("Host: ").append(request.hostHeader().orElseGet(() -> hostHeader(request))).append("\r\n")
                .append("Upgrade: websocket\r\nConnection: Upgrade\r\n")
                .append("Sec-WebSocket-Key: ").append(key).append("\r\n")
                .append("Sec-WebSocket-Version: 13\r\n")
                .append("Sec-WebSocket-Protocol: ").append(String.join(", ", offeredProtocols)).append("\r\n");
        request.origin().ifPresent(o -> head.append("Origin: ").append(o).append("\r\n"));
        if (offeredDeflate != null) {
            head.append("Sec-WebSocket-Extensions: ").append(offeredDeflate.toHeaderValue()).append("\r\n");
        }
        for (Header h : request.headers()) {
            head.append(h.name()).append(": ").append(h.value()).append("\r\n");
        }
        head.append("\r\n");
        this.request = ByteBuffer.wrap(head.toString().getBytes(StandardCharsets.UTF_8));
    }

    /** The request bytes to send. */
    ByteBuffer request() {
        return request;
    }

    /** Host, with the port unless it is the scheme's default, IPv6 literals in brackets. */
    private static String hostHeader(ClientRequest request) {
        String host = request.host().indexOf(':') >= 0 && !request.host().startsWith("[")
                ? "[" + request.host() + "]" : request.host();
        boolean defaultPort = request.port() == (request.tls() ? 443 : 80);
        return defaultPort ? host : host + ":" + request.port();
    }

    /**
     * Reads the answer from {@code in}; bytes after its head (the server's first frames)
     * stay in {@code in}.
     *
     * @return what was agreed once the head is complete and acceptable; null while incomplete
     * @throws HandshakeResponse.BadResponseException or MalformedExtensionException: the
     *         client must fail the connection (a 5xx answer is retryable: the server may
     *         be back on a later attempt)
     */
    Agreed feed(ByteBuffer in) throws HandshakeResponse.BadResponseException, MalformedExtensionException {
        if (!response.feed(in)) {
            return null;
        }
        HttpFields f = response.fields();
        if (response.status() != 101) {
            throw new HandshakeResponse.BadResponseException("server answered '" + response.statusLine()
                    + "' instead of 101 Switching Protocols", response.status() >= 500 && response.status() <= 599);
        }
        if (!hasToken(f, "upgrade", "websocket") || !hasToken(f, "connection", "upgrade")) {
            throw new HandshakeResponse.BadResponseException("101 without Upgrade: websocket and Connection: upgrade");
        }
        List<String> accept = f.getAll("sec-websocket-accept");
        if (accept.size() != 1 || !accept.get(0).equals(expectedAccept)) {
            throw new HandshakeResponse.BadResponseException("Sec-WebSocket-Accept " + accept + " does not answer our key");
        }
        List<String> protocols = f.getAll("sec-websocket-protocol");
        if (protocols.size() > 1 || protocols.size() == 1 && !offeredProtocols.contains(protocols.get(0).trim())) {
            throw new HandshakeResponse.BadResponseException("server chose subprotocol " + protocols
                    + ", not one of " + offeredProtocols);
        }
        String subprotocol = protocols.isEmpty() ? null : protocols.get(0).trim();
        DeflateParameters deflate = null;
        List<String> ext = f.getAll("sec-websocket-extensions");
        if (!ext.isEmpty()) {
            String value = String.join(", ", ext);
            for (ExtensionHeader.Extension e : ExtensionHeader.parse(value)) {
                if (!e.name().equalsIgnoreCase(DeflateParameters.EXTENSION_NAME)) {
                    throw new MalformedExtensionException("server agreed to extension '" + e.name() + "', not offered");
                }
            }
            if (offeredDeflate == null) {
                throw new MalformedExtensionException("server agreed to permessage-deflate, not offered");
            }
            deflate = PerMessageDeflate.acceptResponse(value, offeredDeflate).orElse(null);
        }
        return new Agreed(subprotocol, deflate, f);
    }

    private static boolean hasToken(HttpFields fields, String name, String token) {
        for (String value : fields.getAll(name)) {
            for (String t : value.split(",")) {
                if (t.trim().equalsIgnoreCase(token)) {
                    return true;
                }
            }
        }
        return false;
    }
}
